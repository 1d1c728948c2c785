// The canonical data model: which columns each import kind has, their types, which are
// required, and the header synonyms real exports use. Shared by the importer (server), the CLI
// and the Data page's documentation table. README "Data model" mirrors this file.
import { z } from 'zod';

export const importKinds = ['claims', 'audits', 'cms-provider-service', 'cms-mue', 'cms-ncci-ptp'] as const;
export const ImportKind = z.enum(importKinds);
export type ImportKind = z.infer<typeof ImportKind>;

/** How a raw text value becomes a typed value (see build-staging-sql.ts for each rule). */
export type FieldType =
	| 'text' // trimmed text, empty -> NULL
	| 'code' // trimmed, upper-cased (procedure codes, POS, ids that compare case-insensitively)
	| 'npi' // 10 digits with a valid CMS check digit (Luhn over 80840 + 9 digits)
	| 'date' // ISO YYYY-MM-DD, US MM/DD/YYYY or YYYYMMDD
	| 'int' // whole number
	| 'money' // decimal with optional $ and thousands separators, DECIMAL(14,2)
	| 'number' // decimal count (CMS service counts can be fractional)
	| 'list' // ;-, comma- or |-separated list of codes
	| 'status'; // claim line status: paid, denied, partial, pending

export interface FieldDef {
	name: string;
	type: FieldType;
	required?: boolean;
	/** SQL literal used when the column is absent or empty (e.g. units default 1). */
	defaultSql?: string;
	/** Header spellings seen in real exports; compared after normalizeHeader(). */
	synonyms: string[];
	/** values that mean "none" in this field (CMS writes * for an NCCI deletion date in force) */
	nullValues?: string[];
	/** stored value = group 1 of this regex over the text (CMS MAI "2 Date of Service Edit: Policy" -> 2); no match = bad value */
	extract?: { pattern: string; expected: string };
	description: string;
}

export const lineStatuses = ['paid', 'denied', 'partial', 'pending'] as const;

