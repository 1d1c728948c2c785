// Every accuracy query runs on a connection that first defines the TEMP macros of
// queries/accuracy/prepare.sql (code families and the one line classification), so the
// definitions are written once and every SQL file reads the same classified lines.
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { readQuery, type Params } from '../db/query-files.ts';
import type { AccuracyFilters } from '../../schemas/accuracy.ts';

export function withAccuracy<T>(fn: (conn: DuckDBConnection) => Promise<T>, dbPath = defaultDbPath()): Promise<T> {
	return withConnection(async (conn) => {
		// several statements, no parameters: run() rather than runQuery() (which prepares one)
		await conn.run(readQuery('accuracy/prepare'));
		return fn(conn);
	}, dbPath);
}

/** The filter parameters every queries/accuracy/*.sql file takes (NULL = no filter). */
export function filterParams(f: AccuracyFilters): Params {
	return {
		date_from: f.from ?? null,
		date_to: f.to ?? null,
		specialty: f.specialty ?? null,
		auditor: f.auditor ?? null,
		coder: f.coder ?? null
	};
}
