// What a file is before DuckDB reads it: format from signature and extension (Parquet starts
// with PAR1, gzip with 1f 8b), the CSV header line and its delimiter, and an estimate of the
// row count for progress. We read the header ourselves because DuckDB's sniffer gives up on
// exactly the broken files whose rows we must report one by one.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { z } from 'zod';
import type { TextEncodingName } from '../../schemas/fields.ts';
import { findHeader, guessDelimiter, parseRecords, type CsvRecord } from '../csv/records.ts';

export type FileFormat = 'csv' | 'csv.gz' | 'parquet';

export interface CsvDialect {
	delimiter: string;
	headers: string[];
	/** the first data rows (complete lines of the first 64 KB), split into fields */
	sample: string[][];
	/** bytes per line in the first chunk, for a row-count estimate */
	meanLineBytes: number;
	/** the text encoding the file is read in (declared or detected) */
	encoding: TextEncoding;
	/** the head is UTF-8 with characters beyond ASCII: the file is UTF-8, so a bad byte later is a bad line */
	utf8Evidence: boolean;
	/** notice records above the header, skipped (DuckDB's skip counts records) */
	skipRecords: number;
	/** "lines 1-4" when notice lines were skipped (reported to the user), else null */
	noticeLines: string | null;
	/** physical line of the first data record (after a header that may span lines) */
	firstDataLine: number;
}

export class ImportRefused extends Error {}

/**
 * @param declaredEncoding a UTF-16 declaration (or byte-order mark) makes NUL bytes text, not binary
 */
export async function detectFormat(path: string, declaredEncoding?: string): Promise<FileFormat> {
	const info = await stat(path).catch(() => null);
	if (!info || !info.isFile()) throw new ImportRefused(`${path}: no such file`);
	if (info.size === 0) throw new ImportRefused(`${path}: the file is empty`);
	const fh = await open(path, 'r');
	try {
		const { buffer, bytesRead } = await fh.read(Buffer.alloc(4), 0, 4, 0);
		const head = buffer.subarray(0, bytesRead);
		if (head.toString('latin1') === 'PAR1') return 'parquet';
		if (head[0] === 0x1f && head[1] === 0x8b) return 'csv.gz';
		if (/\.parquet$/i.test(path)) throw new ImportRefused(`${path}: named .parquet but is not a Parquet file (no PAR1 signature)`);
		const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || /^utf-16/.test(declaredEncoding ?? '');
		if (!utf16 && head.includes(0)) throw new ImportRefused(`${path}: looks binary, not CSV text (a UTF-16 "Unicode text" export needs its byte-order mark or --encoding utf-16le)`);
		return 'csv';
	} finally {
		await fh.close();
	}
}

/** First `limit` bytes of the (decompressed) file. */
async function readHead(path: string, gz: boolean, limit = 65536): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let total = 0;
	const source = createReadStream(path, gz ? {} : { end: limit - 1 });
	const stream = gz ? source.pipe(createGunzip()) : source;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			chunks.push(chunk);
			total += chunk.length;
			if (total >= limit) break;
		}
	} catch (e) {
		if (!total) throw new ImportRefused(`${path}: cannot decompress (${(e as Error).message})`);
	} finally {
		source.destroy();
	}
	return Buffer.concat(chunks).subarray(0, limit);
}

/** Text encodings an import can be read in (the mapping schema's list); anything else is refused by name. */
export type TextEncoding = z.infer<typeof TextEncodingName>;

/**
 * The encoding of a file's first bytes: a UTF-16 byte-order mark, else UTF-8 when the bytes are
 * valid UTF-8 (a BOM is optional), else Windows-1252, the encoding Excel and most US
 * practice-management systems write "ANSI" CSV in (ISO 8859-1 plus 0x80-0x9F).
 */
export function detectEncoding(head: Buffer): TextEncoding {
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	try {
		// stream: a multi-byte character cut by the head window is not an error
		new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
		return 'utf-8';
	} catch {
		return 'windows-1252';
	}
}

export { guessDelimiter };
/**
 * The file's dialect from its first 64 KB: encoding (declared, else detected), delimiter, notice
 * lines above the header (CMS edit tables open with a licence notice: records with fewer than two
 * non-empty cells are skipped and reported), the header record (a quoted cell may hold a line
 * break) and sample rows.
 */
export async function sniffCsv(path: string, format: FileFormat, declaredEncoding?: TextEncoding): Promise<CsvDialect> {
	const head = await readHead(path, format === 'csv.gz');
	const encoding = declaredEncoding ?? detectEncoding(head);
	const text = new TextDecoder(encoding).decode(head, { stream: true }).replace(/^\uFEFF/, '');
	const truncated = head.length >= 65536;
	const firstBreak = text.indexOf('\n');
	if (firstBreak < 0 && truncated) {
		throw new ImportRefused(`${path}: line 1 is longer than 64 KB; expected a header row of column names`);
	}
	// the sample tolerates a broken tail (a quote never closed, a cut line): DuckDB's reader
	// rejects such lines with their numbers; the sample only needs complete records
	const delimiter = guessDelimiter(text, true);
	let records;
	try {
		records = parseRecords(truncated ? text : `${text}\n`, delimiter, { truncated: true });
	} catch (e) {
		throw new ImportRefused(`${path}: ${(e as Error).message}`);
	}
	const headerAt = findHeader(records);
	if (headerAt < 0 || headerAt >= 50) {
		throw new ImportRefused(`${path}: no header row of column names in the first ${Math.min(records.length, 50)} lines (line 1 holds ${JSON.stringify((records[0]?.fields ?? []).join(delimiter).slice(0, 80))})`);
	}
	const header = records[headerAt] as CsvRecord;
	const headers = header.fields.map((h) => h.trim());
	const blank = headers.findIndex((h) => !h);
	if (blank >= 0) throw new ImportRefused(`${path}: line ${header.firstLine}, column ${blank + 1} has no name; every column needs a header`);
	const dup = headers.find((h, i) => headers.indexOf(h) !== i);
	if (dup) throw new ImportRefused(`${path}: line ${header.firstLine} names column "${dup}" twice`);
	const sample = records.slice(headerAt + 1).filter((r) => r.fields.some((f) => f.trim() !== '')).map((r) => r.fields);
	const lines = text.split('\n').length - 1;
	return {
		delimiter, headers, sample, encoding,
		utf8Evidence: encoding === 'utf-8' && head.some((b) => b >= 0x80),
		meanLineBytes: lines > 1 ? head.length / lines : 200,
		skipRecords: headerAt,
		noticeLines: headerAt ? (header.firstLine - 1 === 1 ? 'line 1' : `lines 1-${header.firstLine - 1}`) : null,
		firstDataLine: header.lastLine + 1
	};
}
