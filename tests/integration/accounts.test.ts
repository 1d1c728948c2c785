// Accounts and defaults (README "Security", "Passwords"): a user changes their own password
// (other sessions end, this one stays, must-change cleared, audited), an admin resets one (a
// one-time password that must be changed, all sessions end, audited without the password), the
// first admin and admin-made accounts must change their password, and no change leaves zero
// enabled admins. The CLI runs as an operator would: `node bin/claimlens.js user ...`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/lib/server/audit/audit-log.ts';
import { changePassword, mustChangePassword, resetPassword, revokeOtherSessions } from '../../src/lib/server/auth/passwords.ts';
import { addUser, checkPassword, listUsers, setDisabled, setRole } from '../../src/lib/server/auth/users.ts';
import { createSession, sessionUser } from '../../src/lib/server/auth/sessions.ts';
import { ensureFirstAdmin } from '../../src/lib/server/auth/first-admin.ts';
import { withConnection } from '../../src/lib/server/db/database.ts';
import { readQuery, runSql } from '../../src/lib/server/db/query-files.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

/** Signs in with a password; fails the test (instead of returning null) when sign-in fails. */
async function signIn(email: string, password: string, path = db.path) {
	const user = await checkPassword(email, password, path);
	if (!user) throw new Error(`sign-in as ${email} failed`);
	return user;
}

const auditOf = (action: string, path = db.path) =>
	withConnection((c) => runSql(c, 'SELECT email, target, details FROM audit_log WHERE action = $action ORDER BY seq', { action }), path);

describe('password change by the signed-in user', () => {
	it('replaces the password, ends the other sessions, keeps this one, clears must-change and audits', async () => {
		const { user, password: oneTime } = await addUser({ email: 'pat@example.org', role: 'auditor', dbPath: db.path });
		expect(await mustChangePassword(user.user_id, db.path)).toBe(true);
		const here = await createSession(user.user_id, db.path);
		const phone = await createSession(user.user_id, db.path);
		const laptop = await createSession(user.user_id, db.path);

		const result = await changePassword({ userId: user.user_id, sessionId: here, currentPassword: oneTime, newPassword: 'correct horse battery staple', dbPath: db.path });
		expect(result).toEqual({ email: 'pat@example.org', otherSessionsEnded: 2 });

		expect(await checkPassword('pat@example.org', oneTime, db.path)).toBeNull();
		expect(await signIn('pat@example.org', 'correct horse battery staple')).toMatchObject({ user_id: user.user_id, email: 'pat@example.org', role: 'auditor' });
		expect((await sessionUser(here, db.path))?.email).toBe('pat@example.org');
		expect(await sessionUser(phone, db.path)).toBeNull();
		expect(await sessionUser(laptop, db.path)).toBeNull();
		expect(await mustChangePassword(user.user_id, db.path)).toBe(false);

		expect(await auditOf('password_change')).toEqual([{ email: 'pat@example.org', target: 'pat@example.org', details: '{"other_sessions_ended":2}' }]);
		expect((await verifyAudit(db.path)).ok).toBe(true);
	});

	it('refuses a wrong current password, an unchanged one and a short one, changing nothing', async () => {
		const { user } = await addUser({ email: 'sam@example.org', role: 'coding_manager', password: 'sams-own-password', dbPath: db.path });
		const here = await createSession(user.user_id, db.path);
		const other = await createSession(user.user_id, db.path);
		const base = { userId: user.user_id, sessionId: here, dbPath: db.path };
		await expect(changePassword({ ...base, currentPassword: 'not-sams-password', newPassword: 'a brand new password' })).rejects.toThrow('The current password is not correct.');
		await expect(changePassword({ ...base, currentPassword: 'sams-own-password', newPassword: 'sams-own-password' })).rejects.toThrow('The new password must differ from the current one.');
		await expect(changePassword({ ...base, currentPassword: 'sams-own-password', newPassword: 'short-one' })).rejects.toThrow('new password: passwords need at least 12 characters');
		expect(await signIn('sam@example.org', 'sams-own-password')).toMatchObject({ email: 'sam@example.org' });
		expect((await sessionUser(other, db.path))?.email).toBe('sam@example.org');
		expect((await auditOf('password_change')).filter((r) => r.target === 'sam@example.org')).toEqual([]);
	});

	it('revokeOtherSessions keeps exactly the named session', async () => {
		const { user } = await addUser({ email: 'kim@example.org', role: 'auditor', password: 'kims-own-password', dbPath: db.path });
		const keep = await createSession(user.user_id, db.path);
		const end = await createSession(user.user_id, db.path);
		expect(await revokeOtherSessions(user.user_id, keep, db.path)).toBe(1);
		expect((await sessionUser(keep, db.path))?.email).toBe('kim@example.org');
		expect(await sessionUser(end, db.path)).toBeNull();
	});
});

