import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { changePassword } from '$lib/server/auth/passwords';
import { AccountError } from '$lib/server/auth/users';
import type { Actions, PageServerLoad } from './$types';

// hooks.server.ts admits every signed-in role (route-access.ts: signed_in); checked again here.
export const load = (async ({ locals, url }) => {
	if (!locals.user) error(401, 'sign in first');
	const required = url.searchParams.get('required') === '1' || locals.user.mustChangePassword;
	return { email: locals.user.email, required };
}) satisfies PageServerLoad;

const Change = z.object({ current: z.string().max(256), next: z.string().max(256), confirm: z.string().max(256) });

export const actions = {
	default: async ({ request, locals, url }) => {
		if (!locals.user || !locals.sessionId) return fail(401, { message: 'Sign in first.' });
		const form = Change.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { message: 'Fill in the three fields.' });
		if (form.data.next !== form.data.confirm) return fail(400, { message: 'The new password and its confirmation differ.' });
		const required = url.searchParams.get('required') === '1' || locals.user.mustChangePassword;
		try {
			const { otherSessionsEnded } = await changePassword({ userId: locals.user.user_id, sessionId: locals.sessionId, currentPassword: form.data.current, newPassword: form.data.next });
			if (!required) return { changed: true, otherSessionsEnded };
		} catch (e) {
			if (e instanceof AccountError) return fail(400, { message: e.message });
			throw e;
		}
		redirect(303, '/');
	}
} satisfies Actions;
