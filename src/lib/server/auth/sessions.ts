// Server-side sessions: a random 256-bit id in an HttpOnly, SameSite=Lax cookie (Secure over
// HTTPS); the database keeps only its sha256. Sessions end on sign-out, on "sign out
// everywhere", when the user is disabled or changes role, and after the idle timeout
// (CLAIMLENS_IDLE_MINUTES, default 15, security.md). SQL: queries/auth/session_*.sql.
import { createHash, randomBytes } from 'node:crypto';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import type { User } from './users.ts';

export const SESSION_COOKIE = 'claimlens_session';

export function idleMinutes(): number {
	const n = Number(process.env.CLAIMLENS_IDLE_MINUTES ?? 15);
	return Number.isFinite(n) && n > 0 ? n : 15;
}

/** What the database stores for a session id: its sha256 (hex). */
export const sessionDigest = (id: string): string => createHash('sha256').update(id).digest('hex');
const digest = sessionDigest;

export async function createSession(userId: string, dbPath = defaultDbPath()): Promise<string> {
	const id = randomBytes(32).toString('base64url');
	await withConnection((conn) => runQuery(conn, 'auth/session_insert', { h: digest(id), u: userId }), dbPath);
	return id;
}

/** DuckDB's optimistic concurrency: two transactions updating one row, one of them loses. */
export function isWriteConflict(e: unknown): boolean {
	return /conflict/i.test((e as Error)?.message ?? '');
}

// Refreshes in flight, per session: parallel requests of one page (its data, its charts'
// Arrow files, its CSV) all arrive past the 30-second mark together and would each update the
// same row; one refresh per session at a time is enough.
const refreshing = new Map<string, Promise<void>>();

/**
 * Moves a session's idle clock to now, off the request's critical path for errors: a write
 * conflict means a concurrent transaction (another refresh, a revoke) wrote the row; the
 * refresh is then moot, never a 500 (security issue: 1 in 3,840 parallel requests failed).
 */
export function touchSession(hash: string, dbPath = defaultDbPath()): Promise<void> {
	const running = refreshing.get(hash);
	if (running) return running;
	const p = withConnection((conn) => runQuery(conn, 'auth/session_touch', { h: hash }), dbPath)
		.then(() => undefined)
		.catch((e) => {
			if (!isWriteConflict(e)) throw e;
		})
		.finally(() => refreshing.delete(hash));
	refreshing.set(hash, p);
	return p;
}

/** The signed-in user for a session id, refreshing its idle clock; null when absent, revoked, idle or disabled. */
export async function sessionUser(id: string, dbPath = defaultDbPath()): Promise<(User & { idle_seconds: number; must_change_password: boolean }) | null> {
	const h = digest(id);
	const [row] = await withConnection((conn) => runQuery(conn, 'auth/session_lookup', { h }), dbPath);
	if (!row || row.disabled) return null;
	if (Number(row.idle_seconds) > idleMinutes() * 60) {
		await retryOnConflict(() => withConnection((conn) => runQuery(conn, 'auth/session_revoke', { h }), dbPath));
		return null;
	}
	// refresh at most every 30 s (or a quarter of the timeout): the idle clock needs no finer grain
	if (Number(row.idle_seconds) > Math.min(30, (idleMinutes() * 60) / 4)) await touchSession(h, dbPath);
	return { ...(row as unknown as User & { idle_seconds: number }), must_change_password: row.must_change_password === true };
}

/** Runs `fn` again (up to `tries` times) when it lost a write conflict: a revocation must not fail because a refresh touched the row. */
async function retryOnConflict<T>(fn: () => Promise<T>, tries = 5): Promise<T> {
	for (let i = 1; ; i++) {
		try {
			return await fn();
		} catch (e) {
			if (!isWriteConflict(e) || i >= tries) throw e;
			await new Promise((r) => setTimeout(r, 5 * i));
		}
	}
}

export async function revokeSession(id: string, dbPath = defaultDbPath()): Promise<void> {
	await retryOnConflict(() => withConnection((conn) => runQuery(conn, 'auth/session_revoke', { h: digest(id) }), dbPath));
}

export async function revokeAllSessions(userId: string, dbPath = defaultDbPath()): Promise<void> {
	await retryOnConflict(() => withConnection((conn) => runQuery(conn, 'auth/session_revoke_user', { u: userId }), dbPath));
}