export const claimFields: FieldDef[] = [
	{ name: 'claim_id', type: 'text', required: true, synonyms: ['claim', 'claim number', 'claim no', 'claim #', 'claim nbr', 'icn', 'clm id', 'encounter id', 'encounter'], description: 'Claim identifier from the billing system' },
	{ name: 'line_number', type: 'int', required: true, synonyms: ['line', 'line no', 'line #', 'line nbr', 'ln', 'service line', 'svc line', 'claim line'], description: 'Line number within the claim' },
	{ name: 'patient_id', type: 'text', synonyms: ['patient', 'mrn', 'member id', 'patient account', 'account number', 'pt id', 'patient number', 'subscriber id'], description: 'Patient identifier (PHI)' },
	{ name: 'rendering_npi', type: 'npi', required: true, synonyms: ['rendering npi', 'rendering provider npi', 'provider npi', 'npi', 'rndrng npi', 'rend npi', 'rendering provider id'], description: 'Rendering provider NPI (10 digits, check digit verified)' },
	{ name: 'provider_name', type: 'text', synonyms: ['provider', 'rendering provider', 'rendering provider name', 'physician', 'physician name', 'doctor'], description: 'Rendering provider name' },
	{ name: 'specialty', type: 'text', required: true, synonyms: ['provider specialty', 'specialty name', 'provider type', 'rndrng prvdr type', 'taxonomy description', 'department'], description: 'Provider specialty (the default peer group)' },
	{ name: 'payer', type: 'text', synonyms: ['payer name', 'payor', 'payor name', 'insurance', 'insurance name', 'carrier', 'plan', 'primary payer', 'financial class'], description: 'Payer' },
	{ name: 'place_of_service', type: 'code', synonyms: ['pos', 'place of srvc', 'pos code'], description: 'CMS place-of-service code' },
	{ name: 'service_date', type: 'date', required: true, synonyms: ['date of service', 'dos', 'from date', 'service from date', 'svc date', 'from dos', 'service from'], description: 'Date of service (PHI)' },
	{ name: 'procedure_code', type: 'code', required: true, synonyms: ['cpt', 'cpt code', 'hcpcs', 'hcpcs code', 'cpt/hcpcs', 'cpt hcpcs', 'hcpcs cd', 'proc code', 'procedure', 'cpt4', 'service code'], description: 'CPT/HCPCS code' },
	{ name: 'modifiers', type: 'list', synonyms: ['modifier', 'mods', 'modifier codes'], description: 'Modifiers, e.g. 25;59 (or columns modifier_1..modifier_4)' },
	{ name: 'modifier_1', type: 'code', synonyms: ['mod 1', 'mod1', 'modifier1', 'm1', 'mod a', 'first modifier'], description: 'First modifier' },
	{ name: 'modifier_2', type: 'code', synonyms: ['mod 2', 'mod2', 'modifier2', 'm2', 'mod b'], description: 'Second modifier' },
	{ name: 'modifier_3', type: 'code', synonyms: ['mod 3', 'mod3', 'modifier3', 'm3', 'mod c'], description: 'Third modifier' },
	{ name: 'modifier_4', type: 'code', synonyms: ['mod 4', 'mod4', 'modifier4', 'm4', 'mod d'], description: 'Fourth modifier' },
	{ name: 'units', type: 'int', defaultSql: '1', synonyms: ['unit', 'service units', 'svc units', 'qty', 'quantity', 'days or units', 'units of service'], description: 'Units (default 1)' },
	{ name: 'minutes', type: 'int', synonyms: ['time', 'total minutes', 'duration', 'time minutes', 'service minutes'], description: 'Minutes for timed services (optional)' },
	{ name: 'diagnosis_codes', type: 'list', synonyms: ['diagnoses', 'diagnosis', 'dx', 'dx codes', 'icd10', 'icd 10 codes', 'icd10 codes', 'diagnosis code'], description: 'ICD-10 codes, e.g. E11.9;I10' },
	{ name: 'charge_amount', type: 'money', synonyms: ['charge', 'charges', 'billed amount', 'billed', 'total charge', 'line charge', 'charge amt', 'billed amt'], description: 'Billed charge' },
	{ name: 'allowed_amount', type: 'money', synonyms: ['allowed', 'allowable', 'allowed amt', 'allowed charge'], description: 'Allowed amount' },
	{ name: 'paid_amount', type: 'money', synonyms: ['paid', 'payment', 'payment amount', 'insurance paid', 'paid amt', 'amount paid'], description: 'Paid amount' },
	{ name: 'line_status', type: 'status', synonyms: ['status', 'claim status', 'adjudication status', 'line status code'], description: 'paid, denied, partial or pending' },
	{ name: 'denial_codes', type: 'list', synonyms: ['denial code', 'denial reason', 'denial reasons', 'carc', 'carcs', 'adjustment codes', 'reason codes', 'denial reason codes'], description: 'Group-CARC codes, e.g. CO-97;PR-204' },
	{ name: 'coder_id', type: 'code', synonyms: ['coder', 'coded by', 'coder name'], description: 'Coder who coded the line' }
];

