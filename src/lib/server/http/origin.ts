// Cross-site request forgery check for every state-changing request (form posts and JSON
// endpoints alike, called from hooks.server.ts; security.md "Web"). Browsers send
// Sec-Fetch-Site; with Referrer-Policy: no-referrer they send "Origin: null" on same-site form
// posts, so Sec-Fetch-Site decides when present, then a concrete Origin must match. Requests
// with neither header do not come from a browser page and cannot ride a user's cookie.
import { error } from '@sveltejs/kit';

export function assertSameOrigin(request: Request, url: URL): void {
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	if (site) {
		if (site !== 'same-origin' && site !== 'none') error(403, 'cross-site request refused');
		return;
	}
	if (origin === 'null') error(403, 'request of unknown origin refused');
	if (origin && origin !== url.origin) error(403, 'cross-origin request refused');
}
