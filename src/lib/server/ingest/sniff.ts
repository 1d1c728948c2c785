// What a file is before DuckDB reads it: format from signature and extension (Parquet starts
// with PAR1, gzip with 1f 8b), the CSV header line and its delimiter, and an estimate of the
// row count for progress. We read the header ourselves because DuckDB's sniffer gives up on
// exactly the broken files whose rows we must report one by one.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';

export type FileFormat = 'csv' | 'csv.gz' | 'parquet';

export interface CsvDialect {
	delimiter: string;
	headers: string[];
	/** the first data rows (complete lines of the first 64 KB), split into fields */
	sample: string[][];
	/** bytes per line in the first chunk, for a row-count estimate */
	meanLineBytes: number;
}

export class ImportRefused extends Error {}

export async function detectFormat(path: string): Promise<FileFormat> {
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
		if (head.includes(0)) throw new ImportRefused(`${path}: looks binary, not CSV text`);
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

/** Split one CSV record (RFC 4180 quotes) on a delimiter. */
export function splitCsvLine(line: string, delimiter: string): string[] {
	const out: string[] = [];
	let cur = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') {
				cur += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cur += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === delimiter) {
			out.push(cur);
			cur = '';
		} else cur += ch;
	}
	out.push(cur);
	return out;
}

/** The delimiter that splits the header into the most fields (ties: comma first). */
export function guessDelimiter(headerLine: string): string {
	let best = ',';
	let bestCount = 1;
	for (const d of [',', '\t', ';', '|']) {
		const n = splitCsvLine(headerLine, d).length;
		if (n > bestCount) {
			best = d;
			bestCount = n;
		}
	}
	return best;
}

export async function sniffCsv(path: string, format: FileFormat): Promise<CsvDialect> {
	const head = await readHead(path, format === 'csv.gz');
	const text = head.toString('utf8').replace(/^\uFEFF/, '');
	const newline = text.indexOf('\n');
	if (newline < 0 && head.length >= 65536) {
		throw new ImportRefused(`${path}: line 1 is longer than 64 KB; expected a header row of column names`);
	}
	const headerLine = (newline < 0 ? text : text.slice(0, newline)).replace(/\r$/, '');
	if (!headerLine.trim()) throw new ImportRefused(`${path}: line 1 is empty; expected a header row of column names`);
	const delimiter = guessDelimiter(headerLine);
	const headers = splitCsvLine(headerLine, delimiter).map((h) => h.trim());
	const blank = headers.findIndex((h) => !h);
	if (blank >= 0) throw new ImportRefused(`${path}: line 1, column ${blank + 1} has no name; every column needs a header`);
	const dup = headers.find((h, i) => headers.indexOf(h) !== i);
	if (dup) throw new ImportRefused(`${path}: line 1 names column "${dup}" twice`);
	const all = text.split('\n');
	const lines = all.length - 1;
	// complete lines only: the last one may be cut by the 64 KB window
	const sample = all.slice(1, Math.max(1, all.length - 1)).map((l) => l.replace(/\r$/, '')).filter((l) => l.trim()).map((l) => splitCsvLine(l, delimiter));
	return { delimiter, headers, sample, meanLineBytes: lines > 1 ? head.length / lines : 200 };
}