describe('password reset by an admin', () => {
	it('issues a one-time password that works, flags must-change, ends all sessions and audits without the password', async () => {
		const { user } = await addUser({ email: 'reset.me@example.org', role: 'compliance_officer', password: 'chosen-by-the-user', dbPath: db.path });
		expect(await mustChangePassword(user.user_id, db.path)).toBe(false);
		const a = await createSession(user.user_id, db.path);
		const b = await createSession(user.user_id, db.path);

		const { user: after, password, sessionsEnded } = await resetPassword({ email: 'Reset.Me@Example.org', actor: { userId: 'admin-1', email: 'boss@example.org' }, dbPath: db.path });
		expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(sessionsEnded).toBe(2);
		expect(after).toMatchObject({ email: 'reset.me@example.org', role: 'compliance_officer', disabled: false, must_change_password: true });

		expect(await checkPassword('reset.me@example.org', 'chosen-by-the-user', db.path)).toBeNull();
		expect(await signIn('reset.me@example.org', password)).toMatchObject({ user_id: user.user_id, role: 'compliance_officer' });
		expect(await mustChangePassword(user.user_id, db.path)).toBe(true);
		expect(await sessionUser(a, db.path)).toBeNull();
		expect(await sessionUser(b, db.path)).toBeNull();

		const records = await auditOf('password_reset');
		expect(records).toEqual([{ email: 'boss@example.org', target: 'reset.me@example.org', details: '{"must_change_password":true,"sessions_ended":2}' }]);
		const [all] = await db.query('SELECT string_agg(concat_ws(\'|\', email, target, details), \'\\n\') AS text FROM audit_log');
		expect(String(all?.text)).not.toContain(password);
		expect(String(all?.text)).not.toContain('chosen-by-the-user');
	});

	it('an admin resetting their own password must change it too; unknown e-mails are refused', async () => {
		const { user } = await addUser({ email: 'self.admin@example.org', role: 'admin', password: 'self-admin-password', dbPath: db.path });
		await resetPassword({ email: 'self.admin@example.org', actor: { userId: user.user_id, email: 'self.admin@example.org' }, dbPath: db.path });
		expect(await mustChangePassword(user.user_id, db.path)).toBe(true);
		await expect(resetPassword({ email: 'nobody@example.org', actor: { email: 'boss@example.org' }, dbPath: db.path })).rejects.toThrow('no user nobody@example.org');
	});

	it('after a reset, the user changes the one-time password and the flag clears', async () => {
		const { user } = await addUser({ email: 'cycle@example.org', role: 'auditor', password: 'cycle-original-pw', dbPath: db.path });
		const { password } = await resetPassword({ email: 'cycle@example.org', actor: { email: 'boss@example.org' }, dbPath: db.path });
		const session = await createSession(user.user_id, db.path);
		await changePassword({ userId: user.user_id, sessionId: session, currentPassword: password, newPassword: 'cycle-second-password', dbPath: db.path });
		expect(await mustChangePassword(user.user_id, db.path)).toBe(false);
		expect(await signIn('cycle@example.org', 'cycle-second-password')).toMatchObject({ email: 'cycle@example.org' });
	});
});

