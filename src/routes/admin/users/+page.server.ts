import { fail } from '@sveltejs/kit';
import { z } from 'zod';
import { addUser, listUsers, RoleSchema, setDisabled, setRole } from '$lib/server/auth/users';
import { appendAudit } from '$lib/server/audit/audit-log';
import { allowed } from '$lib/server/auth/roles';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({ users: await listUsers() })) satisfies PageServerLoad;

const Add = z.object({ email: z.string().trim().max(254), role: RoleSchema });
const Change = z.object({ email: z.string().trim().max(254), role: RoleSchema.optional(), disabled: z.enum(['true', 'false']).optional() });

export const actions = {
	// hooks.server.ts already requires the admin role; each action checks again (defence in depth)
	add: async ({ request, locals }) => {
		if (!locals.user || !allowed('admin', locals.user.role)) return fail(403, { message: 'admins only' });
		const form = Add.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { message: 'Give an e-mail and a role.' });
		try {
			const { user, password } = await addUser({ email: form.data.email, role: form.data.role, createdBy: locals.user.email });
			await appendAudit({ userId: locals.user.user_id, email: locals.user.email, action: 'user_add', target: user.email, details: { role: user.role } });
			return { added: user.email, password };
		} catch (e) {
			return fail(400, { message: (e as Error).message });
		}
	},
	change: async ({ request, locals }) => {
		if (!locals.user || !allowed('admin', locals.user.role)) return fail(403, { message: 'admins only' });
		const form = Change.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { message: 'Bad change request.' });
		if (form.data.email === locals.user.email) return fail(400, { message: 'Ask another admin to change your own account.' });
		try {
			if (form.data.role) await setRole(form.data.email, form.data.role);
			if (form.data.disabled) await setDisabled(form.data.email, form.data.disabled === 'true');
			await appendAudit({ userId: locals.user.user_id, email: locals.user.email, action: 'user_change', target: form.data.email, details: { role: form.data.role, disabled: form.data.disabled } });
			return { changed: form.data.email };
		} catch (e) {
			return fail(400, { message: (e as Error).message });
		}
	}
} satisfies Actions;
