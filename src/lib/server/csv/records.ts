// The one CSV reading path in JavaScript (everything large is read by DuckDB's own reader):
// the importer's sniffing of a file's head, the findings files and the value lists auditors hand
// back. Records are parsed by csv-parse (RFC 4180: quoted fields with "" escapes and line breaks,
// CR LF or LF, a UTF-8 BOM), not by hand.
import { parse, CsvError } from 'csv-parse/sync';

export interface CsvRecord {
	fields: string[];
	/** 1-based physical line where the record starts, and where it ends (quoted line breaks) */
	firstLine: number;
	lastLine: number;
}

export const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * Records of `text` split on `delimiter`. Rows may have different widths (the caller judges
 * them). With `truncated` (a head cut from a larger file), an unfinished last record is dropped
 * instead of failing. Throws csv-parse's error (with its line) on a quote that never closes.
 */
export function parseRecords(text: string, delimiter: string, opts: { truncated?: boolean; maxRecords?: number } = {}): CsvRecord[] {
	let body = text.replace(/^\uFEFF/, '');
	if (opts.truncated) body = body.slice(0, body.lastIndexOf('\n') + 1);
	for (let attempt = 0; ; attempt++) {
		try {
			const rows = parse(body, {
				delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: false, info: true,
				...(opts.maxRecords ? { to: opts.maxRecords } : {})
			}) as unknown as { record: string[] }[];
			// each record ends with one line break; its fields may hold more (quoted line breaks)
			let next = 1;
			return rows.map(({ record }) => {
				const firstLine = next;
				const lastLine = firstLine + record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
				next = lastLine + 1;
				return { fields: record, firstLine, lastLine };
			});
		} catch (e) {
			// a quoted field cut by the head window: drop the unfinished tail and try again
			if (opts.truncated && e instanceof CsvError && e.code === 'CSV_QUOTE_NOT_CLOSED' && attempt < 20) {
				const cut = body.lastIndexOf('\n', body.length - 2);
				if (cut <= 0) throw e;
				body = body.slice(0, cut + 1);
				continue;
			}
			throw e;
		}
	}
}

/** A record with fewer than two non-empty cells: a notice line or a blank line, not a header. */
export function isNoticeRecord(fields: string[]): boolean {
	return fields.filter((f) => f.trim() !== '').length < 2;
}

/**
 * The delimiter of `text`: under each candidate the header is found (findHeader); the winner is
 * the candidate under which most records after the header have the header's width (a notice line
 * with a comma above a tab-delimited table loses), then the wider header, then the earlier
 * candidate (comma first).
 */
export function guessDelimiter(text: string, truncated = false): string {
	let best: string = ',';
	let bestScore = [-1, 1];
	for (const d of CANDIDATE_DELIMITERS) {
		let records: CsvRecord[];
		try {
			records = parseRecords(text, d, { truncated, maxRecords: 50 });
		} catch {
			continue;
		}
		const at = findHeader(records);
		if (at < 0) continue;
		const width = (records[at] as CsvRecord).fields.length;
		const matches = records.slice(at + 1).filter((r) => r.fields.length === width).length;
		const [bm, bw] = bestScore as [number, number];
		if (matches > bm || (matches === bm && width > bw)) {
			best = d;
			bestScore = [matches, width];
		}
	}
	return best;
}

/**
 * The header record: the first with two or more non-empty cells whose width is the usual width of
 * the records after it (so a report title such as "Charges report, run 2024-02-01, Clinic A"
 * above the header is a notice, not the header); else the first non-notice record; -1 when none.
 */
export function findHeader(records: CsvRecord[]): number {
	for (let i = 0; i < Math.min(records.length, 50); i++) {
		const r = records[i] as CsvRecord;
		if (isNoticeRecord(r.fields)) continue;
		const next = records.slice(i + 1, i + 21).filter((x) => x.fields.some((f) => f.trim() !== '')).map((x) => x.fields.length);
		if (!next.length) return i;
		const counts = new Map<number, number>();
		for (const w of next) counts.set(w, (counts.get(w) ?? 0) + 1);
		const usual = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
		if (usual === r.fields.length) return i;
	}
	// no record fits its followers (ragged rows): the first that is not a notice, as before
	return records.findIndex((r) => !isNoticeRecord(r.fields));
}

/** Whole small files (findings, value lists): records as string arrays, blank lines dropped. */
export function parseCsvText(text: string, delimiter = guessDelimiter(text)): string[][] {
	return parseRecords(text, delimiter).map((r) => r.fields).filter((f) => !(f.length === 1 && f[0] === ''));
}
