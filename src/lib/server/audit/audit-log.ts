// The append-only, hash-chained, sealed audit trail. Each record's hash = sha256(previous hash
// + the record's canonical JSON), sealed with an HMAC under a key outside the database, and an
// anchor file outside the database names the newest record (audit-key.ts says what this does
// and does not detect). verifyAudit() recomputes the chain, the seals and the anchor. Appends
// are serialised in-process; only one process can open the database file at a time.
import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { anchorMac, anchorPath, auditKey, readAnchor, seal, writeAnchor } from './audit-key.ts';

/**
 * Every action the trail records. export_start / export_end / export_aborted bracket a download
 * (the start is written before the first byte leaves); import_cancel is a running import stopped
 * by its uploader, an admin or a client that went away; login_throttled is one summary record per
 * throttled (account, address) window, not one per refused attempt.
 */
export const auditActions = [
	'login', 'login_failed', 'login_throttled', 'logout', 'logout_all', 'password_change', 'password_reset',
	'import', 'import_cancel', 'view', 'export', 'export_start', 'export_end', 'export_aborted',
	'user_add', 'user_change', 'audit_verify', 'exclusion_decision',
	'case_open', 'case_note', 'case_update', 'case_link', 'education_add', 'education_settings', 'report', 'specialty_map'
] as const;
export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
	userId?: string | null;
	email?: string | null;
	action: AuditAction;
	target?: string | null;
	details?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

