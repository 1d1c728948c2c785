// The page a signed-in person sees when their role does not open the page they asked for
// (hooks.server.ts renders it with status 403 inside the normal layout): what they asked for,
// and what their role may open instead.
import { allowed } from '$lib/server/auth/roles';
import { areaOf, navItems } from '$lib/nav';
import type { PageServerLoad } from './$types';

export const load = (({ url, locals }) => {
	const role = locals.user?.role ?? null;
	const from = url.searchParams.get('from') ?? '';
	const area = from.startsWith('/') ? areaOf(from.split('?')[0] ?? '') : null;
	return {
		role: role ? role.replace('_', ' ') : '',
		asked: area?.label ?? null,
		mayOpen: navItems.filter((n) => allowed(n.need, role)).map((n) => ({ href: n.href, label: n.label, what: n.what }))
	};
}) satisfies PageServerLoad;
