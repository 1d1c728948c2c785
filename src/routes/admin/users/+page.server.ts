import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { AccountError, addUser, listUsers, RoleSchema, setDisabled, setRole } from '$lib/server/auth/users';
import { resetPassword } from '$lib/server/auth/passwords';
import { appendAudit } from '$lib/server/audit/audit-log';
import { allowed, roles } from '$lib/server/auth/roles';
import { leastPrivilegedRole } from './default-role';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({ users: await listUsers(), roles: [...roles], defaultRole: leastPrivilegedRole() })) satisfies PageServerLoad;

const Add = z.object({ email: z.string().trim().max(254), role: RoleSchema });
const Change = z.object({ email: z.string().trim().max(254), role: RoleSchema.optional(), disabled: z.enum(['true', 'false']).optional() });
const Reset = z.object({ email: z.string().trim().max(254) });

/** A refusal the admin can act on is shown; anything else is a server error (logged, not shown). */
function refused(e: unknown) {
	if (e instanceof AccountError) return fail(400, { message: e.message });
	throw e;
}

export const actions = {
	// hooks.server.ts already requires the admin role; each action checks again (defence in depth)
	add: async ({ request, locals }) => {
		if (!locals.user || !allowed('admin', locals.user.role)) return fail(403, { message: 'admins only' });
		const form = Add.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { message: 'Give an e-mail and a role.' });
		try {
			// a generated password: the new user must choose their own at the first sign-in
			const { user, password } = await addUser({ email: form.data.email, role: form.data.role, mustChangePassword: true, createdBy: locals.user.email });
			await appendAudit({ userId: locals.user.user_id, email: locals.user.email, action: 'user_add', target: user.email, details: { role: user.role } });
			return { added: user.email, password };
		} catch (e) {
			return refused(e);
		}
	},
	// Own account included: users.ts refuses any change that would leave no enabled admin. Demoting
	// or disabling yourself ends your sessions like anyone else's.
	change: async ({ request, locals }) => {
		if (!locals.user || !allowed('admin', locals.user.role)) return fail(403, { message: 'admins only' });
		const form = Change.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { message: 'Bad change request.' });
		try {
			const byRole = form.data.role ? await setRole(form.data.email, form.data.role) : null;
			const byStatus = form.data.disabled ? await setDisabled(form.data.email, form.data.disabled === 'true') : null;
			const target = byStatus?.email ?? byRole?.email ?? form.data.email;
			await appendAudit({ userId: locals.user.user_id, email: locals.user.email, action: 'user_change', target, details: { role: form.data.role, disabled: form.data.disabled } });
			return { changed: target };
		} catch (e) {
			return refused(e);
		}
	},
	// A one-time password shown once; the account must change it and its sessions end (passwords.ts audits).
	reset: async ({ request, locals }) => {
		if (!locals.user || !allowed('admin', locals.user.role)) return fail(403, { message: 'admins only' });
		const form = Reset.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { message: 'Bad reset request.' });
		try {
			const { user, password } = await resetPassword({ email: form.data.email, actor: { userId: locals.user.user_id, email: locals.user.email } });
			return { reset: user.email, password };
		} catch (e) {
			return refused(e);
		}
	}
} satisfies Actions;
