// How DuckDB reads each format. CSV: our own sniffed delimiter and header, text columns except
// the clean numeric and date ones of the typed fast path (typed-columns.ts), DuckDB's reject tables catching structural errors (wrong column count,
// bad quotes, invalid UTF-8, over-long lines) with their line numbers. Parquet: every column
// cast to VARCHAR so one validation path serves both formats.
import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ImportRefused, type CsvDialect } from './sniff.ts';
import { sizeLimits } from './size-limits.ts';

export interface SourceInfo {
	headers: string[];
	/** SQL table expression reading the file ($path is bound by the caller) */
	relation: (rejectsTable: string) => string;
	hasRejectsTable: boolean;
	/** file line (CSV) or row number (Parquet) of the first data row */
	firstDataLine: number;
	/**
	 * What to add to a line number of DuckDB's reject table to get the physical file line: the
	 * reader numbers records (a quoted line break in a notice or header record is not counted)
	 */
	rejectLineOffset: number;
	rowsEstimate: number;
}

function lit(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** Longest line we accept; a longer one is rejected with its line number, not read whole. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export function csvSource(path: string, dialect: CsvDialect & { gz?: boolean }, sizeBytes?: number, typed: Map<string, { duckType: string }> = new Map()): SourceInfo {
	const columns = `{${dialect.headers.map((h) => `${lit(h)}: ${lit(typed.get(h)?.duckType ?? 'VARCHAR')}`).join(', ')}}`;
	return {
		headers: dialect.headers,
		hasRejectsTable: true,
		firstDataLine: dialect.firstDataLine,
		// records before the data: the skipped notices and the header, one reader line each
		rejectLineOffset: dialect.firstDataLine - dialect.skipRecords - 2,
		rowsEstimate: Math.max(1, Math.round((sizeBytes ?? 0) / dialect.meanLineBytes)),
		relation: (rejectsTable) =>
			`read_csv($path, header = true, auto_detect = false, delim = ${lit(dialect.delimiter)}, quote = '"', escape = '"',
				columns = ${columns}, skip = ${dialect.skipRecords}, store_rejects = true, rejects_table = ${lit(rejectsTable)},
				rejects_scan = ${lit(`${rejectsTable}_scan`)}, max_line_size = ${MAX_LINE_BYTES},
				compression = ${dialect.gz ? "'gzip'" : "'none'"})`
	};
}

export async function csvSourceFor(path: string, dialect: CsvDialect, gz: boolean, typed?: Map<string, { duckType: string }>): Promise<SourceInfo> {
	const { size } = await stat(path);
	// gzip'd CSV of claim lines compresses roughly 5:1; only used for the progress estimate
	return csvSource(path, { ...dialect, gz }, gz ? size * 5 : size, typed);
}

/** Largest decompressed size a Parquet file may declare (a "Parquet bomb" guard). */
function maxParquetBytes(): number {
	return Number(process.env.CLAIMLENS_MAX_PARQUET_BYTES ?? 16 * 1024 ** 3);
}

/** @param name the file's name in messages (an upload's stored path is a random id) */
export async function parquetSource(conn: DuckDBConnection, path: string, name = path): Promise<SourceInfo> {
	let headers: string[];
	let rows = 0;
	let bytes = 0;
	try {
		const desc = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet($path)`, { path });
		headers = desc.getRowObjectsJS().map((r) => String(r.column_name));
		const meta = await conn.runAndReadAll(`SELECT sum(num_rows)::BIGINT AS n FROM parquet_file_metadata($path)`, { path });
		rows = Number(meta.getRowObjectsJS()[0]?.n ?? 0);
		// Decoded size, from the metadata alone: dictionary and run-length encoding make a file's
		// own "uncompressed" size tiny for a bomb of repeated values, so count each text value at
		// its statistics' length (a lower bound: DuckDB truncates string statistics) and each
		// other value at 8 bytes.
		const size = await conn.runAndReadAll(
			`SELECT sum(num_values * CASE WHEN type = 'BYTE_ARRAY' THEN greatest(coalesce(length(stats_max_value), 0), coalesce(length(stats_min_value), 0), 1) ELSE 8 END)::BIGINT AS b
			 FROM parquet_metadata($path)`,
			{ path }
		);
		bytes = Number(size.getRowObjectsJS()[0]?.b ?? 0);
	} catch (e) {
		throw new ImportRefused(`${name}: not a readable Parquet file (${(e as Error).message.split('\n')[0]})`);
	}
	// the metadata states the decompressed size and row count before a byte of data is read
	const { maxLines } = sizeLimits();
	if (rows > maxLines) {
		throw new ImportRefused(`${name}: declares ${rows.toLocaleString('en-US')} rows, more than the limit (CLAIMLENS_MAX_ROWS=${maxLines}); nothing was imported. Split the file, or raise CLAIMLENS_MAX_ROWS and import it again`);
	}
	if (bytes > maxParquetBytes()) {
		throw new ImportRefused(`${name}: decompresses to at least ${(bytes / 1024 ** 2).toFixed(0)} MB, above the ${(maxParquetBytes() / 1024 ** 2).toFixed(0)} MB limit (CLAIMLENS_MAX_PARQUET_BYTES); nothing was imported`);
	}
	return {
		headers,
		hasRejectsTable: false,
		firstDataLine: 1,
		rejectLineOffset: 0,
		rowsEstimate: rows,
		relation: () => `(SELECT COLUMNS(*)::VARCHAR FROM read_parquet($path))`
	};
}
