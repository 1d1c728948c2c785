// Answers that depend only on imported data are cached until the next import: the data
// version is the newest successful import id, the count of successful imports and of exclusion
// decisions (queries/data_version.sql). Keeps
// dashboards fast under many concurrent users (the load test in scripts/load-test.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from './database.ts';
import { processMap } from './process-cache.ts';
import { runQuery } from './query-files.ts';

const MAX_ENTRIES = 500;
const cache = processMap<string, Promise<unknown>>('data-version');

export async function dataVersion(conn: DuckDBConnection): Promise<string> {
	const [row] = await runQuery(conn, 'data_version');
	return `${row?.v ?? 0}:${row?.n ?? 0}:${row?.d ?? 0}`;
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
