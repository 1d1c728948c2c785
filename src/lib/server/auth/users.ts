// Local accounts: unique ids, argon2id password hashes (@node-rs/argon2, OWASP parameters),
// roles, disabling. No default passwords: new accounts get a random one-time password unless
// one is supplied. No change may leave zero enabled admins. SQL in queries/auth/. Used by the
// CLI (`claimlens user ...`), the admin page and first start; password change and reset are in
// passwords.ts.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import type { DuckDBConnection } from '@duckdb/node-api';
import { z } from 'zod';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { inTransaction } from '../db/transaction.ts';
import { roles, type Role } from './roles.ts';

export const Email = z.string().trim().toLowerCase().email().max(254);
export const RoleSchema = z.enum(roles);
export const Password = z.string().min(12, 'passwords need at least 12 characters').max(256);

export interface User {
	user_id: string;
	email: string;
	role: Role;
	disabled: boolean;
	created_at: string;
}

/** A user as the admin page and `claimlens user list` show it. */
export interface UserListing extends User {
	must_change_password: boolean;
}

/** A refusal the person can act on (shown on the page or by the CLI); other errors are bugs. */
export class AccountError extends Error {}

// argon2id, 19 MiB, 2 iterations, 1 lane: the OWASP Password Storage Cheat Sheet minimum.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function randomPassword(): string {
	return randomBytes(18).toString('base64url');
}

export function hashPassword(password: string): Promise<string> {
	return hash(password, ARGON2);
}

/** Whether the password matches an argon2id PHC string (false for a malformed hash). */
export function verifyPassword(stored: string, password: string): Promise<boolean> {
	return verify(stored, password).catch(() => false);
}

export function parseOr<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
	const r = schema.safeParse(value);
	if (!r.success) throw new AccountError(`${what}: ${r.error.issues[0]?.message ?? 'invalid'}`);
	return r.data;
}

/**
 * Adds an account. Without a password one is generated; such accounts must choose their own at
 * the next sign-in unless mustChangePassword says otherwise (a password the person chose, e.g.
 * `--password-stdin`, is theirs already).
 */
export async function addUser(opts: { email: string; role: Role; password?: string; mustChangePassword?: boolean; createdBy?: string; dbPath?: string }): Promise<{ user: UserListing; password: string }> {
	const email = parseOr(Email, opts.email, 'e-mail');
	const password = parseOr(Password, opts.password ?? randomPassword(), 'password');
	const passwordHash = await hashPassword(password);
	const userId = randomUUID();
	const mustChange = opts.mustChangePassword ?? opts.password === undefined;
	return withConnection(async (conn) => {
		const [exists] = await runQuery(conn, 'auth/user_by_email', { email });
		if (exists) throw new AccountError(`a user ${email} already exists`);
		await runQuery(conn, 'auth/user_insert', { user_id: userId, email, role: opts.role, password_hash: passwordHash, created_by: opts.createdBy ?? null, must_change_password: mustChange });
		const [user] = await runQuery(conn, 'auth/user_by_id', { user_id: userId });
		return { user: user as unknown as UserListing, password };
	}, opts.dbPath ?? defaultDbPath());
}

export function listUsers(dbPath = defaultDbPath()): Promise<UserListing[]> {
	return withConnection(async (conn) => (await runQuery(conn, 'auth/users_list')) as unknown as UserListing[], dbPath);
}

export function countUsers(dbPath = defaultDbPath()): Promise<number> {
	return withConnection(async (conn) => Number((await runQuery(conn, 'auth/users_count'))[0]?.n ?? 0), dbPath);
}

/** The account with this e-mail (any case), or an AccountError naming it. */
export async function findUser(conn: DuckDBConnection, email: string): Promise<UserListing> {
	const e = parseOr(Email, email, 'e-mail');
	const [user] = await runQuery(conn, 'auth/user_by_email', { email: e });
	if (!user) throw new AccountError(`no user ${e}`);
	return user as unknown as UserListing;
}

const lastAdmin = (email: string, what: string) =>
	new AccountError(`${email} is the last enabled admin: ${what} would leave nobody able to manage accounts. Make another account an admin first.`);

// Role and disabled changes run one at a time in this process, so two requests cannot each see
// the other admin still enabled and both go ahead (the database file admits one process).
let adminChanges: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
	const next = adminChanges.then(fn);
	adminChanges = next.catch(() => {});
	return next;
}

/** Disables (and ends the sessions of) or enables an account; never the last enabled admin. */
export function setDisabled(email: string, disabled: boolean, dbPath = defaultDbPath()): Promise<UserListing> {
	return oneAtATime(() =>
		withConnection(async (conn) => {
			const user = await findUser(conn, email);
			await inTransaction(conn, async () => {
				const changed = await runQuery(conn, 'auth/user_set_disabled', { user_id: user.user_id, disabled });
				if (changed.length === 0) throw lastAdmin(user.email, 'disabling it');
				if (disabled) await runQuery(conn, 'auth/user_sessions_revoke', { user_id: user.user_id });
			});
			return (await runQuery(conn, 'auth/user_by_id', { user_id: user.user_id }))[0] as unknown as UserListing;
		}, dbPath)
	);
}

/** Changes an account's role and ends its sessions; never demotes the last enabled admin. */
export function setRole(email: string, role: Role, dbPath = defaultDbPath()): Promise<UserListing> {
	return oneAtATime(() =>
		withConnection(async (conn) => {
			const user = await findUser(conn, email);
			if (user.role === role) return user;
			await inTransaction(conn, async () => {
				const changed = await runQuery(conn, 'auth/user_set_role', { user_id: user.user_id, role });
				if (changed.length === 0) throw lastAdmin(user.email, `making it ${role}`);
				await runQuery(conn, 'auth/user_sessions_revoke', { user_id: user.user_id });
			});
			return (await runQuery(conn, 'auth/user_by_id', { user_id: user.user_id }))[0] as unknown as UserListing;
		}, dbPath)
	);
}

// A fixed argon2id hash of a random string: checking an unknown e-mail costs the same time as a
// known one, so response time does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

/** The user when the e-mail and password match an enabled account, else null. */
export async function checkPassword(email: string, password: string, dbPath = defaultDbPath()): Promise<User | null> {
	const e = Email.safeParse(email);
	const row = e.success ? await withConnection(async (conn) => (await runQuery(conn, 'auth/user_credentials', { email: e.data }))[0], dbPath) : undefined;
	decoyHash ??= hashPassword(randomPassword());
	const stored = typeof row?.password_hash === 'string' ? row.password_hash : await decoyHash;
	const ok = await verifyPassword(stored, password);
	if (!ok || !row || row.disabled) return null;
	const { password_hash: _h, ...user } = row;
	return user as unknown as User;
}

/** The enabled account with this e-mail (OIDC sign-in), else null. */
export async function enabledUserByEmail(email: string, dbPath = defaultDbPath()): Promise<User | null> {
	const e = Email.safeParse(email);
	if (!e.success) return null;
	return withConnection(async (conn) => {
		const [row] = await runQuery(conn, 'auth/user_by_email', { email: e.data });
		if (!row || row.disabled) return null;
		const { must_change_password: _m, ...user } = row;
		return user as unknown as User;
	}, dbPath);
}
