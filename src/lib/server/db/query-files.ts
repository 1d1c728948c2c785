// Named SQL files under queries/: read once, run with bound parameters, rows normalised.
// A page, its JSON endpoint and the CLI call the same function that calls runQuery().
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LIST, VARCHAR, listValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
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

export type Param = DuckDBValue | string[];
export type Params = Record<string, Param>;

/** Bind JS string arrays as VARCHAR[] (typed, so an empty list binds too). */
function bind(params: Params): { values: Record<string, DuckDBValue>; types: Record<string, DuckDBType | undefined> } {
	const values: Record<string, DuckDBValue> = {};
	const types: Record<string, DuckDBType | undefined> = {};
	for (const [k, v] of Object.entries(params)) {
		if (Array.isArray(v)) {
			values[k] = listValue(v);
			types[k] = LIST(VARCHAR);
		} else {
			values[k] = v;
			types[k] = undefined;
		}
	}
	return { values, types };
}

export async function runQuery<T extends Row = Row>(conn: DuckDBConnection, name: string, params: Params = {}): Promise<T[]> {
	return runSql<T>(conn, readQuery(name), params);
}

/** Run SQL text (built from allow-listed identifiers only) with bound parameters. */
export async function runSql<T extends Row = Row>(conn: DuckDBConnection, sql: string, params: Params = {}): Promise<T[]> {
	const { values, types } = bind(params);
	return normalizeRows(await conn.runAndReadAll(sql, values, types)) as T[];
}
