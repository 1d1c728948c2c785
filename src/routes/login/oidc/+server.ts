// GET /login/oidc: start sign-in with the organisation's OpenID Connect provider.
import { error, redirect } from '@sveltejs/kit';
import { OIDC_COOKIE, oidcSettings, startOidc } from '$lib/server/auth/oidc';
import { safeNext } from '$lib/server/http/safe-next';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, cookies }) => {
	const settings = oidcSettings();
	if (!settings) error(404, 'single sign-on is not configured');
	const next = url.searchParams.get('next') ?? '/';
	const { url: target, cookie } = await startOidc(settings, url.origin, safeNext(next));
	cookies.set(OIDC_COOKIE, cookie, { path: '/login/oidc', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: 600 });
	redirect(302, target.href);
};
