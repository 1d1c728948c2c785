// Every request passes here: the body-size ceiling (before anything reads it), the session,
// the permission matrix (src/lib/server/auth/route-access.ts, fail closed), Origin checks on
// state-changing calls, no-store on everything dynamic (PHI), the audit trail for views and
// exports, and the security headers on every answer, refusals included.
import { isHttpError, isRedirect, type Handle, type HandleServerError, type RequestEvent } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/sessions';
import { accessFor } from '$lib/server/auth/route-access';
import { allowed, permissionFor } from '$lib/server/auth/roles';
import { assertSameOrigin } from '$lib/server/http/origin';
import { checkBody } from '$lib/server/http/body-limit';
import { refusal } from '$lib/server/http/refusal';
import { overTls, sessionCookieOptions } from '$lib/server/http/transport';
import { auditResponse } from '$lib/server/audit/audit-response';
import { lockDownDatabase } from '$lib/server/db/lockdown';

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'cross-origin-opener-policy': 'same-origin'
};

type Resolve = Parameters<Handle>[0]['resolve'];

/** What a user whose password must be changed may still reach. */
const PASSWORD_CHANGE_ROUTES = new Set(['/account', '/logout', '/login']);

async function guarded(event: RequestEvent, resolve: Resolve, api: boolean): Promise<Response> {
	const routeId = event.route.id;
	// header-only: an oversized or unmeasurable body is refused before a byte of it is read
	const tooBig = checkBody(event.request.method, event.request.headers, routeId);
	if (tooBig) return refusal(tooBig.status, tooBig.message, api, { connection: 'close' });

	await lockDownDatabase();
	const sessionId = event.cookies.get(SESSION_COOKIE) ?? null;
	const user = sessionId ? await sessionUser(sessionId) : null;
	event.locals.user = user ? { user_id: user.user_id, email: user.email, role: user.role, mustChangePassword: user.must_change_password } : null;
	event.locals.sessionId = user ? sessionId : null;
	if (sessionId && !user) event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(event.url));

	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') assertSameOrigin(event.request, event.url);
	// a one-time password (reset, first start) opens only the password page and sign-out
	if (event.locals.user?.mustChangePassword && !PASSWORD_CHANGE_ROUTES.has(routeId ?? '') && !event.url.pathname.startsWith('/_app/')) {
		if (api || event.request.method !== 'GET') return refusal(403, 'choose a new password first (Account page)', api);
		return new Response(null, { status: 303, headers: { location: '/account?required=1' } });
	}
	if (routeId) {
		const access = accessFor(routeId);
		const permission = access ? permissionFor(access, event.request.method) : null;
		if (permission !== 'public') {
			if (!event.locals.user) {
				if (api || event.request.method !== 'GET') return refusal(401, 'sign in first', api);
				return new Response(null, { status: 303, headers: { location: `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}` } });
			}
			if (!permission || !allowed(permission, event.locals.user.role)) {
				// a page keeps the navigation and says what the role may open (routes/forbidden)
				if (!api && event.request.method === 'GET') return forbiddenPage(event);
				return refusal(403, 'your role does not give access to this page', api);
			}
		}
	} else if (!event.locals.user && !event.url.pathname.startsWith('/_app/')) {
		// unknown paths: reveal nothing before sign-in
		if (api) return refusal(401, 'sign in first', api);
	}
	const response = await resolve(event);
	return routeId && event.locals.user ? auditResponse(event, routeId, response) : response;
}

/** The 403 page inside the app's layout, rendered through the app itself (same session). */
async function forbiddenPage(event: RequestEvent): Promise<Response> {
	const inner = await event.fetch(`/forbidden?from=${encodeURIComponent(event.url.pathname)}`);
	return new Response(inner.body, { status: 403, headers: inner.headers });
}

export const handle: Handle = async ({ event, resolve }) => {
	const api = event.url.pathname.startsWith('/api/');
	let response: Response;
	try {
		response = await guarded(event, resolve, api);
	} catch (e) {
		// error() and redirect() thrown by the checks above (assertSameOrigin) answer here, so
		// they too carry the headers below
		if (isHttpError(e)) response = refusal(e.status, e.body.message, api);
		else if (isRedirect(e)) response = new Response(null, { status: e.status, headers: { location: e.location } });
		else throw e;
	}
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
	if (overTls(event.url)) response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	if (!event.url.pathname.startsWith('/_app/')) response.headers.set('cache-control', 'no-store');
	return response;
};

/** Unexpected errors: logged on the server, never their text (which may quote SQL, data or server paths) to the client. */
export const handleError: HandleServerError = ({ error: e, status }) => {
	if (!isHttpError(e) && status >= 500) console.error(e);
	return { message: status === 404 ? 'Not found' : 'Something went wrong on the server; the error has been logged.' };
};
