// Keeps the denial facts (queries/schema_remittance.sql: denial_code_sets, denial_line_facts,
// denial_claim_facts) in step with the data. They hold no definition, so the per-claim pass over
// every line (the expensive part on 10 million lines) runs once per data version, not once per
// exclusion toggle. Rebuilt in one transaction when facts_version changes (an import, or lines
// added or removed); one rebuild at a time per database file in this process.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readQuery, runQuery } from '../db/query-files.ts';

const building = new Map<string, Promise<void>>();

async function currentVersion(conn: DuckDBConnection): Promise<string> {
	const [row] = await runQuery(conn, 'denials/facts_version');
	return String(row?.version ?? '');
}

async function builtVersion(conn: DuckDBConnection): Promise<string | null> {
	const r = await conn.runAndReadAll('SELECT version FROM denial_facts_meta ORDER BY built_at DESC LIMIT 1');
	const v = r.getRowObjectsJS()[0]?.version;
	return typeof v === 'string' ? v : null;
}

async function rebuild(conn: DuckDBConnection, version: string): Promise<void> {
	const started = performance.now();
	await conn.run('BEGIN TRANSACTION');
	try {
		await conn.run('DELETE FROM denial_code_sets; DELETE FROM denial_line_facts; DELETE FROM denial_claim_facts; DELETE FROM denial_facts_meta');
		await conn.run(readQuery('denials/facts_code_sets'));
		await conn.run(readQuery('denials/facts_lines'));
		await conn.run(readQuery('denials/facts_claims'));
		await conn.run('INSERT INTO denial_facts_meta VALUES ($v, now()::TIMESTAMP, $s)', { v: version, s: (performance.now() - started) / 1000 });
		await conn.run('COMMIT');
	} catch (e) {
		await conn.run('ROLLBACK').catch(() => {});
		throw e;
	}
}

/** Makes sure the facts describe the current data; rebuilds them when they do not. */
export async function ensureFacts(conn: DuckDBConnection, dbPath: string): Promise<void> {
	for (;;) {
		const pending = building.get(dbPath);
		if (pending) {
			await pending.catch(() => {});
			continue;
		}
		const version = await currentVersion(conn);
		if ((await builtVersion(conn)) === version) return;
		const job = rebuild(conn, version);
		building.set(dbPath, job);
		try {
			await job;
		} finally {
			building.delete(dbPath);
		}
		return;
	}
}
