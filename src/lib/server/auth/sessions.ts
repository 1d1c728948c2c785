// Server-side sessions: a random 256-bit id in an HttpOnly, SameSite=Lax cookie (Secure over
// HTTPS); the database keeps only its sha256. Sessions end on sign-out, on "sign out
// everywhere", when the user is disabled or changes role, and after the idle timeout
// (CLAIMLENS_IDLE_MINUTES, default 15, security.md).
import { createHash, randomBytes } from 'node:crypto';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runSql } from '../db/query-files.ts';
import type { User } from './users.ts';

export const SESSION_COOKIE = 'claimlens_session';

export function idleMinutes(): number {
	const n = Number(process.env.CLAIMLENS_IDLE_MINUTES ?? 15);
	return Number.isFinite(n) && n > 0 ? n : 15;
}

const digest = (id: string) => createHash('sha256').update(id).digest('hex');

export async function createSession(userId: string, dbPath = defaultDbPath()): Promise<string> {
	const id = randomBytes(32).toString('base64url');
	await withConnection((conn) => runSql(conn, `INSERT INTO sessions VALUES ($h, $u, now()::TIMESTAMP, now()::TIMESTAMP, false)`, { h: digest(id), u: userId }), dbPath);
	return id;
}

/** The signed-in user for a session id, refreshing its idle clock; null when absent, revoked, idle or disabled. */
export async function sessionUser(id: string, dbPath = defaultDbPath()): Promise<(User & { idle_seconds: number }) | null> {
	return withConnection(async (conn) => {
		const [row] = await runSql(
			conn,
			`SELECT u.user_id, u.email, u.role, u.disabled, u.created_at, epoch(now()::TIMESTAMP) - epoch(s.last_seen) AS idle_seconds
			 FROM sessions s JOIN users u USING (user_id) WHERE s.session_hash = $h AND NOT s.revoked`,
			{ h: digest(id) }
		);
		if (!row || row.disabled) return null;
		if (Number(row.idle_seconds) > idleMinutes() * 60) {
			await runSql(conn, 'UPDATE sessions SET revoked = true WHERE session_hash = $h', { h: digest(id) });
			return null;
		}
		// refresh at most every 30 s (or a quarter of the timeout): the idle clock needs no finer grain
		if (Number(row.idle_seconds) > Math.min(30, (idleMinutes() * 60) / 4)) await runSql(conn, 'UPDATE sessions SET last_seen = now()::TIMESTAMP WHERE session_hash = $h', { h: digest(id) });
		return row as unknown as User & { idle_seconds: number };
	}, dbPath);
}

export async function revokeSession(id: string, dbPath = defaultDbPath()): Promise<void> {
	await withConnection((conn) => runSql(conn, 'UPDATE sessions SET revoked = true WHERE session_hash = $h', { h: digest(id) }), dbPath);
}

export async function revokeAllSessions(userId: string, dbPath = defaultDbPath()): Promise<void> {
	await withConnection((conn) => runSql(conn, 'UPDATE sessions SET revoked = true WHERE user_id = $u', { u: userId }), dbPath);
}
