// The embedded DuckDB database: one instance per file per process (DuckDBInstance.fromCache),
// schema applied on open, a short-lived connection per unit of work. Server-only.
import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { appRoot, readQuery } from './query-files.ts';

export { appRoot };

export function defaultDbPath(): string {
	return resolve(process.env.CLAIMLENS_DB ?? resolve(appRoot(), 'data', 'claimlens.duckdb'));
}

// One registry per process, shared by every copy of this module (the CLI's, the built server's,
// a dev server's after a hot reload), so each database file is opened exactly once.
const REGISTRY = Symbol.for('claimlens.duckdb.instances');
const opened: Map<string, Promise<DuckDBInstance>> = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??= new Map()) as Map<string, Promise<DuckDBInstance>>;

export class DatabaseBusy extends Error {}

async function openInstance(path: string): Promise<DuckDBInstance> {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	let instance: DuckDBInstance;
	try {
		// threads and memory are bounded (security.md): 2 cores and a 3 GB ceiling by default;
		// beyond it DuckDB spills to its temp directory next to the database
		instance = await DuckDBInstance.fromCache(path, {
			threads: String(process.env.CLAIMLENS_THREADS ?? 2),
			memory_limit: process.env.CLAIMLENS_MEMORY_LIMIT ?? '3GB'
		});
	} catch (e) {
		const msg = (e as Error).message;
		if (/lock/i.test(msg)) {
			throw new DatabaseBusy(`${path} is in use by another ClaimLens process (is the server running?). Stop it or pass --db to use another file.`);
		}
		throw e;
	}
	const conn = await instance.connect();
	try {
		// queries/schema.sql first, then every queries/schema_*.sql (one per feature area)
		const extra = readdirSync(resolve(appRoot(), 'queries')).filter((f) => /^schema_[a-z0-9_]+\.sql$/.test(f)).sort();
		for (const name of ['schema', ...extra.map((f) => f.replace(/\.sql$/, ''))]) await conn.run(readQuery(name));
		// An import still "running" at open time died with its process (kill -9, power loss):
		// its transaction never committed, so only the log row needs correcting.
		await conn.run(
			`UPDATE imports SET status = 'failed', finished_at = now()::TIMESTAMP,
			 message = 'interrupted: the process stopped before the import committed; no rows were kept'
			 WHERE status = 'running'`
		);
	} finally {
		conn.closeSync();
	}
	return instance;
}

export function getInstance(path = defaultDbPath()): Promise<DuckDBInstance> {
	let p = opened.get(path);
	if (!p) {
		p = openInstance(path);
		opened.set(path, p);
		p.catch(() => opened.delete(path));
	}
	return p;
}

export async function withConnection<T>(fn: (conn: DuckDBConnection) => Promise<T>, path = defaultDbPath()): Promise<T> {
	const instance = await getInstance(path);
	const conn = await instance.connect();
	try {
		return await fn(conn);
	} finally {
		conn.closeSync();
	}
}

export function closeDatabase(path = defaultDbPath()): void {
	const p = opened.get(path);
	opened.delete(path);
	void p?.then((i) => i.closeSync()).catch(() => {});
}
