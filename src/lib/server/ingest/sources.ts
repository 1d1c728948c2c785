// How DuckDB reads each format as text columns. CSV: our own sniffed delimiter and header,
// all columns VARCHAR, DuckDB's reject tables catching structural errors (wrong column count,
// bad quotes, invalid UTF-8, over-long lines) with their line numbers. Parquet: every column
// cast to VARCHAR so one validation path serves both formats.
import { stat } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ImportRefused, type CsvDialect } from './sniff.ts';

export interface SourceInfo {
	headers: string[];
	/** SQL table expression reading the file ($path is bound by the caller) */
	relation: (rejectsTable: string) => string;
	hasRejectsTable: boolean;
	/** file line (CSV) or row number (Parquet) of the first data row */
	firstDataLine: number;
	rowsEstimate: number;
}

function lit(text: string): string {
	return `'${text.replace(/'/g, "''")}'`;
}

/** Longest line we accept; a longer one is rejected with its line number, not read whole. */
export const MAX_LINE_BYTES = 4 * 1024 * 1024;

export function csvSource(path: string, dialect: CsvDialect & { gz?: boolean }, sizeBytes?: number): SourceInfo {
	const columns = `{${dialect.headers.map((h) => `${lit(h)}: 'VARCHAR'`).join(', ')}}`;
	return {
		headers: dialect.headers,
		hasRejectsTable: true,
		firstDataLine: 2,
		rowsEstimate: Math.max(1, Math.round((sizeBytes ?? 0) / dialect.meanLineBytes)),
		relation: (rejectsTable) =>
			`read_csv($path, header = true, auto_detect = false, delim = ${lit(dialect.delimiter)}, quote = '"', escape = '"',
				columns = ${columns}, store_rejects = true, rejects_table = ${lit(rejectsTable)},
				rejects_scan = ${lit(`${rejectsTable}_scan`)}, max_line_size = ${MAX_LINE_BYTES},
				compression = ${dialect.gz ? "'gzip'" : "'none'"})`
	};
}

export async function csvSourceFor(path: string, dialect: CsvDialect, gz: boolean): Promise<SourceInfo> {
	const { size } = await stat(path);
	// gzip'd CSV of claim lines compresses roughly 5:1; only used for the progress estimate
	return csvSource(path, { ...dialect, gz }, gz ? size * 5 : size);
}

export async function parquetSource(conn: DuckDBConnection, path: string): Promise<SourceInfo> {
	let headers: string[];
	let rows = 0;
	try {
		const desc = await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet($path)`, { path });
		headers = desc.getRowObjectsJS().map((r) => String(r.column_name));
		const meta = await conn.runAndReadAll(`SELECT sum(num_rows)::BIGINT AS n FROM parquet_file_metadata($path)`, { path });
		rows = Number(meta.getRowObjectsJS()[0]?.n ?? 0);
	} catch (e) {
		throw new ImportRefused(`${path}: not a readable Parquet file (${(e as Error).message.split('\n')[0]})`);
	}
	return {
		headers,
		hasRejectsTable: false,
		firstDataLine: 1,
		rowsEstimate: rows,
		relation: () => `(SELECT COLUMNS(*)::VARCHAR FROM read_parquet($path))`
	};
}
