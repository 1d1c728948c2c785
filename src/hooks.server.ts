// Every request passes here: security headers, the session, the permission matrix
// (src/lib/server/auth/route-access.ts, fail closed), Origin checks on state-changing API calls,
// no-store on everything dynamic (PHI), and the audit trail for views and exports.
import { error, isHttpError, redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { SESSION_COOKIE, sessionUser } from '$lib/server/auth/sessions';
import { accessFor } from '$lib/server/auth/route-access';
import { allowed, permissionFor } from '$lib/server/auth/roles';
import { assertSameOrigin } from '$lib/server/http/origin';
import { auditResponse } from '$lib/server/audit/audit-response';
import { lockDownDatabase } from '$lib/server/db/lockdown';

const SECURITY_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'x-frame-options': 'DENY',
	'permissions-policy': 'camera=(), microphone=(), geolocation=()',
	'cross-origin-opener-policy': 'same-origin'
};

export const handle: Handle = async ({ event, resolve }) => {
	await lockDownDatabase();
	const sessionId = event.cookies.get(SESSION_COOKIE) ?? null;
	const user = sessionId ? await sessionUser(sessionId) : null;
	event.locals.user = user ? { user_id: user.user_id, email: user.email, role: user.role } : null;
	event.locals.sessionId = user ? sessionId : null;
	if (sessionId && !user) event.cookies.delete(SESSION_COOKIE, { path: '/' });

	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') assertSameOrigin(event.request, event.url);
	const routeId = event.route.id;
	const isApi = event.url.pathname.startsWith('/api/');
	if (routeId) {
		const access = accessFor(routeId);
		const permission = access ? permissionFor(access, event.request.method) : null;
		if (permission !== 'public') {
			if (!event.locals.user) {
				if (isApi || event.request.method !== 'GET') error(401, 'sign in first');
				redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
			}
			if (!permission || !allowed(permission, event.locals.user.role)) error(403, 'your role does not give access to this page');
		}
	} else if (!event.locals.user && !event.url.pathname.startsWith('/_app/')) {
		// unknown paths: reveal nothing before sign-in
		if (isApi) error(401, 'sign in first');
	}

	const response = await resolve(event);
	for (const [k, v] of Object.entries(SECURITY_HEADERS)) response.headers.set(k, v);
	if (event.url.protocol === 'https:') response.headers.set('strict-transport-security', 'max-age=31536000; includeSubDomains');
	if (!event.url.pathname.startsWith('/_app/')) response.headers.set('cache-control', 'no-store');
	return routeId && event.locals.user ? auditResponse(event, routeId, response) : response;
};

/** Unexpected errors: logged on the server, never their text (which may quote SQL or data) to the client. */
export const handleError: HandleServerError = ({ error: e, status }) => {
	if (!isHttpError(e) && status >= 500) console.error(e);
	return { message: status === 404 ? 'Not found' : 'Something went wrong on the server; the error has been logged.' };
};
