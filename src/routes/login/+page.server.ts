import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { checkPassword } from '$lib/server/auth/users';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { checkAttempt, recordFailure, recordSuccess } from '$lib/server/auth/throttle';
import { appendAudit } from '$lib/server/audit/audit-log';
import { oidcSettings } from '$lib/server/auth/oidc';
import { safeNext } from '$lib/server/http/safe-next';
import { sessionCookieOptions } from '$lib/server/http/transport';
import type { Actions, PageServerLoad } from './$types';

const Form = z.object({ email: z.string().trim().toLowerCase().max(254), password: z.string().max(256), next: z.string().max(2000).optional() });

export const load = (async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	const sso = url.searchParams.get('sso');
	return {
		next: safeNext(url.searchParams.get('next')),
		timedOut: url.searchParams.has('timeout'),
		oidc: oidcSettings() !== null,
		ssoMessage: sso === 'no-account' ? 'Your organisation signed you in, but no enabled ClaimLens account has that e-mail. Ask an admin to add you.' : sso === 'failed' ? 'Single sign-on did not complete. Try again.' : null
	};
}) satisfies PageServerLoad;

const minutes = (ms: number) => Math.max(1, Math.ceil(ms / 60_000));

export const actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		const form = Form.safeParse(Object.fromEntries(await request.formData()));
		if (!form.success) return fail(400, { email: '', message: 'Enter your e-mail and password.' });
		const { email, password } = form.data;
		const address = getClientAddress();
		const gate = checkAttempt(email, address);
		if (gate.waitMs > 0) {
			// one summary record per throttled spell; the refusals themselves are counted, not logged
			if (gate.reportNow) await appendAudit({ email, action: 'login_throttled', details: { address, failures: gate.failures, wait_seconds: Math.ceil(gate.waitMs / 1000) } });
			return fail(429, { email, message: `Too many failed attempts from here. Try again in ${minutes(gate.waitMs)} minute${minutes(gate.waitMs) === 1 ? '' : 's'}.` });
		}
		const user = await checkPassword(email, password);
		if (!user) {
			const refused = recordFailure(email, address);
			await appendAudit({ email, action: 'login_failed', details: { reason: 'bad credentials or disabled account', address, ...(refused ? { refused_while_throttled: refused } : {}) } });
			return fail(400, { email, message: 'E-mail or password is not right, or the account is disabled.' });
		}
		const refused = recordSuccess(email, address);
		const id = await createSession(user.user_id);
		cookies.set(SESSION_COOKIE, id, sessionCookieOptions(url));
		await appendAudit({ userId: user.user_id, email: user.email, action: 'login', details: refused ? { refused_while_throttled: refused } : undefined });
		redirect(303, safeNext(form.data.next));
	}
} satisfies Actions;