export function recordHash(prev: string, r: { seq: number; at: string; user_id: string | null; email: string | null; action: string; target: string | null; details: string | null }): string {
	const canonical = JSON.stringify([r.seq, r.at, r.user_id, r.email, r.action, r.target, r.details]);
	return createHash('sha256').update(prev).update(canonical).digest('hex');
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Appends one record: hash = sha256(previous hash + canonical JSON), sealed with the key
 * outside the database, then the anchor file moves to it; resolves to its sequence number.
 * Serialised in-process. Rejects
 * (and writes nothing) when the key is missing for a trail that is already sealed.
 */
export function appendAudit(entry: AuditEntry, dbPath = defaultDbPath()): Promise<number> {
	const next = chain.then(() =>
		withConnection(async (conn) => {
			const [last] = await runQuery(conn, 'audit/last');
			const seq = Number(last?.seq ?? 0) + 1;
			const prev = String(last?.hash ?? GENESIS);
			// a key may be created only while nothing is sealed yet (a fresh or pre-seal trail)
			const key = auditKey(dbPath, !last?.mac && readAnchor(dbPath) === null);
			const at = new Date().toISOString();
			const rec = { seq, at, user_id: entry.userId ?? null, email: entry.email ?? null, action: entry.action, target: entry.target ?? null, details: entry.details ? JSON.stringify(entry.details) : null };
			const hash = recordHash(prev, rec);
			await runQuery(conn, 'audit/insert', { ...rec, prev, hash, mac: seal(key, hash) });
			writeAnchor(dbPath, key, seq, hash);
			return seq;
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
	/** the first record this check read (1 for a full check; later for an incremental one) */
	checkedFrom: number;
	/** records written before the key existed (pinned by the first sealed record) */
	unsealed: number;
}

interface Verified {
	seq: number;
	hash: string;
	sealed: boolean;
	unsealed: number;
}

// the newest record a check found sound, per database: the next incremental check starts there
const verified = new Map<string, Verified>();

/**
 * Recomputes the chain and its seals and compares the newest record with the anchor. A full
 * check (CLI `audit-log verify`, the admin page's "check every record") reads every record; an
 * incremental one (the admin page by default) starts at the newest record an earlier check in
 * this process found sound, after confirming that record's hash is unchanged: a later edit
 * that re-hashes forward is then still caught, an edit of an older record that leaves the
 * chain broken only by a full check.
 */
export function verifyAudit(dbPath = defaultDbPath(), opts: { full?: boolean } = {}): Promise<VerifyResult> {
	const resolvedPath = resolve(dbPath);
	// behind pending appends, so the anchor and the newest record agree
	const run = chain.then(() =>
		withConnection(async (conn) => {
			const cached = opts.full ? undefined : verified.get(resolvedPath);
			const rows = await runQuery(conn, 'audit/chain', { from_seq: cached?.seq ?? 1 });
			let prev = GENESIS;
			let sealed = false;
			let unsealed = 0;
			let start = 0;
			const total = () => Number(rows[rows.length - 1]?.seq ?? cached?.seq ?? 0);
			const fail = (seq: number, problem: string): VerifyResult => {
				verified.delete(resolvedPath);
				return { ok: false, records: total(), firstBad: seq, problem, checkedFrom: cached?.seq ?? 1, unsealed };
			};
			if (cached) {
				const first = rows[0];
				if (!first || Number(first.seq) !== cached.seq || first.hash !== cached.hash) return fail(cached.seq, `record ${cached.seq} changed since it was last verified`);
				prev = cached.hash;
				sealed = cached.sealed;
				unsealed = cached.unsealed;
				start = 1;
			}
			let key: Buffer | null = null;
			const keyFor = () => (key ??= auditKey(dbPath, false));
			for (let i = start; i < rows.length; i++) {
				const r = rows[i] as Record<string, unknown>;
				const seq = Number(r.seq);
				const expected = (cached?.seq ?? 0) + i + (cached ? 0 : 1);
				if (seq !== expected) return fail(seq, `record ${expected} is missing (found ${seq} next)`);
				if (r.prev_hash !== prev) return fail(seq, `record ${seq} does not point at record ${seq - 1}`);
				const rec = { seq, at: `${String(r.at_text)}Z`, user_id: (r.user_id as string) ?? null, email: (r.email as string) ?? null, action: String(r.action), target: (r.target as string) ?? null, details: (r.details as string) ?? null };
				if (recordHash(prev, rec) !== r.hash) return fail(seq, `record ${seq} was altered`);
				if (typeof r.mac === 'string') {
					try {
						if (seal(keyFor(), String(r.hash)) !== r.mac) return fail(seq, `record ${seq} does not carry the key's seal: it was written or re-hashed without the audit key`);
					} catch (e) {
						return fail(seq, (e as Error).message);
					}
					sealed = true;
				} else if (sealed) return fail(seq, `record ${seq} is not sealed: it was added without the audit key`);
				else unsealed++;
				prev = String(r.hash);
			}
			const lastSeq = total();
			const anchor = readAnchor(dbPath);
			// an anchor with no sealed record left (the whole trail deleted) is checked too
			if (sealed || anchor) {
				if (!anchor) return fail(lastSeq, `the anchor file ${basename(anchorPath(dbPath))} beside the database is missing or unreadable, so removed newest records cannot be ruled out`);
				try {
					if (anchorMac(keyFor(), anchor.seq, anchor.hash) !== anchor.mac) return fail(anchor.seq, 'the anchor file was altered (its seal does not match)');
				} catch (e) {
					return fail(lastSeq, (e as Error).message);
				}
				if (anchor.seq > lastSeq) {
					const removed = anchor.seq === lastSeq + 1 ? `record ${anchor.seq} was removed` : `records ${lastSeq + 1} to ${anchor.seq} were removed`;
					return fail(lastSeq + 1, `${removed}: the anchor outside the database records ${anchor.seq} records, the database ${lastSeq}`);
				}
				const atAnchor = rows.find((r) => Number(r.seq) === anchor.seq);
				if (atAnchor && atAnchor.hash !== anchor.hash) return fail(anchor.seq, `record ${anchor.seq} differs from the anchor outside the database`);
			}
			if (lastSeq > 0) verified.set(resolvedPath, { seq: lastSeq, hash: prev, sealed, unsealed });
			return { ok: true, records: lastSeq, firstBad: null, problem: null, checkedFrom: cached?.seq ?? 1, unsealed };
		}, dbPath)
	);
	chain = run.catch(() => {});
	return run;
}
