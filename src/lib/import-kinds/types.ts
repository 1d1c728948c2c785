// One registry per extension point: an import kind is one module here (its fields with their
// synonyms, how its headers are recognised, its target table, the staging it needs, its label
// and help). The importer, the Data page, the CLI usage and `claimlens kinds` read the registry;
// adding a kind is a new module plus its tests. Client-safe: no server imports, SQL by name.
import type { FieldDef } from '../schemas/fields.ts';

export interface ImportKindModule<Id extends string = string> {
	id: Id;
	/** what the user sees in the kind picker ("Claim lines") */
	label: string;
	/** one paragraph: what the file is, where it comes from, what it feeds */
	help: string;
	fields: FieldDef[];
	/** the table its rows go to */
	target: string;
	/** columns written, in the order of the target table (import_id is added by the loader) */
	targetColumns: string[];
	/**
	 * Whether a file's headers are this kind: `fits(field)` says whether a header maps to the
	 * field; `claimIdFits` whether one maps to a claim id (claim exports have them, CMS files
	 * do not). Kinds are tried in registry order.
	 */
	detect: (fits: (field: string) => boolean, claimIdFits: boolean) => boolean;
	/**
	 * SQL finishing the canonical columns: `exprs` maps field -> its SQL value; a module may
	 * replace or add values (claims: modifier columns into one list; CMS: the provider name).
	 */
	finish?: (exprs: Map<string, string>, columns: Record<string, string>, ctx: { hasRoster: boolean }) => void;
	/** extra problem expressions (SQL producing 'field|reason|value' or NULL) over the finished values */
	problems?: (exprs: Map<string, string>, columns: Record<string, string>, ctx: { hasRoster: boolean }) => string[];
	/** a constant column tagging this kind's rows in a shared table (CMS rows of provider_services) */
	tag?: { column: string; value: string };
	/** its rows record the data year of the file (CMS public files are yearly): from --year, else the file name */
	dataYear?: boolean;
	/** named SQL files (queries/) run after the rows are loaded, in the import's transaction, with $import_id */
	afterLoad?: string[];
	/** its rows feed the denial facts (rebuilt before the commit) */
	feedsDenials?: boolean;
}
