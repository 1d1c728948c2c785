// The append-only, hash-chained audit trail. Each record's hash = sha256(previous hash + the
// record's canonical JSON); verify() recomputes the chain, so an altered, inserted or removed
// record (other than the newest ones, which need an outside anchor) is detected. Appends are
// serialised in-process; only one process can open the database file at a time.
import { createHash } from 'node:crypto';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runSql } from '../db/query-files.ts';

export interface AuditEntry {
	userId?: string | null;
	email?: string | null;
	action: 'login' | 'login_failed' | 'logout' | 'logout_all' | 'import' | 'view' | 'export' | 'user_add' | 'user_change' | 'audit_verify';
	target?: string | null;
	details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

export function recordHash(prev: string, r: { seq: number; at: string; user_id: string | null; email: string | null; action: string; target: string | null; details: string | null }): string {
	const canonical = JSON.stringify([r.seq, r.at, r.user_id, r.email, r.action, r.target, r.details]);
	return createHash('sha256').update(prev).update(canonical).digest('hex');
}

let chain: Promise<unknown> = Promise.resolve();

export function appendAudit(entry: AuditEntry, dbPath = defaultDbPath()): Promise<void> {
	const next = chain.then(() =>
		withConnection(async (conn) => {
			const [last] = await runSql(conn, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
			const seq = Number(last?.seq ?? 0) + 1;
			const prev = String(last?.hash ?? GENESIS);
			const at = new Date().toISOString();
			const rec = { seq, at, user_id: entry.userId ?? null, email: entry.email ?? null, action: entry.action, target: entry.target ?? null, details: entry.details ? JSON.stringify(entry.details) : null };
			const hash = recordHash(prev, rec);
			await runSql(conn, `INSERT INTO audit_log VALUES ($seq, $at::TIMESTAMP, $user_id, $email, $action, $target, $details, $prev, $hash)`, {
				...rec,
				prev,
				hash
			});
		}, dbPath)
	);
	chain = next.catch(() => {});
	return next;
}

export interface VerifyResult {
	ok: boolean;
	records: number;
	firstBad: number | null;
	problem: string | null;
}

export function verifyAudit(dbPath = defaultDbPath()): Promise<VerifyResult> {
	return withConnection(async (conn) => {
		const rows = await runSql(conn, `SELECT seq, strftime(logged_at, '%Y-%m-%dT%H:%M:%S.%g') AS at_text, user_id, email, action, target, details, prev_hash, hash FROM audit_log ORDER BY seq`);
		let prev = GENESIS;
		for (const [i, r] of rows.entries()) {
			const seq = Number(r.seq);
			const fail = (problem: string): VerifyResult => ({ ok: false, records: rows.length, firstBad: seq, problem });
			if (seq !== i + 1) return fail(`record ${i + 1} is missing (found ${seq} next)`);
			if (r.prev_hash !== prev) return fail(`record ${seq} does not point at record ${seq - 1}`);
			const at = `${String(r.at_text)}Z`;
			const rec = { seq, at, user_id: (r.user_id as string) ?? null, email: (r.email as string) ?? null, action: String(r.action), target: (r.target as string) ?? null, details: (r.details as string) ?? null };
			if (recordHash(prev, rec) !== r.hash) return fail(`record ${seq} was altered`);
			prev = String(r.hash);
		}
		return { ok: true, records: rows.length, firstBad: null, problem: null };
	}, dbPath);
}