export const auditFields: FieldDef[] = [
	{ name: 'audit_id', type: 'text', synonyms: ['audit', 'audit #', 'audit number', 'review id'], description: 'Audit (worksheet) identifier' },
	{ name: 'claim_id', type: 'text', required: true, synonyms: ['claim', 'claim number', 'claim no', 'claim #', 'icn', 'encounter id', 'encounter #', 'encounter', 'encounter number'], description: 'Audited claim' },
	{ name: 'line_number', type: 'int', required: true, synonyms: ['line', 'line no', 'line #', 'ln', 'claim line'], description: 'Audited line' },
	{ name: 'coder_id', type: 'code', required: true, synonyms: ['coder', 'coded by', 'coder name'], description: 'Coder whose work was audited' },
	{ name: 'auditor_id', type: 'code', synonyms: ['auditor', 'reviewer', 'reviewed by', 'auditor name'], description: 'Auditor' },
	{ name: 'audit_date', type: 'date', synonyms: ['review date', 'date audited', 'audited on'], description: 'Date of the audit' },
	{ name: 'specialty', type: 'text', synonyms: ['provider specialty', 'specialty name', 'department'], description: 'Specialty of the audited provider' },
	{ name: 'service_date', type: 'date', synonyms: ['date of service', 'dos', 'svc date'], description: 'Date of service (PHI)' },
	{ name: 'original_code', type: 'code', synonyms: ['original cpt', 'billed code', 'coded cpt', 'submitted code', 'original procedure code', 'coded code', 'original', 'billed cpt', 'billed hcpcs', 'billed cpt code', 'submitted cpt'], description: 'Code as billed (empty = line added by the auditor)' },
	{ name: 'audited_code', type: 'code', synonyms: ['audited cpt', 'correct code', 'auditor code', 'recommended code', 'audited procedure code', 'revised code', 'audited', 'audited hcpcs', 'audited cpt code', 'corrected cpt', 'correct cpt'], description: 'Code the auditor supports (empty = not supported)' },
	{ name: 'original_modifiers', type: 'list', synonyms: ['original modifier', 'billed modifiers', 'original mods', 'billed mod', 'billed mods', 'billed modifier'], description: 'Modifiers as billed' },
	{ name: 'audited_modifiers', type: 'list', synonyms: ['audited modifier', 'correct modifiers', 'audited mods', 'audited mod', 'corrected modifier'], description: 'Modifiers the auditor supports' },
	{ name: 'original_units', type: 'int', synonyms: ['billed units', 'original unit'], description: 'Units as billed' },
	{ name: 'audited_units', type: 'int', synonyms: ['correct units', 'audited unit'], description: 'Units the auditor supports' },
	{ name: 'original_diagnoses', type: 'list', synonyms: ['original dx', 'billed dx', 'original diagnosis codes', 'billed icd 10', 'billed icd10', 'billed diagnoses'], description: 'Diagnoses as billed' },
	{ name: 'audited_diagnoses', type: 'list', synonyms: ['audited dx', 'correct dx', 'audited diagnosis codes', 'audited icd 10', 'audited icd10', 'audited diagnoses'], description: 'Diagnoses the auditor supports' },
	{ name: 'billed_amount', type: 'money', synonyms: ['billed', 'charge', 'charge amount', 'original amount', 'billed amt'], description: 'Amount as billed' },
	{ name: 'audited_amount', type: 'money', synonyms: ['correct amount', 'audited fee', 'audited amt', 'supported amount'], description: 'Amount the audit supports' }
];

/** The CMS "Physician & Other Practitioners - by Provider and Service" layout (current names). */
export const cmsFields: FieldDef[] = [
	{ name: 'rendering_npi', type: 'npi', required: true, synonyms: ['rndrng npi', 'npi'], description: 'Rndrng_NPI' },
	{ name: 'provider_last_name', type: 'text', synonyms: ['rndrng prvdr last org name', 'nppes provider last org name'], description: 'Rndrng_Prvdr_Last_Org_Name' },
	{ name: 'provider_first_name', type: 'text', synonyms: ['rndrng prvdr first name', 'nppes provider first name'], description: 'Rndrng_Prvdr_First_Name' },
	{ name: 'specialty', type: 'text', required: true, synonyms: ['rndrng prvdr type', 'provider type'], description: 'Rndrng_Prvdr_Type' },
	{ name: 'procedure_code', type: 'code', required: true, synonyms: ['hcpcs cd', 'hcpcs code', 'hcpcs'], description: 'HCPCS_Cd' },
	{ name: 'place_of_service', type: 'code', synonyms: ['place of srvc', 'place of service'], description: 'Place_Of_Srvc (F facility, O office)' },
	{ name: 'services', type: 'number', required: true, synonyms: ['tot srvcs', 'line srvc cnt'], description: 'Tot_Srvcs' },
	{ name: 'beneficiaries', type: 'int', synonyms: ['tot benes', 'bene unique cnt'], description: 'Tot_Benes' },
	{ name: 'avg_charge', type: 'money', synonyms: ['avg sbmtd chrg', 'average submitted chrg amt'], description: 'Avg_Sbmtd_Chrg' },
	{ name: 'avg_allowed', type: 'money', synonyms: ['avg mdcr alowd amt', 'average medicare allowed amt'], description: 'Avg_Mdcr_Alowd_Amt' },
	{ name: 'avg_paid', type: 'money', synonyms: ['avg mdcr pymt amt', 'average medicare payment amt'], description: 'Avg_Mdcr_Pymt_Amt' }
];

