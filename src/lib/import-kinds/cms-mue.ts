// Import kind "cms-mue": the practitioner Medically Unlikely Edits table the user downloads from
// CMS (licensed: never shipped). Notice lines above the header are skipped; the MAI text
// ("1 Line Edit", "2 Date of Service Edit: Policy") is stored as its digit. Feeds mue_exceeded.
import type { FieldDef } from '../schemas/fields.ts';
import type { ImportKindModule } from './types.ts';

export const mueFields: FieldDef[] = [
	{ name: 'procedure_code', type: 'code', required: true, synonyms: ['hcpcs/cpt code', 'hcpcs cpt code', 'hcpcs', 'cpt', 'hcpcs code'], description: 'HCPCS/CPT Code' },
	{ name: 'mue', type: 'int', required: true, synonyms: ['practitioner services mue values', 'mue value', 'mue values', 'practitioner mue'], description: 'Practitioner Services MUE Values' },
	{ name: 'adjudication_indicator', type: 'text', synonyms: ['mue adjudication indicator', 'mai'], extract: { pattern: '^\\s*([123])\\b', expected: '1, 2 or 3 (e.g. "1 Line Edit", "2 Date of Service Edit: Policy")' }, description: 'MUE Adjudication Indicator: 1 = per claim line, 2 and 3 = per patient and date of service' }
];

export const cmsMue = {
	id: 'cms-mue',
	label: 'CMS MUE table (practitioner)',
	help: 'The practitioner Medically Unlikely Edits table as downloaded from CMS (CSV, the notice above the header is skipped): HCPCS/CPT code, MUE value and adjudication indicator (1 = per line, 2 and 3 = per patient and date of service). Enables the mue_exceeded rule. Licensed by CMS/AMA: bring your own copy.',
	fields: mueFields,
	target: 'mue_limits',
	targetColumns: mueFields.map((f) => f.name),
	detect: (fits, claimIdFits) => fits('mue') && !claimIdFits
} satisfies ImportKindModule<'cms-mue'>;
