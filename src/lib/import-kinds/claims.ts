// Import kind "claims": claim lines from a practice-management or billing export (one row per
// claim line). Feeds the risk flags, denials (its own status and codes) and sampling frames.
import type { FieldDef } from '../schemas/fields.ts';
import type { ImportKindModule } from './types.ts';

export const claimFields: FieldDef[] = [
	{ name: 'claim_id', type: 'text', required: true, synonyms: ['claim', 'claim number', 'claim no', 'claim #', 'claim nbr', 'icn', 'clm id', 'encounter id', 'encounter'], description: 'Claim identifier from the billing system' },
	{ name: 'line_number', type: 'int', required: true, synonyms: ['line', 'line no', 'line #', 'line nbr', 'ln', 'service line', 'svc line', 'claim line'], description: 'Line number within the claim' },
	{ name: 'patient_id', type: 'text', synonyms: ['patient', 'mrn', 'member id', 'patient account', 'account number', 'pt id', 'patient number', 'subscriber id'], description: 'Patient identifier (PHI)' },
	{ name: 'rendering_npi', type: 'npi', required: true, synonyms: ['rendering npi', 'rendering provider npi', 'provider npi', 'npi', 'rndrng npi', 'rend npi', 'rendering provider id'], description: 'Rendering provider NPI (10 digits, check digit verified)' },
	{ name: 'provider_name', type: 'text', synonyms: ['provider', 'rendering provider', 'rendering provider name', 'physician', 'physician name', 'doctor'], description: 'Rendering provider name' },
	{ name: 'specialty', type: 'text', synonyms: ['provider specialty', 'specialty name', 'provider type', 'rndrng prvdr type', 'taxonomy description', 'department'], description: 'Provider specialty (the default peer group)' },
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

const MODIFIER_COLUMNS = ['modifier_1', 'modifier_2', 'modifier_3', 'modifier_4'];

/** The specialty of an NPI in the provider roster (provider-roster kind), for files without one. */
const rosterSpecialty = (npi: string) => `(SELECT r.specialty FROM provider_roster r WHERE r.npi = ${npi} ORDER BY r.import_id DESC LIMIT 1)`;

export const claims = {
	id: 'claims',
	label: 'Claim lines',
	help: 'One row per claim line from a practice-management or billing export (CSV, CSV.gz or Parquet): claim id, line, rendering NPI, specialty, date of service, CPT/HCPCS code, units and amounts. A file without a specialty column takes it from the provider roster. Feeds risk flags, denials and sampling.',
	fields: claimFields,
	target: 'claim_lines',
	targetColumns: claimFields.map((f) => f.name).filter((n) => !MODIFIER_COLUMNS.includes(n)),
	// a claim export with at most one required column unnamed is still claims (the import then names it)
	detect: (fits) => fits('procedure_code') && ['claim_id', 'line_number', 'rendering_npi', 'service_date'].filter((f) => !fits(f)).length <= 1,
	finish(exprs, columns, ctx) {
		const mods = MODIFIER_COLUMNS.filter((m) => columns[m]).map((m) => exprs.get(m) as string);
		if (mods.length) exprs.set('modifiers', `list_concat(${exprs.get('modifiers')}, list_filter([${mods.join(', ')}], lambda x: x IS NOT NULL))`);
		// specialty: the file's, else the roster's for the rendering NPI
		if (ctx.hasRoster) {
			const own = columns.specialty ? (exprs.get('specialty') as string) : 'NULL';
			exprs.set('specialty', `coalesce(${own}, ${rosterSpecialty(exprs.get('rendering_npi') as string)})`);
		}
	},
	problems(exprs, columns, ctx) {
		if (!columns.specialty || ctx.hasRoster) {
			return [`CASE WHEN ${exprs.get('specialty')} IS NULL THEN 'specialty|no specialty: the file has none for this line and the NPI is not in the provider roster|' || coalesce(${exprs.get('rendering_npi')}, '') END`];
		}
		return [];
	},
	afterLoad: ['rollup_claim_import'],
	feedsDenials: true
} satisfies ImportKindModule<'claims'>;