/** CMS Medically Unlikely Edits, practitioner services (licensed: the user brings the file). */
export const mueFields: FieldDef[] = [
	{ name: 'procedure_code', type: 'code', required: true, synonyms: ['hcpcs/cpt code', 'hcpcs cpt code', 'hcpcs', 'cpt', 'hcpcs code'], description: 'HCPCS/CPT Code' },
	{ name: 'mue', type: 'int', required: true, synonyms: ['practitioner services mue values', 'mue value', 'mue values', 'practitioner mue'], description: 'Practitioner Services MUE Values' },
	{ name: 'adjudication_indicator', type: 'text', synonyms: ['mue adjudication indicator', 'mai'], extract: { pattern: '^\\s*([123])\\b', expected: '1, 2 or 3 (e.g. "1 Line Edit", "2 Date of Service Edit: Policy")' }, description: 'MUE Adjudication Indicator: 1 = per claim line, 2 and 3 = per patient and date of service' }
];

/** CMS NCCI procedure-to-procedure edits, practitioner (licensed: the user brings the file). */
export const ptpFields: FieldDef[] = [
	{ name: 'column1', type: 'code', required: true, synonyms: ['column 1', 'column1 code', 'col 1'], description: 'Column 1 code' },
	{ name: 'column2', type: 'code', required: true, synonyms: ['column 2', 'column2 code', 'col 2'], description: 'Column 2 code' },
	{ name: 'effective_date', type: 'date', synonyms: ['effective date'], description: 'Effective date' },
	{ name: 'deletion_date', type: 'date', nullValues: ['*'], synonyms: ['deletion date', 'deletion date *=no data'], description: 'Deletion date (empty or * = in force)' },
	{ name: 'modifier_indicator', type: 'text', synonyms: ['modifier', 'modifier 0=not allowed 1=allowed 9=not applicable', 'modifier indicator'], description: '0 = no modifier allowed, 1 = allowed, 9 = not applicable' }
];

export const fieldsByKind: Record<ImportKind, FieldDef[]> = {
	claims: claimFields,
	audits: auditFields,
	'cms-provider-service': cmsFields,
	'cms-mue': mueFields,
	'cms-ncci-ptp': ptpFields
};

/** Text encodings a file can be declared in (a mapping's "encoding", the CLI's --encoding). */
export const TextEncodingName = z.enum(['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']);

/**
 * A user-supplied mapping file: canonical field -> the header in their file, and optionally how
 * the file writes its values: text encoding, decimal separator ('.' for 1,234.56, ',' for
 * 1.234,56) and date layouts (strptime formats such as "%d-%b-%Y" for 30-May-2015, tried
 * after ISO dates and before the defaults).
 */
export const MappingFile = z.object({
	kind: ImportKind.optional(),
	columns: z.record(z.string(), z.string().min(1)),
	encoding: TextEncodingName.optional(),
	decimal: z.enum(['.', ',']).optional(),
	dateFormats: z.array(z.string().regex(/^[%A-Za-z0-9 /.:,_-]{2,40}$/, 'a strptime format such as %d-%b-%Y')).min(1).optional()
}).strict();
export type MappingFile = z.infer<typeof MappingFile>;
