import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { checkPassword } from '$lib/server/auth/users';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { clearFailures, isThrottled, recordFailure } from '$lib/server/auth/throttle';
import { appendAudit } from '$lib/server/audit/audit-log';
import { oidcSettings } from '$lib/server/auth/oidc';
import type { Actions, PageServerLoad } from './$types';

const Form = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(256), next: z.string().max(2000).optional() });

/** Only same-site paths may follow sign-in (no open redirect). */
function safeNext(next: string | undefined): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next') ?? undefined));
	const sso = url.searchParams.get('sso');
	return {
		next: safeNext(url.searchParams.get('next') ?? undefined),
		timedOut: url.searchParams.has('timeout'),
		oidc: oidcSettings() !== null,
		ssoMessage: sso === 'no-account' ? 'Your organisation signed you in, but no enabled ClaimLens account has that e-mail. Ask an admin to add you.' : sso === 'failed' ? 'Single sign-on did not complete. Try again.' : null
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = Form.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { email: '', message: 'Enter your e-mail and password.' });
		const { email, password } = form.data;
		const keys = [`email:${email}`, `ip:${getClientAddress()}`];
		if (isThrottled(keys)) {
			await appendAudit({ email, action: 'login_failed', details: { reason: 'throttled' } });
			return fail(429, { email, message: 'Too many failed attempts. Try again in 15 minutes.' });
		}
		const user = await checkPassword(email, password);
		if (!user) {
			recordFailure(keys);
			await appendAudit({ email, action: 'login_failed', details: { reason: 'bad credentials or disabled account' } });
			return fail(400, { email, message: 'E-mail or password is not right, or the account is disabled.' });
		}
		clearFailures(keys);
		const id = await createSession(user.user_id);
		cookies.set(SESSION_COOKIE, id, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
		await appendAudit({ userId: user.user_id, email: user.email, action: 'login' });
		redirect(303, safeNext(form.data.next));
	}
} satisfies Actions;
