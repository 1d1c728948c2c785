// The files auditors hand back (findings, value lists) are read through the shared CSV path
// (src/lib/server/csv/records.ts, csv-parse): quoted fields with "" escapes and embedded line
// breaks, CRLF or LF, a UTF-8 BOM, and the delimiter sniffed from the first record.
import { CsvError } from 'csv-parse/sync';
import { guessDelimiter, parseCsvText } from '../csv/records.ts';

export function sniffDelimiter(text: string): string {
	return guessDelimiter(text.replace(/^\uFEFF/, ''));
}

export function parseCsv(input: string, delimiter = sniffDelimiter(input)): string[][] {
	try {
		return parseCsvText(input, delimiter);
	} catch (e) {
		if (e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED') throw new Error('unterminated quoted field at the end of the file');
		throw e;
	}
}

/** Header names compared loosely: lower case, spaces and dashes as underscores. */
export const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A money or plain number: optional $, thousands separators, (x) for negatives; the formula guard's leading ' is dropped. */
export function parseNumber(raw: string): number | null {
	let s = raw.trim().replace(/^'/, '');
	if (s === '') return null;
	let negative = false;
	if (/^\(.*\)$/.test(s)) {
		negative = true;
		s = s.slice(1, -1);
	}
	s = s.replace(/^\$/, '').replace(/^-\$/, '-').replace(/,/g, '');
	if (!/^-?\d+(\.\d+)?$|^-?\.\d+$/.test(s)) return NaN;
	const n = Number(s);
	return negative ? -n : n;
}
