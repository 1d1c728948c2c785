// How a file writes its amounts, judged from the sampled rows (pure; tests/unit/value-formats.test.ts).
// Excel under a European locale writes CSV with ';' and decimal commas (95,00 and 2.450,00);
// read with the decimal-point convention those become unparsable or, worse, 9,500.00 and 2.45.
// A comma followed by exactly two digits at the end of an amount is a decimal comma (thousands
// groups have three digits); a point followed by one or two digits is a decimal point.
import { fieldsByKind, type ImportKind } from '../../schemas/fields.ts';

const COMMA_DECIMAL = /\d,\d{1,2}\)?\s*$/;
const POINT_DECIMAL = /\d\.\d{1,2}\)?\s*$/;

export interface DecimalVerdict {
	decimal: '.' | ',';
	/** set when the sample mixes both conventions: the file is refused with this reason */
	conflict: string | null;
}

/**
 * The decimal separator of a file's amount columns (money and number fields of `kind`), from
 * sampled rows: ',' when some amount ends in a decimal comma and none in a decimal point; '.'
 * otherwise; a conflict when both occur.
 * @param sample data rows split into fields; firstDataLine = the file line of sample[0]
 */
export function detectDecimal(kind: ImportKind, columns: Record<string, string>, headers: string[], sample: string[][], firstDataLine: number): DecimalVerdict {
	let comma: string | null = null;
	let point: string | null = null;
	for (const field of fieldsByKind[kind]) {
		if (field.type !== 'money' && field.type !== 'number') continue;
		const idx = headers.indexOf(columns[field.name] ?? '');
		if (idx < 0) continue;
		sample.forEach((row, i) => {
			const v = (row[idx] ?? '').trim();
			const where = `"${v}" (${columns[field.name]}, line ${firstDataLine + i})`;
			if (!comma && COMMA_DECIMAL.test(v) && !/,\d{1,2}.*\./.test(v)) comma = where;
			if (!point && POINT_DECIMAL.test(v) && !/\.\d{1,2}.*,/.test(v)) point = where;
		});
	}
	if (comma && point) {
		return { decimal: '.', conflict: `its amounts are written with both a decimal comma, ${comma}, and a decimal point, ${point}; declare "decimal" in a mapping file` };
	}
	return { decimal: comma ? ',' : '.', conflict: null };
}
