// Import kind "audits": coding-audit worksheets (billed vs audited code, modifiers, units,
// diagnoses per line). Feeds coder accuracy.
import type { FieldDef } from '../schemas/fields.ts';
import type { ImportKindModule } from './types.ts';

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

export const audits = {
	id: 'audits',
	label: 'Coding-audit worksheet',
	help: 'One row per audited line: claim, line, coder, auditor, the billed code, modifiers, units and diagnoses, and what the auditor supports. Headers such as Billed CPT / Audited CPT are recognised. Feeds coder accuracy.',
	fields: auditFields,
	target: 'audit_lines',
	targetColumns: auditFields.map((f) => f.name),
	detect: (fits) => fits('original_code') && fits('audited_code')
} satisfies ImportKindModule<'audits'>;
