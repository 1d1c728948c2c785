// Import kind "provider-roster": the practice's provider list (NPI, name, specialty or NUCC
// taxonomy code). Claim files without a specialty (X12 837, many exports) take it from here; a
// claim line with no specialty from either is rejected, saying so.
import type { FieldDef } from '../schemas/fields.ts';
import type { ImportKindModule } from './types.ts';

export const rosterFields: FieldDef[] = [
	{ name: 'npi', type: 'npi', required: true, synonyms: ['provider npi', 'rendering npi', 'individual npi', 'npi number'], description: 'Provider NPI (10 digits, check digit verified)' },
	{ name: 'provider_name', type: 'text', synonyms: ['provider', 'name', 'provider name', 'physician', 'full name'], description: 'Provider name' },
	{ name: 'specialty', type: 'text', synonyms: ['provider specialty', 'specialty name', 'department', 'provider type'], description: 'Specialty (the peer group); else the taxonomy code is used' },
	{ name: 'state', type: 'code', synonyms: ['practice state', 'provider state', 'st', 'license state'], description: 'Practice state (two letters): exclusion name matches are blocked by state' },
	{ name: 'taxonomy_code', type: 'code', synonyms: ['taxonomy', 'nucc taxonomy', 'taxonomy cd', 'primary taxonomy', 'healthcare provider taxonomy code'], description: 'NUCC taxonomy code, e.g. 207Q00000X' }
];

export const providerRoster = {
	id: 'provider-roster',
	label: 'Provider roster',
	help: 'One row per provider: NPI, name, and specialty or NUCC taxonomy code. Claim files without a specialty column (X12 837, many exports) take the specialty from the newest roster; load it before those claims.',
	fields: rosterFields,
	target: 'provider_roster',
	targetColumns: rosterFields.map((f) => f.name),
	detect: (fits, claimIdFits) => fits('npi') && (fits('specialty') || fits('taxonomy_code')) && !claimIdFits,
	finish(exprs, columns) {
		// a roster with only taxonomy codes still gives every provider a peer group
		if (columns.taxonomy_code) exprs.set('specialty', `coalesce(${columns.specialty ? exprs.get('specialty') : 'NULL'}, 'taxonomy ' || ${exprs.get('taxonomy_code')})`);
	},
	problems(exprs) {
		return [`CASE WHEN ${exprs.get('specialty')} IS NULL THEN 'specialty|missing required value: a specialty or a taxonomy code|' END`];
	}
} satisfies ImportKindModule<'provider-roster'>;
