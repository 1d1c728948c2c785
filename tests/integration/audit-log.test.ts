// The audit trail's hash chain detects an altered or removed record; accounts and sessions
// behave as security.md asks (argon2id, disabled accounts, idle timeout, sign-out everywhere).
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../src/lib/server/audit/audit-log.ts';
import { addUser, checkPassword, setDisabled } from '../../src/lib/server/auth/users.ts';
import { createSession, revokeAllSessions, sessionUser } from '../../src/lib/server/auth/sessions.ts';
import { ensureFirstAdmin } from '../../src/lib/server/auth/first-admin.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

describe('audit trail', () => {
	it('chains every record to the one before and detects tampering', async () => {
		for (const action of ['login', 'view', 'export', 'logout'] as const) {
			await appendAudit({ email: 'a@example.org', action, target: '/x', details: { n: 1 } }, db.path);
		}
		expect(await verifyAudit(db.path, { full: true })).toEqual({ ok: true, records: 4, firstBad: null, problem: null, checkedFrom: 1, unsealed: 0 });
		await db.query(`UPDATE audit_log SET details = '{"n":2}' WHERE seq = 2`);
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 2, problem: 'record 2 was altered' });
		await db.query(`UPDATE audit_log SET details = '{"n":1}' WHERE seq = 2`);
		expect((await verifyAudit(db.path, { full: true })).ok).toBe(true);
		await db.query('DELETE FROM audit_log WHERE seq = 3');
		expect(await verifyAudit(db.path, { full: true })).toMatchObject({ ok: false, firstBad: 4, problem: 'record 3 is missing (found 4 next)' });
	});
});

describe('accounts and sessions', () => {
	it('creates one admin with a random one-time password on first start only', async () => {
		const fresh = tempDb();
		try {
			const first = await ensureFirstAdmin(fresh.path);
			expect(first?.email).toBe('admin@claimlens.local');
			expect((await checkPassword('admin@claimlens.local', first?.password ?? '', fresh.path))?.role).toBe('admin');
			expect(await ensureFirstAdmin(fresh.path)).toBeNull();
		} finally {
			fresh.cleanup();
		}
	});

	it('stores argon2id hashes, refuses wrong passwords and disabled accounts', async () => {
		const { user, password } = await addUser({ email: 'Coder@Example.org', role: 'coding_manager', dbPath: db.path });
		expect(user.email).toBe('coder@example.org');
		expect(password.length).toBeGreaterThanOrEqual(20);
		const [row] = await db.query(`SELECT password_hash FROM users WHERE email = 'coder@example.org'`);
		expect(String(row?.password_hash)).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await checkPassword('coder@example.org', 'wrong password here', db.path)).toBeNull();
		expect((await checkPassword('CODER@example.org', password, db.path))?.role).toBe('coding_manager');
		await expect(addUser({ email: 'coder@example.org', role: 'auditor', dbPath: db.path })).rejects.toThrow(/already exists/);
		await expect(addUser({ email: 'x@example.org', role: 'auditor', password: 'short', dbPath: db.path })).rejects.toThrow(/12 characters/);
		await setDisabled('coder@example.org', true, db.path);
		expect(await checkPassword('coder@example.org', password, db.path)).toBeNull();
	});

	it('ends sessions when idle, when revoked everywhere, and never stores the session id', async () => {
		const { user } = await addUser({ email: 'aud@example.org', role: 'auditor', dbPath: db.path });
		const id = await createSession(user.user_id, db.path);
		expect((await sessionUser(id, db.path))?.email).toBe('aud@example.org');
		expect(await db.query(`SELECT count(*)::INTEGER AS n FROM sessions WHERE session_hash = '${id}'`)).toEqual([{ n: 0 }]);
		// 16 minutes without activity (default timeout 15)
		await db.query(`UPDATE sessions SET last_seen = now()::TIMESTAMP - INTERVAL 16 MINUTE`);
		expect(await sessionUser(id, db.path)).toBeNull();
		const a = await createSession(user.user_id, db.path);
		const b = await createSession(user.user_id, db.path);
		await revokeAllSessions(user.user_id, db.path);
		expect(await sessionUser(a, db.path)).toBeNull();
		expect(await sessionUser(b, db.path)).toBeNull();
	});
});
