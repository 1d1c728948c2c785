import { redirect } from '@sveltejs/kit';
import { revokeAllSessions, revokeSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { appendAudit } from '$lib/server/audit/audit-log';
import { sessionCookieOptions } from '$lib/server/http/transport';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => redirect(303, '/')) satisfies PageServerLoad;

export const actions = {
	here: async ({ locals, cookies, url }) => {
		if (locals.sessionId) await revokeSession(locals.sessionId);
		if (locals.user) await appendAudit({ userId: locals.user.user_id, email: locals.user.email, action: 'logout' });
		cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
		redirect(303, '/login');
	},
	everywhere: async ({ locals, cookies, url }) => {
		if (locals.user) {
			await revokeAllSessions(locals.user.user_id);
			await appendAudit({ userId: locals.user.user_id, email: locals.user.email, action: 'logout_all' });
		}
		cookies.delete(SESSION_COOKIE, sessionCookieOptions(url));
		redirect(303, '/login');
	}
} satisfies Actions;
