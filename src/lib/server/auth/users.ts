// Local accounts: unique ids, argon2id password hashes (@node-rs/argon2, OWASP parameters),
// roles, disabling. No default passwords: new accounts get a random one-time password unless
// one is supplied. Used by the CLI (`claimlens user ...`), the admin page and first start.
import { randomBytes, randomUUID } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runSql } from '../db/query-files.ts';
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

// argon2id, 19 MiB, 2 iterations, 1 lane: the OWASP Password Storage Cheat Sheet minimum.
const ARGON2 = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function randomPassword(): string {
	return randomBytes(18).toString('base64url');
}

function parseOr<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
	const r = schema.safeParse(value);
	if (!r.success) throw new Error(`${what}: ${r.error.issues[0]?.message ?? 'invalid'}`);
	return r.data;
}

export async function addUser(opts: { email: string; role: Role; password?: string; createdBy?: string; dbPath?: string }): Promise<{ user: User; password: string }> {
	const email = parseOr(Email, opts.email, 'e-mail');
	const password = parseOr(Password, opts.password ?? randomPassword(), 'password');
	const passwordHash = await hash(password, ARGON2);
	const userId = randomUUID();
	return withConnection(async (conn) => {
		const [exists] = await runSql(conn, 'SELECT 1 AS x FROM users WHERE email = $email', { email });
		if (exists) throw new Error(`a user ${email} already exists`);
		await runSql(conn, `INSERT INTO users VALUES ($id, $email, $role, $hash, false, now()::TIMESTAMP, $by)`, { id: userId, email, role: opts.role, hash: passwordHash, by: opts.createdBy ?? null });
		const [user] = await runSql(conn, 'SELECT user_id, email, role, disabled, created_at FROM users WHERE user_id = $id', { id: userId });
		return { user: user as unknown as User, password };
	}, opts.dbPath ?? defaultDbPath());
}

export function listUsers(dbPath = defaultDbPath()): Promise<User[]> {
	return withConnection(async (conn) => (await runSql(conn, 'SELECT user_id, email, role, disabled, created_at FROM users ORDER BY email')) as unknown as User[], dbPath);
}

export function countUsers(dbPath = defaultDbPath()): Promise<number> {
	return withConnection(async (conn) => Number((await runSql(conn, 'SELECT count(*)::INTEGER AS n FROM users'))[0]?.n ?? 0), dbPath);
}

export async function setDisabled(email: string, disabled: boolean, dbPath = defaultDbPath()): Promise<User> {
	const e = Email.parse(email);
	return withConnection(async (conn) => {
		const [user] = await runSql(conn, 'SELECT user_id FROM users WHERE email = $e', { e });
		if (!user) throw new Error(`no user ${e}`);
		await runSql(conn, 'UPDATE users SET disabled = $d WHERE email = $e', { d: disabled, e });
		if (disabled) await runSql(conn, 'UPDATE sessions SET revoked = true WHERE user_id = $id', { id: String(user.user_id) });
		return (await runSql(conn, 'SELECT user_id, email, role, disabled, created_at FROM users WHERE email = $e', { e }))[0] as unknown as User;
	}, dbPath);
}

export async function setRole(email: string, role: Role, dbPath = defaultDbPath()): Promise<void> {
	const e = Email.parse(email);
	await withConnection(async (conn) => {
		const [user] = await runSql(conn, 'SELECT user_id FROM users WHERE email = $e', { e });
		if (!user) throw new Error(`no user ${e}`);
		await runSql(conn, 'UPDATE users SET role = $role WHERE email = $e', { role, e });
		await runSql(conn, 'UPDATE sessions SET revoked = true WHERE user_id = $id', { id: String(user.user_id) });
	}, dbPath);
}

// A fixed argon2id hash of a random string: checking an unknown e-mail costs the same time as a
// known one, so response time does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined;

/** The user when the e-mail and password match an enabled account, else null. */
export async function checkPassword(email: string, password: string, dbPath = defaultDbPath()): Promise<User | null> {
	const e = Email.safeParse(email);
	const row = e.success
		? await withConnection(async (conn) => (await runSql(conn, 'SELECT user_id, email, role, disabled, created_at, password_hash FROM users WHERE email = $e', { e: e.data }))[0], dbPath)
		: undefined;
	decoyHash ??= hash(randomPassword(), ARGON2);
	const stored = typeof row?.password_hash === 'string' ? row.password_hash : await decoyHash;
	const ok = await verify(stored, password).catch(() => false);
	if (!ok || !row || row.disabled) return null;
	const { password_hash: _h, ...user } = row;
	return user as unknown as User;
}

/** The enabled account with this e-mail (OIDC sign-in), else null. */
export async function enabledUserByEmail(email: string, dbPath = defaultDbPath()): Promise<User | null> {
	const e = Email.safeParse(email);
	if (!e.success) return null;
	return withConnection(async (conn) => {
		const [row] = await runSql(conn, 'SELECT user_id, email, role, disabled, created_at FROM users WHERE email = $e', { e: e.data });
		return row && !row.disabled ? (row as unknown as User) : null;
	}, dbPath);
}