describe('must change the password at next sign-in', () => {
	it('is set for the first admin', async () => {
		const fresh = tempDb();
		try {
			const first = await ensureFirstAdmin(fresh.path);
			expect(first?.email).toBe('admin@claimlens.local');
			const user = await signIn('admin@claimlens.local', first?.password ?? '', fresh.path);
			expect(await mustChangePassword(user.user_id, fresh.path)).toBe(true);
		} finally {
			fresh.cleanup();
		}
	});

	it('is set for generated passwords, not for passwords the person chose', async () => {
		const generated = await addUser({ email: 'gen@example.org', role: 'auditor', dbPath: db.path });
		const chosen = await addUser({ email: 'chosen@example.org', role: 'auditor', password: 'my-own-long-password', dbPath: db.path });
		const forced = await addUser({ email: 'forced@example.org', role: 'auditor', password: 'my-own-long-password', mustChangePassword: true, dbPath: db.path });
		expect(generated.user.must_change_password).toBe(true);
		expect(chosen.user.must_change_password).toBe(false);
		expect(await mustChangePassword(generated.user.user_id, db.path)).toBe(true);
		expect(await mustChangePassword(chosen.user.user_id, db.path)).toBe(false);
		expect(await mustChangePassword(forced.user.user_id, db.path)).toBe(true);
		expect(await mustChangePassword('no-such-user', db.path)).toBe(false);
		const listed = await listUsers(db.path);
		expect(listed.find((u) => u.email === 'gen@example.org')?.must_change_password).toBe(true);
		expect(listed.find((u) => u.email === 'chosen@example.org')?.must_change_password).toBe(false);
	});

	it('the column is NOT NULL DEFAULT false and its schema file can run again', async () => {
		await withConnection((c) => c.run(readQuery('schema_security_accounts')), db.path);
		expect(await db.query(`SELECT is_nullable, column_default FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'must_change_password'`)).toEqual([
			{ is_nullable: 'NO', column_default: "CAST('f' AS BOOLEAN)" }
		]);
	});
});

describe('at least one enabled admin remains', () => {
	const only = tempDb();
	afterAll(() => only.cleanup());
	const roleOf = async (email: string) => (await only.query(`SELECT role, disabled FROM users WHERE lower(email) = '${email}'`))[0];

	it('refuses to demote or disable the last enabled admin, in any letter case', async () => {
		await addUser({ email: 'Admin.One@Example.org', role: 'admin', password: 'admin-one-password', dbPath: only.path });
		await expect(setRole('admin.one@example.org', 'auditor', only.path)).rejects.toThrow(/^admin\.one@example\.org is the last enabled admin/);
		await expect(setRole('ADMIN.ONE@EXAMPLE.ORG', 'coding_manager', only.path)).rejects.toThrow(/last enabled admin/);
		await expect(setDisabled('Admin.One@example.org', true, only.path)).rejects.toThrow(/last enabled admin/);
		expect(await roleOf('admin.one@example.org')).toEqual({ role: 'admin', disabled: false });
	});

	it('allows it when another enabled admin exists; a disabled admin does not count', async () => {
		await addUser({ email: 'admin.two@example.org', role: 'admin', password: 'admin-two-password', dbPath: only.path });
		expect(await setRole('ADMIN.ONE@example.org', 'auditor', only.path)).toMatchObject({ email: 'admin.one@example.org', role: 'auditor' });
		await addUser({ email: 'admin.three@example.org', role: 'admin', password: 'admin-three-password', dbPath: only.path });
		expect(await setDisabled('admin.three@example.org', true, only.path)).toMatchObject({ disabled: true });
		await expect(setDisabled('admin.two@example.org', true, only.path)).rejects.toThrow(/admin\.two@example\.org is the last enabled admin/);
		await expect(setRole('admin.two@example.org', 'auditor', only.path)).rejects.toThrow(/last enabled admin/);
		// promoting anyone, and enabling the other admin, are always allowed; then admin.two may go
		expect(await setRole('admin.one@example.org', 'admin', only.path)).toMatchObject({ role: 'admin' });
		expect(await setDisabled('admin.two@example.org', true, only.path)).toMatchObject({ email: 'admin.two@example.org', disabled: true });
		expect(await roleOf('admin.one@example.org')).toEqual({ role: 'admin', disabled: false });
	});

	it('two admins demoted at the same time: one of them stays admin', async () => {
		const race = tempDb();
		try {
			for (const n of ['a', 'b']) await addUser({ email: `${n}@race.example.org`, role: 'admin', password: 'race-admin-password', dbPath: race.path });
			const results = await Promise.allSettled([setRole('a@race.example.org', 'auditor', race.path), setDisabled('b@race.example.org', true, race.path)]);
			expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
			expect(await race.query(`SELECT count(*)::INTEGER AS n FROM users WHERE role = 'admin' AND NOT disabled`)).toEqual([{ n: 1 }]);
		} finally {
			race.cleanup();
		}
	});

	it('finds rows stored with capitals before e-mails were lower-cased', async () => {
		await only.query(`INSERT INTO users (user_id, email, role, password_hash, disabled, created_at, created_by) VALUES ('legacy-1', 'Legacy.Admin@Example.org', 'admin', NULL, false, now()::TIMESTAMP, NULL)`);
		await expect(addUser({ email: 'legacy.admin@example.org', role: 'auditor', dbPath: only.path })).rejects.toThrow('a user legacy.admin@example.org already exists');
		// two enabled admins (admin.one and the legacy row): the legacy one may be demoted, then admin.one may not
		expect(await setRole('legacy.admin@example.org', 'auditor', only.path)).toMatchObject({ user_id: 'legacy-1', role: 'auditor' });
		await expect(setDisabled('admin.one@example.org', true, only.path)).rejects.toThrow(/last enabled admin/);
		expect(await mustChangePassword('legacy-1', only.path)).toBe(false);
	});
});

