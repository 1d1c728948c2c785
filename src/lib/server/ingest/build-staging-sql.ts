// Builds the SELECT that turns a file's text columns into typed canonical columns plus a list
// of problems per row ("column|reason|value"). Pure string building over an allow-list:
// identifiers are the file's own headers, always double-quoted with quotes doubled; no value
// from the file is ever spliced into SQL. Unit-tested in tests/unit/build-staging-sql.test.ts.
//
// Two layers, for speed (import must stay within 1.5x of a bare read_csv): the inner SELECT
// computes each raw value and typed value once (r_i, t_i); the outer SELECT names the typed
// columns and builds the problem list from them, so no conversion runs twice. NPI check digits
// are not computed per row here: the loader checks each distinct NPI once (npi-check.ts).
import { fieldsByKind, lineStatuses, type FieldDef, type ImportKind } from '../../schemas/fields.ts';
import { kindModule } from '../../import-kinds/index.ts';

export function quoteIdent(name: string): string {
	return `"${name.replace(/"/g, '""')}"`;
}

function sqlString(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** Raw text, trimmed only when it has edge spaces (trim on every cell costs ~40% of a read). */
function raw(header: string): string {
	const h = quoteIdent(header);
	return `CASE WHEN starts_with(${h}, ' ') OR ends_with(${h}, ' ') THEN nullif(trim(${h}), '') ELSE nullif(${h}, '') END`;
}

/**
 * How the values of one file are written (ValueFormats in fields.ts): US dates and decimal points
 * unless the file (detected) or its mapping (declared) says otherwise.
 */
export interface ValueFormats {
	/** '.' = 1,234.56 (default); ',' = 1.234,56 or 1 234,56 (Excel under a European locale) */
	decimal: '.' | ',';
	/** strptime formats tried after ISO 8601, in order (a mapping may declare its own) */
	dateFormats: string[];
}

/**
 * Date layouts accepted without a declaration: ISO (by the cast), US month/day/year with 4 or 2
 * digit years, YYYYMMDD, DD-Mon-YYYY (CMS CCW RIF files: 30-May-2015), and each with a time of
 * day as Excel writes date cells formatted as date-times (1/5/2024 0:00): the date is kept.
 */
export const DEFAULT_DATE_FORMATS = [
	// two-digit years first: %Y would read 1/5/24 as the year 24; %y refuses a 4-digit year
	'%m/%d/%y', '%m/%d/%Y', '%Y%m%d', '%m-%d-%Y', '%d-%b-%y', '%d-%b-%Y',
	'%m/%d/%Y %H:%M', '%m/%d/%Y %H:%M:%S', '%m/%d/%Y %I:%M:%S %p', '%m/%d/%Y %I:%M %p', '%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S'
];

export const defaultFormats: ValueFormats = { decimal: '.', dateFormats: DEFAULT_DATE_FORMATS };

/**
 * Amount patterns: a sign and a $ in either order, or accounting parentheses ($57.00) for a
 * negative; thousands groups only where they belong (1,234.56 yes, 95,00 no: under the decimal
 * point convention that is refused, never read as 9,500.00).
 */
const AMOUNT_NUMBER = {
	'.': String.raw`(\d{1,3}(,\d{3})+|\d+)(\.\d*)?|\.\d+`,
	',': String.raw`(\d{1,3}([. ]\d{3})+|\d+)(,\d*)?|,\d+`
} as const;

function amountSql(r: string, decimal: '.' | ',', type: string): string {
	const number = AMOUNT_NUMBER[decimal];
	const signed = `^\\s*(-\\s*\\$?|\\$\\s*-?)?\\s*(${number})\\s*$`;
	const paren = `^\\s*\\(\\s*\\$?\\s*(${number})\\s*\\)\\s*$`;
	// digits and the decimal point only, then the sign from a '-' or the parentheses
	const digits = decimal === '.' ? `regexp_replace(${r}, '[^0-9.]', '', 'g')` : `replace(regexp_replace(${r}, '[^0-9,]', '', 'g'), ',', '.')`;
	const plain = decimal === '.' ? `try_cast(${r} AS ${type}) ` : 'NULL';
	return `coalesce(${plain}, CASE WHEN regexp_matches(${r}, '${signed}') OR regexp_matches(${r}, '${paren}')
		THEN (CASE WHEN contains(${r}, '-') OR contains(${r}, '(') THEN -1 ELSE 1 END) * try_cast(${digits} AS ${type}) END)`;
}

/** Typed value of one field from its raw text column r (casts accept surrounding spaces). */
function typed(field: FieldDef, r: string, formats: ValueFormats): string {
	switch (field.type) {
		case 'text':
		case 'npi':
			return r;
		case 'code':
			return `upper(${r})`;
		case 'date':
			// the cast only for ISO dates: DuckDB's cast reads 1/5/24 as 0001-05-24; a date of digits
			// only must be all eight of YYYYMMDD (strptime reads 2025013 as 2025-01-03)
			return `CASE WHEN regexp_full_match(trim(${r}), '[0-9]+') AND length(trim(${r})) <> 8 THEN NULL ELSE coalesce(CASE WHEN substr(ltrim(${r}), 5, 1) = '-' THEN try_cast(${r} AS DATE) END, try_strptime(${r}, [${formats.dateFormats.map(sqlString).join(', ')}])::DATE) END`;
		case 'int':
			// whole numbers, also written 1.00 (Excel number cells); 1.5 is not rounded but refused
			return `try_cast(regexp_extract(${r}, '^\\s*(-?\\d+)(\\.0*)?\\s*$', 1) AS INTEGER)`;
		case 'money':
			// 4 decimals kept until the problem check: 1.234 is refused, never rounded to 1.23
			return amountSql(r, formats.decimal, 'DECIMAL(18,4)');
		case 'number':
			return amountSql(r, formats.decimal, 'DOUBLE');
		case 'list':
			// codes never contain spaces, brackets or quotes: drop them, unify ; , | and split
			return `upper(replace(replace(regexp_replace(${r}, '[\\s\\[\\]"'']', '', 'g'), ',', ';'), '|', ';'))`;
		case 'status':
			return `lower(${r})`;
	}
}

/** Outer-layer value of a field from its typed inner column t. */
function finish(field: FieldDef, t: string): string {
	if (field.type !== 'list') return t;
	return `CASE WHEN ${t} IS NULL OR ${t} = '' THEN []::VARCHAR[]
		WHEN contains(${t}, ';;') OR starts_with(${t}, ';') OR ends_with(${t}, ';') THEN list_filter(string_split(${t}, ';'), lambda x: x <> '')
		ELSE string_split(${t}, ';') END`;
}

/** An amount that only a decimal comma explains: 95,00 or (19,00), no decimal point. */
const commaLike = (r: string) => `(regexp_matches(${r}::VARCHAR, '\\d,\\d{2}\\)?\\s*$') AND NOT contains(${r}::VARCHAR, '.'))`;

/** An amount such as 1.234 or 12.450.000: points grouping thousands, as a decimal-comma locale writes them. */
const thousandsPointLike = (r: string) => `regexp_matches(${r}::VARCHAR, '^\\D*\\d{1,3}(\\.\\d{3})+\\D*$')`;

/** A present amount that did not parse, with the decimal-comma hint when only a comma explains it. */
const unparsableNumber = (r: string, t: string) => [
	{ cond: `${r} IS NOT NULL AND ${t} IS NULL AND ${commaLike(r)}`, reason: 'unparsable number (a decimal comma? declare "decimal": "," in a mapping file)' },
	{ cond: `${r} IS NOT NULL AND ${t} IS NULL AND NOT ${commaLike(r)}`, reason: 'unparsable number' }
];

/** SQL boolean that is true when a present raw value r is malformed, with its reason. */
function problem(field: FieldDef, r: string, t: string): { cond: string; reason: string }[] {
	switch (field.type) {
		case 'date':
			return [
				{ cond: `${r} IS NOT NULL AND ${t} IS NULL`, reason: 'bad date' },
				{ cond: `${t} < DATE '1900-01-01' OR ${t} > DATE '2100-12-31'`, reason: 'date out of range' }
			];
		case 'int':
			return [
				{ cond: `${r} IS NOT NULL AND ${t} IS NULL`, reason: 'unparsable number' },
				{ cond: `${t} < 0`, reason: 'negative number' }
			];
		case 'money':
			return [
				...unparsableNumber(r, t),
				// a billed amount has whole cents: 1.234 is a misread (a thousands point?), never 1.23
				...(field.fractionalCents ? [] : [
					{ cond: `${t} <> round(${t}, 2) AND ${thousandsPointLike(r)}`, reason: 'more than 2 decimals (a thousands point? declare "decimal": "," in a mapping file)' },
					{ cond: `${t} <> round(${t}, 2) AND NOT ${thousandsPointLike(r)}`, reason: 'more than 2 decimals' }
				])
			];
		case 'number':
			return unparsableNumber(r, t);
		case 'status':
			return [{ cond: `${t} NOT IN (${lineStatuses.map(sqlString).join(', ')})`, reason: `unknown line status (expected ${lineStatuses.join(', ')})` }];
		default:
			return [];
	}
}

export interface StagingSql {
	/** SELECT list over the file's columns: raw r_i and typed t_i per mapped field. */
	innerList: string;
	/** SELECT list over the inner layer: typed canonical columns, then `problems` (VARCHAR[]). */
	outerList: string;
	/** canonical columns in the order of the target table (without import_id) */
	targetColumns: string[];
	/** NPI-typed canonical columns, checked per distinct value by the loader */
	npiColumns: string[];
}

export function buildStagingSql(kind: ImportKind, columns: Record<string, string>, typedHeaders: ReadonlySet<string> = new Set(), formats: ValueFormats = defaultFormats, ctx: { hasRoster: boolean } = { hasRoster: false }): StagingSql {
	const mod = kindModule(kind);
	const fields = fieldsByKind[kind];
	const inner: string[] = [];
	const exprs = new Map<string, string>();
	const problems: string[] = [];
	fields.forEach((field, i) => {
		const header = columns[field.name];
		if (!header) {
			exprs.set(field.name, field.defaultSql ?? (field.type === 'list' ? '[]::VARCHAR[]' : 'NULL'));
			return;
		}
		const r = `r_${i}`;
		const t = `t_${i}`;
		// a typed column arrives parsed by the CSV reader (bad values already rejected there)
		const typedByReader = typedHeaders.has(header);
		let rawSql = typedByReader ? quoteIdent(header) : raw(header);
		if (field.nullValues?.length) rawSql = `CASE WHEN trim(${quoteIdent(header)}) IN (${field.nullValues.map(sqlString).join(', ')}) THEN NULL ELSE ${rawSql} END`;
		inner.push(`${rawSql} AS ${r}`);
		inner.push(`${typedByReader ? r : typed(field, r, formats)} AS ${t}`);
		const conds = problem(field, r, t);
		if (field.extract) {
			// the stored value is the pattern's group 1 (CMS MAI "2 Date of Service Edit: Policy" -> 2)
			exprs.set(field.name, `nullif(regexp_extract(${t}, ${sqlString(field.extract.pattern)}, 1), '')`);
			conds.push({ cond: `${r} IS NOT NULL AND NOT regexp_matches(${r}, ${sqlString(field.extract.pattern)})`, reason: `expected ${field.extract.expected}` });
		} else {
			const value = finish(field, t);
			exprs.set(field.name, field.defaultSql ? `coalesce(${value}, ${field.defaultSql})` : value);
		}
		if (field.required) conds.unshift({ cond: `${r} IS NULL`, reason: 'missing required value' });
		for (const { cond, reason } of conds) {
			// value kept short: a 10 MB cell must not become a 10 MB reject row
			problems.push(`CASE WHEN ${cond} THEN ${sqlString(`${field.name}|${reason}|`)} || coalesce(left(${r}::VARCHAR, 200), '') END`);
		}
	});
	mod.finish?.(exprs, columns, ctx);
	problems.push(...(mod.problems?.(exprs, columns, ctx) ?? []));
	const targetColumns = mod.targetColumns;
	const outer = targetColumns.map((c) => `${exprs.get(c) ?? 'NULL'} AS ${quoteIdent(c)}`);
	outer.push(`${problems.length ? `list_filter([${problems.join(',\n\t\t')}], lambda x: x IS NOT NULL)` : '[]::VARCHAR[]'} AS problems`);
	const npiColumns = fields.filter((f) => f.type === 'npi' && columns[f.name]).map((f) => f.name);
	return { innerList: inner.length ? inner.join(',\n\t') : '1 AS r_none', outerList: outer.join(',\n\t'), targetColumns, npiColumns };
}

/**
 * A temp view over one import's rows (`rows`: a relation with a `rid` column, the row id in
 * file order, and a `problems` list) adding `rn`, the data-row index (rid less the first), and,
 * only when some NPIs are bad, their problems.
 */
export function checkedView(rows: string, view: string, firstRowid: number, badNpis: { col: string }[], badTable: string): string {
	const rn = `s.rid - ${firstRowid} AS rn`;
	if (!badNpis.length) return `CREATE OR REPLACE TEMP VIEW ${view} AS SELECT s.*, ${rn} FROM ${rows} s`;
	const cols = [...new Set(badNpis.map((b) => b.col))];
	const joins = cols.map((col, i) => `LEFT JOIN ${badTable} n${i} ON n${i}.col = ${sqlString(col)} AND n${i}.v = s.${quoteIdent(col)}`);
	const ps = cols.map((_, i) => `n${i}.p`);
	return `CREATE OR REPLACE TEMP VIEW ${view} AS SELECT s.* EXCLUDE (problems),
		list_concat(s.problems, list_filter([${ps.join(', ')}], lambda x: x IS NOT NULL)) AS problems, ${rn}
		FROM ${rows} s ${joins.join(' ')}`;
}
