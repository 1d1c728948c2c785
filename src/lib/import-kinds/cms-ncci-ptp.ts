// Import kind "cms-ncci-ptp": NCCI procedure-to-procedure edits, practitioner (licensed: the user
// brings the file). A deletion date of * is CMS's "in force". Feeds ncci_ptp_pair.
import type { FieldDef } from '../schemas/fields.ts';
import type { ImportKindModule } from './types.ts';

export const ptpFields: FieldDef[] = [
	{ name: 'column1', type: 'code', required: true, synonyms: ['column 1', 'column1 code', 'col 1'], description: 'Column 1 code' },
	{ name: 'column2', type: 'code', required: true, synonyms: ['column 2', 'column2 code', 'col 2'], description: 'Column 2 code' },
	{ name: 'effective_date', type: 'date', synonyms: ['effective date'], description: 'Effective date' },
	{ name: 'deletion_date', type: 'date', nullValues: ['*'], synonyms: ['deletion date', 'deletion date *=no data'], description: 'Deletion date (empty or * = in force)' },
	{ name: 'modifier_indicator', type: 'text', synonyms: ['modifier', 'modifier 0=not allowed 1=allowed 9=not applicable', 'modifier indicator'], description: '0 = no modifier allowed, 1 = allowed, 9 = not applicable' }
];

export const cmsNcciPtp = {
	id: 'cms-ncci-ptp',
	label: 'CMS NCCI PTP edits (practitioner)',
	help: 'The practitioner NCCI procedure-to-procedure edit table as downloaded from CMS (tab-delimited text; notice lines above the header are skipped): column 1 and column 2 codes, effective and deletion dates (* = in force) and the modifier indicator. Enables the ncci_ptp_pair rule. Bring your own copy.',
	fields: ptpFields,
	target: 'ncci_ptp_pairs',
	targetColumns: ptpFields.map((f) => f.name),
	detect: (fits) => fits('column1') && fits('column2')
} satisfies ImportKindModule<'cms-ncci-ptp'>;
