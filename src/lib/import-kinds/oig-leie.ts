// Import kind "leie": the OIG List of Excluded Individuals/Entities as OIG publishes it, the
// full file (UPDATED.csv) or a monthly supplement (exclusions, or reinstatements with REINDATE
// set): same columns. Dates are YYYYMMDD with 00000000 for none, and NPI 0000000000 stands for
// "no NPI" (about 90% of records), so both placeholders load as NULL. The user loads it monthly;
// ClaimLens ships no list. Feeds exclusion screening (queries/schema_exclusions.sql).
import type { FieldDef } from '../schemas/fields.ts';
import type { ImportKindModule } from './types.ts';

const NO_DATE = ['00000000'];

export const leieFields: FieldDef[] = [
	{ name: 'last_name', type: 'text', synonyms: ['lastname'], description: 'Last name (individuals)' },
	{ name: 'first_name', type: 'text', synonyms: ['firstname'], description: 'First name' },
	{ name: 'middle_name', type: 'text', synonyms: ['midname', 'middlename'], description: 'Middle name or initial' },
	{ name: 'business_name', type: 'text', synonyms: ['busname', 'businessname'], description: 'Business name (entities)' },
	{ name: 'general', type: 'text', synonyms: [], description: 'General category (e.g. IND- LIC HC SERV PRO)' },
	{ name: 'specialty', type: 'text', synonyms: [], description: 'Specialty' },
	{ name: 'npi', type: 'text', nullValues: ['0000000000'], synonyms: [], description: 'NPI (a mistyped one loads as none and the record is matched by name; 0000000000 = none)' },
	{ name: 'dob', type: 'date', nullValues: NO_DATE, synonyms: ['birthdate', 'date of birth'], description: 'Date of birth (YYYYMMDD)' },
	{ name: 'address', type: 'text', synonyms: [], description: 'Address' },
	{ name: 'city', type: 'text', synonyms: [], description: 'City' },
	{ name: 'state', type: 'code', synonyms: [], description: 'State (two letters)' },
	{ name: 'zip', type: 'text', synonyms: [], description: 'ZIP code' },
	{ name: 'excl_type', type: 'text', synonyms: ['excltype'], description: 'Exclusion authority, e.g. 1128a1' },
	{ name: 'excl_date', type: 'date', required: true, nullValues: NO_DATE, synonyms: ['excldate'], description: 'Exclusion date (YYYYMMDD)' },
	{ name: 'rein_date', type: 'date', nullValues: NO_DATE, synonyms: ['reindate'], description: 'Reinstatement date (00000000 = none)' },
	{ name: 'waiver_date', type: 'date', nullValues: NO_DATE, synonyms: ['waiverdate'], description: 'Waiver date (00000000 = none)' },
	{ name: 'waiver_state', type: 'code', synonyms: ['wvrstate'], description: 'State of the waiver' }
];

/** Both lists name a person or an entity: a row with neither cannot be screened (problem SQL, see types.ts). */
export function personOrEntityProblem(exprs: Map<string, string>, what: string): string[] {
	return [`CASE WHEN ${exprs.get('last_name')} IS NULL AND ${exprs.get('business_name')} IS NULL THEN 'last_name|missing required value: a last name or ${what}|' END`];
}

/** The list's NPI only when it is a valid NPI (npi_valid, queries/schema_exclusions.sql); else none. */
export function validNpiOnly(exprs: Map<string, string>): void {
	const npi = exprs.get('npi');
	if (npi) exprs.set('npi', `CASE WHEN npi_valid(${npi}) THEN ${npi} END`);
}

export const oigLeie = {
	id: 'leie',
	label: 'OIG LEIE exclusions',
	help: 'The OIG List of Excluded Individuals/Entities: the full file (UPDATED.csv) or a monthly supplement of exclusions or reinstatements, as downloaded from oig.hhs.gov. Load it every month; each load is a list version. Screens every provider in your claims and roster (Exclusions page, `claimlens screen`) and feeds the excluded_provider rule.',
	fields: leieFields,
	target: 'exclusion_rows',
	targetColumns: leieFields.map((f) => f.name),
	tag: { column: 'list', value: 'leie' },
	detect: (fits) => fits('excl_date') && fits('last_name') && fits('business_name'),
	finish: (exprs) => validNpiOnly(exprs),
	problems: (exprs) => personOrEntityProblem(exprs, 'a business name')
} satisfies ImportKindModule<'leie'>;
