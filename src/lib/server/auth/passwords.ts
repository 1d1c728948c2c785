// Password change (by the signed-in user), reset (by an admin: a one-time password), and the
// "must change at next sign-in" flag that hooks.server.ts enforces. Both changes are audited
// here, so the page and the CLI record the same thing; passwords never reach the audit trail.
// SQL in queries/auth/.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { inTransaction } from '../db/transaction.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { sessionDigest } from './sessions.ts';
import { AccountError, findUser, hashPassword, parseOr, Password, randomPassword, verifyPassword, type UserListing } from './users.ts';

/** Who did it, for the audit trail (an admin on the page, or `cli:USER`). */
export interface Actor {
	userId?: string | null;
	email: string;
}


/** Whether the account must choose a new password before using anything else (false for an unknown id). */
export function mustChangePassword(userId: string, dbPath = defaultDbPath()): Promise<boolean> {
	return withConnection(async (conn) => (await runQuery(conn, 'auth/user_must_change', { user_id: userId }))[0]?.must_change_password === true, dbPath);
}

/** Ends every session of the account except the one with this id; returns how many were ended. */
export function revokeOtherSessions(userId: string, keepSessionId: string, dbPath = defaultDbPath()): Promise<number> {
	return withConnection(async (conn) => (await runQuery(conn, 'auth/user_sessions_revoke_others', { user_id: userId, keep_hash: sessionDigest(keepSessionId) })).length, dbPath);
}

/**
 * The signed-in user changes their own password: the current one must match and the new one
 * must differ and follow the Password rules. Their other sessions end (this one stays) and the
 * must-change flag is cleared. Wrong current passwords are refused, not counted (no lockout).
 */
export async function changePassword(opts: { userId: string; sessionId: string; currentPassword: string; newPassword: string; dbPath?: string }): Promise<{ email: string; otherSessionsEnded: number }> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const next = parseOr(Password, opts.newPassword, 'new password');
	if (next === opts.currentPassword) throw new AccountError('The new password must differ from the current one.');
	const [row] = await withConnection((conn) => runQuery(conn, 'auth/user_by_id', { user_id: opts.userId }), dbPath);
	if (!row || row.disabled) throw new AccountError('This account cannot sign in.');
	const [stored] = await withConnection((conn) => runQuery(conn, 'auth/user_password_hash', { user_id: opts.userId }), dbPath);
	if (typeof stored?.password_hash !== 'string') throw new AccountError('This account signs in through your organisation and has no ClaimLens password.');
	if (!(await verifyPassword(stored.password_hash, opts.currentPassword))) throw new AccountError('The current password is not correct.');
	const passwordHash = await hashPassword(next);
	const ended = await withConnection(
		(conn) =>
			inTransaction(conn, async () => {
				await runQuery(conn, 'auth/user_set_password', { user_id: opts.userId, password_hash: passwordHash, must_change_password: false });
				return (await runQuery(conn, 'auth/user_sessions_revoke_others', { user_id: opts.userId, keep_hash: sessionDigest(opts.sessionId) })).length;
			}),
		dbPath
	);
	const email = String(row.email);
	await appendAudit({ userId: opts.userId, email, action: 'password_change', target: email, details: { other_sessions_ended: ended } }, dbPath);
	return { email, otherSessionsEnded: ended };
}

/**
 * An admin (page or CLI) resets an account's password: a random one-time password, returned
 * once for the admin to hand over; the account must change it at the next sign-in and all its
 * sessions end (the admin's own too, when resetting themselves).
 */
export async function resetPassword(opts: { email: string; actor: Actor; dbPath?: string }): Promise<{ user: UserListing; password: string; sessionsEnded: number }> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const password = randomPassword();
	const passwordHash = await hashPassword(password);
	const { user, ended } = await withConnection(async (conn) => {
		const found = await findUser(conn, opts.email);
		const n = await inTransaction(conn, async () => {
			await runQuery(conn, 'auth/user_set_password', { user_id: found.user_id, password_hash: passwordHash, must_change_password: true });
			return (await runQuery(conn, 'auth/user_sessions_revoke', { user_id: found.user_id })).length;
		});
		return { user: (await runQuery(conn, 'auth/user_by_id', { user_id: found.user_id }))[0] as unknown as UserListing, ended: n };
	}, dbPath);
	await appendAudit({ userId: opts.actor.userId ?? null, email: opts.actor.email, action: 'password_reset', target: user.email, details: { must_change_password: true, sessions_ended: ended } }, dbPath);
	return { user, password, sessionsEnded: ended };
}
