// Import kind "sam": the SAM.gov public exclusions extract (CSV), as downloaded from
// SAM.gov's data services. Individuals carry First/Middle/Last, firms a Name; Active Date is the
// exclusion date and Termination Date its end ("Indefinite" = none). Dates are MM/DD/YYYY.
// Feeds exclusion screening with the LEIE (queries/schema_exclusions.sql), tagged list = 'sam'.
import type { FieldDef } from '../schemas/fields.ts';
import type { ImportKindModule } from './types.ts';
import { personOrEntityProblem, validNpiOnly } from './oig-leie.ts';

export const samFields: FieldDef[] = [
	{ name: 'last_name', type: 'text', synonyms: ['last'], description: 'Last name (individuals)' },
	{ name: 'first_name', type: 'text', synonyms: ['first'], description: 'First name' },
	{ name: 'middle_name', type: 'text', synonyms: ['middle'], description: 'Middle name' },
	{ name: 'business_name', type: 'text', synonyms: ['name'], description: 'Name of a firm or entity' },
	{ name: 'general', type: 'text', synonyms: ['classification'], description: 'Classification (Individual, Firm, ...)' },
	{ name: 'specialty', type: 'text', synonyms: ['exclusion program'], description: 'Exclusion program (Reciprocal, Procurement, ...)' },
	{ name: 'npi', type: 'text', synonyms: [], description: 'NPI (a mistyped one loads as none and the record is matched by name; often blank)' },
	{ name: 'address', type: 'text', synonyms: ['address 1'], description: 'Address' },
	{ name: 'city', type: 'text', synonyms: [], description: 'City' },
	{ name: 'state', type: 'code', synonyms: ['state / province', 'state province'], description: 'State or province' },
	{ name: 'zip', type: 'text', synonyms: ['zip code'], description: 'ZIP code' },
	{ name: 'excl_type', type: 'text', synonyms: ['exclusion type'], description: 'Exclusion type (Ineligible, Prohibition/Restriction, ...)' },
	{ name: 'excl_date', type: 'date', required: true, synonyms: ['active date'], description: 'Active (exclusion) date' },
	{ name: 'rein_date', type: 'date', nullValues: ['Indefinite', 'INDEFINITE'], synonyms: ['termination date'], description: 'Termination date (Indefinite = none)' }
];

export const samExclusions = {
	id: 'sam',
	label: 'SAM.gov exclusions',
	help: 'The SAM.gov public exclusions extract (CSV): individuals and firms excluded from federal awards and programs, with active and termination dates. Load it with the LEIE every month; it is screened the same way (Exclusions page, `claimlens screen`).',
	fields: samFields,
	target: 'exclusion_rows',
	targetColumns: samFields.map((f) => f.name),
	tag: { column: 'list', value: 'sam' },
	detect: (fits) => fits('excl_date') && fits('excl_type') && fits('general'),
	finish: (exprs) => validNpiOnly(exprs),
	problems: (exprs) => personOrEntityProblem(exprs, 'a name')
} satisfies ImportKindModule<'sam'>;