describe('claimlens user (CLI)', () => {
	const cliDb = join(db.dir, 'cli.duckdb');
	const env = { ...process.env, TZ: 'UTC', CLAIMLENS_ROOT: process.cwd(), USER: 'ops' };
	const run = (args: string[], input?: string) => spawnSync(process.execPath, ['bin/claimlens.js', 'user', ...args, '--db', cliDb], { cwd: process.cwd(), env, input, encoding: 'utf8' });
	const ok = (args: string[], input?: string) => {
		const r = run(args, input);
		if (r.status !== 0) throw new Error(`claimlens user ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
		return r.stdout;
	};
	let resetPassword1 = '';

	it('user reset EMAIL --json prints the one-time password; the last admin cannot be disabled or demoted', () => {
		ok(['add', 'boss@example.org', '--role', 'admin', '--password-stdin'], 'boss-chosen-password\n');
		const added = ok(['add', 'new.hire@example.org', '--role', 'auditor']);
		expect(added).toMatch(/^one-time password \(shown once\): [A-Za-z0-9_-]{24}\n$/);
		const before = JSON.parse(ok(['list', '--json'])) as { email: string; must_change_password: boolean }[];
		expect(before.map((u) => [u.email, u.must_change_password])).toEqual([
			['boss@example.org', false],
			['new.hire@example.org', true]
		]);
		const printed = JSON.parse(ok(['reset', 'BOSS@example.org', '--json'])) as Record<string, unknown>;
		expect(printed).toMatchObject({ email: 'boss@example.org', role: 'admin', disabled: false, must_change_password: true });
		expect(String(printed.one_time_password)).toMatch(/^[A-Za-z0-9_-]{24}$/);
		resetPassword1 = String(printed.one_time_password);

		const disable = run(['disable', 'Boss@Example.org']);
		expect(disable.status).toBe(1);
		expect(disable.stderr).toMatch(/^claimlens: boss@example\.org is the last enabled admin/);
		const demote = run(['role', 'boss@example.org', '--role', 'auditor']);
		expect(demote.status).toBe(1);
		expect(demote.stderr).toMatch(/last enabled admin/);

		const plain = ok(['reset', 'new.hire@example.org']);
		expect(plain).toMatch(/^one-time password \(shown once\): [A-Za-z0-9_-]{24}\n$/);
		const listed = JSON.parse(ok(['list', '--json'])) as { email: string; role: string; disabled: boolean; must_change_password: boolean }[];
		expect(listed.map((u) => [u.email, u.role, u.disabled, u.must_change_password])).toEqual([
			['boss@example.org', 'admin', false, true],
			['new.hire@example.org', 'auditor', false, true]
		]);
	}, 120_000);

	it('the printed password signs in and the audit trail records the reset without it', async () => {
		expect(resetPassword1).not.toBe('');
		expect(await checkPassword('boss@example.org', 'boss-chosen-password', cliDb)).toBeNull();
		expect(await signIn('boss@example.org', resetPassword1, cliDb)).toMatchObject({ email: 'boss@example.org', role: 'admin' });
		const records = await auditOf('password_reset', cliDb);
		expect(records.map((r) => [r.email, r.target])).toEqual([
			['cli:ops', 'boss@example.org'],
			['cli:ops', 'new.hire@example.org']
		]);
		expect(JSON.stringify(records)).not.toContain(resetPassword1);
		expect(records[0]?.details).toBe('{"must_change_password":true,"sessions_ended":0}');
	});
});
