// Keeps the denial facts (queries/schema_remittance.sql: denial_code_sets, denial_line_facts,
// denial_claim_facts) in step with the data. They hold no definition, so the per-claim pass over
// every line (the expensive part on 10 million lines) runs once per data version, not once per
// exclusion toggle.
//
// They are built inside every claims or remittance import, before its COMMIT
// (buildFactsInTransaction): an import whose rows would make the facts fail is refused with
// nothing written, and the first visitor after an import does not wait for a rebuild. When the
// facts are nevertheless out of date (a database from an older version), the first reader
// rebuilds them in its own transaction; if that fails, the last good facts stay in place and the
// caller is told what failed (FactsStatus) instead of the page going down.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readQuery, runQuery } from '../db/query-files.ts';

const building = new Map<string, Promise<void>>();

/** The facts in use: `problem` names what failed (one sentence for the page, the API and the CLI) when they could not be brought up to date, else null. */
export interface FactsStatus {
	problem: string | null;
}

async function currentVersion(conn: DuckDBConnection): Promise<string> {
	const [row] = await runQuery(conn, 'denials/facts_version');
	return String(row?.version ?? '');
}

async function built(conn: DuckDBConnection): Promise<{ version: string; builtAt: string } | null> {
	const r = await conn.runAndReadAll('SELECT version, strftime(built_at, \'%Y-%m-%d %H:%M:%S\') AS built_at FROM denial_facts_meta ORDER BY built_at DESC LIMIT 1');
	const row = r.getRowObjectsJS()[0];
	return row ? { version: String(row.version), builtAt: String(row.built_at) } : null;
}

/**
 * Rebuilds the facts on `conn` without opening a transaction: the caller's transaction (an
 * import) commits or rolls back the facts together with its rows. Throws the failing step's
 * error, prefixed with the step.
 */
export async function buildFactsInTransaction(conn: DuckDBConnection): Promise<void> {
	const started = performance.now();
	const version = await currentVersion(conn);
	await conn.run('DELETE FROM denial_code_sets; DELETE FROM denial_line_facts; DELETE FROM denial_claim_facts; DELETE FROM denial_facts_meta');
	for (const step of ['denials/facts_code_sets', 'denials/facts_lines', 'denials/facts_claims']) {
		try {
			await conn.run(readQuery(step));
		} catch (e) {
			throw new Error(`denial facts (${step.replace('denials/', '')}): ${(e as Error).message.split('\n')[0]}`);
		}
	}
	await conn.run('INSERT INTO denial_facts_meta VALUES ($v, now()::TIMESTAMP, $s)', { v: version, s: (performance.now() - started) / 1000 });
}

async function rebuild(conn: DuckDBConnection): Promise<void> {
	await conn.run('BEGIN TRANSACTION');
	try {
		await buildFactsInTransaction(conn);
		await conn.run('COMMIT');
	} catch (e) {
		await conn.run('ROLLBACK').catch(() => {});
		throw e;
	}
}

/**
 * Makes sure the facts describe the current data, rebuilding them when they do not. Never
 * throws for a failed rebuild: the previous facts stay (the rebuild is one transaction) and the
 * status says what failed, so the Denials views show what they can.
 */
export async function ensureFacts(conn: DuckDBConnection, dbPath: string): Promise<FactsStatus> {
	for (;;) {
		const pending = building.get(dbPath);
		if (pending) {
			await pending.catch(() => {});
			continue;
		}
		const version = await currentVersion(conn);
		const before = await built(conn);
		if (before?.version === version) return { problem: null };
		const job = rebuild(conn);
		building.set(dbPath, job);
		try {
			await job;
			return { problem: null };
		} catch (e) {
			const why = (e as Error).message.split('\n')[0];
			const problem = before
				? `The denial figures could not be brought up to date (${why}); they show the data as of ${before.builtAt}.`
				: `The denial figures could not be built (${why}); only the remittance summary is shown.`;
			return { problem };
		} finally {
			building.delete(dbPath);
		}
	}
}
