// Named SQL files under queries/: read once, run with bound parameters, rows normalised.
// A page, its JSON endpoint and the CLI call the same function that calls runQuery().
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { normalizeRows, type Row } from './normalize.ts';

const cache = new Map<string, string>();

/** Project root: where queries/ and data/ live (bin/claimlens.js sets CLAIMLENS_ROOT). */
export function appRoot(): string {
	return process.env.CLAIMLENS_ROOT ?? process.cwd();
}

export function readQuery(name: string): string {
	if (!/^[a-z0-9_/-]+$/.test(name)) throw new Error(`bad query name ${name}`);
	let sql = cache.get(name);
	if (sql === undefined) {
		sql = readFileSync(resolve(appRoot(), 'queries', `${name}.sql`), 'utf8');
		cache.set(name, sql);
	}
	return sql;
}

export type Params = Record<string, DuckDBValue>;

export async function runQuery<T extends Row = Row>(conn: DuckDBConnection, name: string, params: Params = {}): Promise<T[]> {
	const reader = await conn.runAndReadAll(readQuery(name), params);
	return normalizeRows(reader) as T[];
}
