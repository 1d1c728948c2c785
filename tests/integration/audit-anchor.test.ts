// The audit trail against someone who can write the database but cannot read the key file
// (security issue 15 item 6): each attack below passed `audit-log verify` before the trail was
// sealed and anchored, and must now be reported, naming the record.
import { existsSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, recordHash, verifyAudit } from '../../src/lib/server/audit/audit-log.ts';
import { anchorPath, auditKeyPath } from '../../src/lib/server/audit/audit-key.ts';
import { tempDb } from '../helpers/temp-db.ts';

let db = tempDb();
afterEach(() => {
	db.cleanup();
	db = tempDb();
});

async function five() {
	for (let i = 1; i <= 5; i++) await appendAudit({ email: 'co@example.org', action: 'view', target: `/flags/provider/${i}`, details: { i } }, db.path);
}

/** What an attacker without the key can do: recompute every sha256 hash from `from` on. */
async function rehashForward(from: number) {
	const rows = await db.query(`SELECT seq, strftime(logged_at, '%Y-%m-%dT%H:%M:%S.%g') AS at_text, user_id, email, action, target, details, prev_hash FROM audit_log ORDER BY seq`);
	let prev = '0'.repeat(64);
	for (const r of rows) {
		const seq = Number(r.seq);
		if (seq >= from) {
			const hash = recordHash(prev, { seq, at: `${String(r.at_text)}Z`, user_id: (r.user_id as string) ?? null, email: (r.email as string) ?? null, action: String(r.action), target: (r.target as string) ?? null, details: (r.details as string) ?? null });
			await db.query('UPDATE audit_log SET prev_hash = $p, hash = $h WHERE seq = $s', { p: prev, h: hash, s: seq });
			prev = hash;
		} else prev = String((await db.query('SELECT hash FROM audit_log WHERE seq = $s', { s: seq }))[0]?.hash);
	}
}

describe('sealed and anchored audit trail', () => {
	it('keeps the key and the anchor outside the database, the key readable by its owner only', async () => {
		await five();
		expect(existsSync(auditKeyPath(db.path))).toBe(true);
		expect(readFileSync(auditKeyPath(db.path), 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
		// mode 0600: no group or other bits
		const { statSync } = await import('node:fs');
		expect(statSync(auditKeyPath(db.path)).mode & 0o077).toBe(0);
		expect(JSON.parse(readFileSync(anchorPath(db.path), 'utf8'))).toMatchObject({ seq: 5 });
		expect(await verifyAudit(db.path, { full: true })).toEqual({ ok: true, records: 5, firstBad: null, problem: null, checkedFrom: 1, unsealed: 0 });
	});

	it('reports an edited record even when every hash after it was recomputed', async () => {
		await five();
		await db.query(`UPDATE audit_log SET email = 'someone.else@example.org' WHERE seq = 3`);
		await rehashForward(3);
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 3, problem: "record 3 does not carry the key's seal: it was written or re-hashed without the audit key" });
	});

	it('reports a record appended without the key, sealed or not', async () => {
		await five();
		const last = (await db.query('SELECT hash FROM audit_log WHERE seq = 5'))[0]?.hash as string;
		const at = '2026-11-29T12:00:00.000Z';
		const rec = { seq: 6, at, user_id: null, email: 'forger@example.org', action: 'login', target: null, details: null };
		await db.query(`INSERT INTO audit_log VALUES (6, '2026-11-29 12:00:00', NULL, 'forger@example.org', 'login', NULL, NULL, $p, $h, NULL)`, { p: last, h: recordHash(last, rec) });
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 6, problem: 'record 6 is not sealed: it was added without the audit key' });
		await db.query(`UPDATE audit_log SET mac = $m WHERE seq = 6`, { m: 'ab'.repeat(32) });
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 6, problem: "record 6 does not carry the key's seal: it was written or re-hashed without the audit key" });
	});

	it('reports the newest records removed, one or all of them', async () => {
		await five();
		await db.query('DELETE FROM audit_log WHERE seq = 5');
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 5, problem: 'record 5 was removed: the anchor outside the database records 5 records, the database 4' });
		await db.query('DELETE FROM audit_log WHERE seq >= 4');
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 4, problem: 'records 4 to 5 were removed: the anchor outside the database records 5 records, the database 3' });
		await db.query('DELETE FROM audit_log');
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 1, problem: 'records 1 to 5 were removed: the anchor outside the database records 5 records, the database 0' });
	});

	it('reports a missing or altered anchor and a missing key, and refuses to seal with a new key', async () => {
		await five();
		const anchor = readFileSync(anchorPath(db.path), 'utf8');
		writeFileSync(anchorPath(db.path), anchor.replace('"seq":5', '"seq":4'));
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 4, problem: 'the anchor file was altered (its seal does not match)' });
		rmSync(anchorPath(db.path));
		expect((await verifyAudit(db.path, { full: true })).problem).toMatch(/^the anchor file test\.duckdb\.audit-head\.json beside the database is missing or unreadable/);
		writeFileSync(anchorPath(db.path), anchor);
		expect((await verifyAudit(db.path, { full: true })).ok).toBe(true);
		rmSync(auditKeyPath(db.path));
		expect((await verifyAudit(db.path, { full: true })).problem).toMatch(/^the audit key file .*audit\.key is missing/);
		await expect(appendAudit({ action: 'login', email: 'x@example.org' }, db.path)).rejects.toThrow(/audit key file .* is missing/);
		expect(Number((await db.query('SELECT count(*) AS n FROM audit_log'))[0]?.n)).toBe(5);
	});

	it('pins records written before the key existed through the first sealed record', async () => {
		// two records as the unsealed trail of an earlier version wrote them
		let prev = '0'.repeat(64);
		for (const seq of [1, 2]) {
			const rec = { seq, at: `2026-01-0${seq}T00:00:00.000Z`, user_id: null, email: 'old@example.org', action: 'login', target: null, details: null };
			const hash = recordHash(prev, rec);
			await db.query(`INSERT INTO audit_log VALUES ($s, $at::TIMESTAMP, NULL, 'old@example.org', 'login', NULL, NULL, $p, $h, NULL)`, { s: seq, at: rec.at, p: prev, h: hash });
			prev = hash;
		}
		expect(existsSync(auditKeyPath(db.path))).toBe(false);
		await appendAudit({ email: 'new@example.org', action: 'login' }, db.path);
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: true, records: 3, unsealed: 2 });
		await db.query(`UPDATE audit_log SET email = 'edited@example.org' WHERE seq = 1`);
		await rehashForward(1);
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 3 });
	});

	it('checks incrementally from the last sound record, and still sees that record re-hashed', async () => {
		await five();
		expect(await verifyAudit(db.path)).toMatchObject({ ok: true, records: 5, checkedFrom: 1 });
		await appendAudit({ email: 'co@example.org', action: 'logout' }, db.path);
		expect(await verifyAudit(db.path)).toMatchObject({ ok: true, records: 6, checkedFrom: 5 });
		await db.query(`UPDATE audit_log SET target = '/elsewhere' WHERE seq = 2`);
		await rehashForward(2);
		expect(await verifyAudit(db.path)).toMatchObject({ ok: false, firstBad: 6, problem: 'record 6 changed since it was last verified' });
	});
});
