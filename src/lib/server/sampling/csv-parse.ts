// A small RFC 4180 reader for the files auditors hand back (findings, value lists): quoted
// fields with "" escapes and embedded newlines, CRLF or LF, a UTF-8 BOM, and a delimiter
// sniffed from the first line (comma, tab or semicolon). Files are small (one row per
// sampled unit), so whole-text parsing is fine.

export function sniffDelimiter(text: string): string {
	const first = text.slice(0, text.search(/\r?\n|$/));
	const counts = [',', '\t', ';'].map((d) => ({ d, n: first.split(d).length - 1 }));
	counts.sort((a, b) => b.n - a.n);
	return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

export function parseCsv(input: string, delimiter = sniffDelimiter(input.replace(/^\uFEFF/, ''))): string[][] {
	const text = input.replace(/^\uFEFF/, '');
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	const endField = () => {
		row.push(field);
		field = '';
	};
	const endRow = () => {
		endField();
		if (!(row.length === 1 && row[0] === '')) rows.push(row);
		row = [];
	};
	while (i < text.length) {
		const ch = text[i] as string;
		if (quoted) {
			if (ch === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i += 2;
					continue;
				}
				quoted = false;
			} else field += ch;
			i++;
			continue;
		}
		if (ch === '"' && field === '') quoted = true;
		else if (ch === delimiter) endField();
		else if (ch === '\n') endRow();
		else if (ch === '\r') {
			if (text[i + 1] !== '\n') endRow();
		} else field += ch;
		i++;
	}
	if (quoted) throw new Error('unterminated quoted field at the end of the file');
	if (field !== '' || row.length) endRow();
	return rows;
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
