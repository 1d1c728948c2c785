// Answers that depend only on imported data are cached until the next import: the data
// version is the newest successful import id and the count of successful imports. Keeps
// dashboards fast under many concurrent users (the load test in scripts/load-test.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from './database.ts';
import { processMap } from './process-cache.ts';

const MAX_ENTRIES = 500;
const cache = processMap<string, Promise<unknown>>('data-version');

export async function dataVersion(conn: DuckDBConnection): Promise<string> {
	const r = await conn.runAndReadAll(`SELECT coalesce(max(import_id), 0)::INTEGER AS v, count(*)::INTEGER AS n FROM imports WHERE status = 'succeeded'`);
	const row = r.getRowObjectsJS()[0] ?? {};
	return `${row.v}:${row.n}`;
}

/** fn's answer for (name, params) at the current data version, computed once. */
export async function cachedByDataVersion<T>(name: string, params: unknown, fn: () => Promise<T>, dbPath = defaultDbPath()): Promise<T> {
	const version = await withConnection(dataVersion, dbPath);
	const key = `${dbPath}|${version}|${name}|${JSON.stringify(params ?? null)}`;
	let p = cache.get(key) as Promise<T> | undefined;
	if (!p) {
		if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
		p = fn();
		cache.set(key, p);
		p.catch(() => cache.delete(key));
	}
	return p;
}

export function clearVersionCache(): void {
	cache.clear();
}
