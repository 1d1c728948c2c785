// The typed fast path of the CSV import: a numeric or date column whose sampled values are all
// in DuckDB's own plain format (whole numbers, 123.45, YYYY-MM-DD) is parsed by DuckDB's CSV
// reader directly, which is much faster than reading text and converting it. A later value that
// does not parse is rejected by the reader with its line and column, and reported as a bad date
// or an unparsable number like any other. Columns with $ signs, thousands separators, US dates
// or blanks padded with spaces keep the text path.
import { fieldsByKind, type FieldType, type ImportKind } from '../../schemas/fields.ts';

const FORMATS: Partial<Record<FieldType, { re: RegExp; duck: string; reason: string }>> = {
	int: { re: /^-?\d{1,9}$/, duck: 'INTEGER', reason: 'unparsable number' },
	date: { re: /^\d{4}-\d{2}-\d{2}$/, duck: 'DATE', reason: 'bad date' },
	// read with 4 decimals so a later 1.234 is caught as "more than 2 decimals", not rounded
	money: { re: /^-?\d{1,12}(\.\d{1,2})?$/, duck: 'DECIMAL(18,4)', reason: 'unparsable number' },
	number: { re: /^-?\d{1,15}(\.\d+)?$/, duck: 'DOUBLE', reason: 'unparsable number' }
};

export interface TypedColumn {
	field: string;
	duckType: string;
	/** reject reason when the reader cannot cast a value of this column */
	reason: string;
}

/** header -> typed column, for the mapped columns whose sample is clean */
export function typedColumns(kind: ImportKind, columns: Record<string, string>, headers: string[], sample: string[][]): Map<string, TypedColumn> {
	const out = new Map<string, TypedColumn>();
	if (sample.length < 1) return out;
	for (const field of fieldsByKind[kind]) {
		const fmt = FORMATS[field.type];
		const header = columns[field.name];
		if (!fmt || !header) continue;
		const idx = headers.indexOf(header);
		if (idx < 0) continue;
		let seen = 0;
		let clean = true;
		for (const row of sample) {
			if (row.length !== headers.length) continue; // structurally broken rows say nothing
			const v = row[idx] ?? '';
			if (v === '') continue;
			if (!fmt.re.test(v)) {
				clean = false;
				break;
			}
			seen++;
		}
		if (clean && seen > 0) out.set(header, { field: field.name, duckType: fmt.duck, reason: fmt.reason });
	}
	return out;
}
