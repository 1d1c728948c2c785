// State-changing JSON endpoints check the browser's Origin themselves: SvelteKit's built-in
// CSRF check covers form posts only (security.md, "Web").
import { error } from '@sveltejs/kit';

export function assertSameOrigin(request: Request, url: URL): void {
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	if (site && site !== 'same-origin' && site !== 'none') error(403, 'cross-site request refused');
	if (origin && origin !== url.origin) error(403, 'cross-origin request refused');
}
