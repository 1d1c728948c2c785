// GET /login/oidc/callback: the provider's answer. The verified e-mail must belong to an enabled
// local account, whose role applies; everything else is refused and audited.
import { error, redirect } from '@sveltejs/kit';
import { finishOidc, OIDC_COOKIE, oidcSettings } from '$lib/server/auth/oidc';
import { enabledUserByEmail } from '$lib/server/auth/users';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/sessions';
import { appendAudit } from '$lib/server/audit/audit-log';
import { sessionCookieOptions } from '$lib/server/http/transport';
import { safeNext } from '$lib/server/http/safe-next';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, cookies }) => {
	const settings = oidcSettings();
	if (!settings) error(404, 'single sign-on is not configured');
	const pending = cookies.get(OIDC_COOKIE);
	cookies.delete(OIDC_COOKIE, { path: '/login/oidc', secure: url.protocol === 'https:' });
	let email: string;
	let next: string;
	try {
		({ email, next } = await finishOidc(settings, url, pending));
	} catch (e) {
		await appendAudit({ action: 'login_failed', details: { method: 'oidc', reason: (e as Error).message.slice(0, 200) } });
		redirect(303, '/login?sso=failed');
	}
	const user = await enabledUserByEmail(email);
	if (!user) {
		await appendAudit({ email, action: 'login_failed', details: { method: 'oidc', reason: 'no enabled ClaimLens account for this e-mail' } });
		redirect(303, '/login?sso=no-account');
	}
	const id = await createSession(user.user_id);
	cookies.set(SESSION_COOKIE, id, sessionCookieOptions(url));
	await appendAudit({ userId: user.user_id, email: user.email, action: 'login', details: { method: 'oidc' } });
	redirect(303, safeNext(next));
};
