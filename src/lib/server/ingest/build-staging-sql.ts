// Builds the one SELECT that turns a file's text columns into typed canonical columns plus a
// list of problems per row ("column|reason|value"). Pure string building over an allow-list:
// identifiers are the file's own headers, always double-quoted with quotes doubled; no value
// from the file is ever spliced into SQL. Unit-tested in tests/unit/build-staging-sql.test.ts.
import { fieldsByKind, lineStatuses, type FieldDef, type ImportKind } from '../../schemas/fields.ts';

export function quoteIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

function sqlString(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** Raw text of a mapped column, trimmed, empty -> NULL. */
function raw(header: string): string {
	return `nullif(trim(${quoteIdent(header)}), '')`;
}

const DATE_FORMATS = `['%m/%d/%Y', '%Y%m%d', '%m/%d/%y', '%m-%d-%Y']`;

/** Typed value of one field from its raw text expression r. */
function typed(field: FieldDef, r: string): string {
	switch (field.type) {
		case 'text':
			return r;
		case 'code':
			return `upper(${r})`;
		case 'npi':
			return r;
		case 'date':
			return `coalesce(try_cast(${r} AS DATE), try_strptime(${r}, ${DATE_FORMATS})::DATE)`;
		case 'int':
			return `try_cast(${r} AS INTEGER)`;
		case 'money':
			return `try_cast(regexp_replace(${r}, '[$,\\s]', '', 'g') AS DECIMAL(14,2))`;
		case 'number':
			return `try_cast(replace(${r}, ',', '') AS DOUBLE)`;
		case 'list':
			return `coalesce(list_filter(list_transform(regexp_split_to_array(trim(${r}, '[]'), '[;,|]'), lambda x: upper(trim(x, ' ''"'))), lambda x: x <> ''), []::VARCHAR[])`;
		case 'status':
			return `lower(${r})`;
	}
}

/** SQL boolean that is true when a present raw value r is malformed, with its reason. */
function problem(field: FieldDef, r: string, t: string): { cond: string; reason: string }[] {
	switch (field.type) {
		case 'npi':
			return [
				{ cond: `${r} IS NOT NULL AND NOT regexp_full_match(${r}, '[0-9]{10}')`, reason: 'NPI must be 10 digits' },
				{ cond: `${r} IS NOT NULL AND regexp_full_match(${r}, '[0-9]{10}') AND NOT npi_is_valid(${r})`, reason: 'bad NPI check digit' }
			];
		case 'date':
			return [
				{ cond: `${r} IS NOT NULL AND ${t} IS NULL`, reason: 'bad date' },
				{ cond: `${t} IS NOT NULL AND (${t} < DATE '1900-01-01' OR ${t} > DATE '2100-12-31')`, reason: 'date out of range' }
			];
		case 'int':
			return [
				{ cond: `${r} IS NOT NULL AND ${t} IS NULL`, reason: 'unparsable number' },
				{ cond: `${t} < 0`, reason: 'negative number' }
			];
		case 'money':
		case 'number':
			return [{ cond: `${r} IS NOT NULL AND ${t} IS NULL`, reason: 'unparsable number' }];
		case 'status':
			return [
				{
					cond: `${r} IS NOT NULL AND lower(${r}) NOT IN (${lineStatuses.map(sqlString).join(', ')})`,
					reason: `unknown line status (expected ${lineStatuses.join(', ')})`
				}
			];
		default:
			return [];
	}
}

export interface StagingSql {
	/** SELECT list: typed canonical columns, then `problems` (VARCHAR[]). */
	selectList: string;
	/** canonical columns in the order of the target table (without import_id) */
	targetColumns: string[];
}

const MODIFIER_COLUMNS = ['modifier_1', 'modifier_2', 'modifier_3', 'modifier_4'];

/** Target table columns per kind (import_id is added by the loader). */
export const targetColumnsByKind: Record<ImportKind, string[]> = {
	claims: fieldsByKind.claims.map((f) => f.name).filter((n) => !MODIFIER_COLUMNS.includes(n)),
	audits: fieldsByKind.audits.map((f) => f.name),
	'cms-provider-service': [
		'rendering_npi', 'provider_name', 'specialty', 'place_of_service', 'procedure_code',
		'services', 'beneficiaries', 'avg_charge', 'avg_allowed', 'avg_paid'
	]
};

export function buildStagingSql(kind: ImportKind, columns: Record<string, string>): StagingSql {
	const fields = fieldsByKind[kind];
	const exprs = new Map<string, string>();
	const problems: string[] = [];
	for (const field of fields) {
		const header = columns[field.name];
		if (!header) {
			const empty = field.type === 'list' ? '[]::VARCHAR[]' : 'NULL';
			exprs.set(field.name, field.defaultSql ?? empty);
			continue;
		}
		const r = raw(header);
		const t = typed(field, r);
		exprs.set(field.name, field.defaultSql ? `coalesce(${t}, ${field.defaultSql})` : t);
		const conds = problem(field, r, t);
		if (field.required) conds.unshift({ cond: `${r} IS NULL`, reason: 'missing required value' });
		for (const { cond, reason } of conds) {
			// value kept short: a 10 MB cell must not become a 10 MB reject row
			problems.push(`CASE WHEN ${cond} THEN ${sqlString(`${field.name}|${reason}|`)} || coalesce(left(${r}, 200), '') END`);
		}
	}
	if (kind === 'claims') {
		const mods = MODIFIER_COLUMNS.filter((m) => columns[m]).map((m) => exprs.get(m) as string);
		if (mods.length) {
			exprs.set('modifiers', `list_concat(${exprs.get('modifiers')}, list_filter([${mods.join(', ')}], lambda x: x IS NOT NULL))`);
		}
	}
	if (kind === 'cms-provider-service') {
		const last = exprs.get('provider_last_name');
		const first = exprs.get('provider_first_name');
		exprs.set('provider_name', `nullif(concat_ws(', ', ${last}, ${first}), '')`);
	}
	const targetColumns = targetColumnsByKind[kind];
	const list = targetColumns.map((c) => `${exprs.get(c) ?? 'NULL'} AS ${quoteIdent(c)}`);
	const problemList = problems.length
		? `list_filter([${problems.join(',\n\t\t')}], lambda x: x IS NOT NULL)`
		: '[]::VARCHAR[]';
	list.push(`${problemList} AS problems`);
	return { selectList: list.join(',\n\t'), targetColumns };
}
