// First start: when no account exists, one admin is created with a random password that the
// caller prints once; it must be changed at the first sign-in. There is never a default password.
import { addUser, countUsers } from './users.ts';
import { appendAudit } from '../audit/audit-log.ts';

export const FIRST_ADMIN_EMAIL = 'admin@claimlens.local';

/** The new admin's one-time password, or null when accounts already exist. */
export async function ensureFirstAdmin(dbPath: string): Promise<{ email: string; password: string } | null> {
	if ((await countUsers(dbPath)) > 0) return null;
	const { user, password } = await addUser({ email: FIRST_ADMIN_EMAIL, role: 'admin', mustChangePassword: true, createdBy: 'first start', dbPath });
	await appendAudit({ email: 'first start', action: 'user_add', target: user.email, details: { role: 'admin' } }, dbPath);
	return { email: user.email, password };
}
