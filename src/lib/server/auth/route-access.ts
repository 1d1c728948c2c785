// Which permission each route needs, and what the audit trail records for it. Keys are
// SvelteKit route ids; a key ending in "/*" covers every route below it. A route with no entry
// is refused (fail closed); tests/integration/route-access.test.ts lists every route file and
// fails when one is missing here.
import type { RouteAccess } from './roles.ts';

export const routeAccess: Record<string, RouteAccess> = {
	'/login': { read: 'public' },
	'/login/oidc': { read: 'public' },
	'/login/oidc/callback': { read: 'public' },
	'/logout': { read: 'signed_in' },
	'/forbidden': { read: 'signed_in' },
	'/account': { read: 'signed_in', write: 'signed_in' },
	'/': { read: 'overview' },
	'/api/overview': { read: 'overview' },
	'/data': { read: 'data' },
	'/api/imports': { read: 'data', write: 'import' },
	// own specialty -> CMS provider type (national benchmark): read by all who see the Data page, edited by importers
	'/data/specialties': { read: 'data', write: 'import' },
	'/api/imports/[id]/rejects.csv': { read: 'import', audit: 'export' },
	'/api/imports/running/[token]': { read: 'import', write: 'import' },
	'/flags': { read: 'flags' },
	'/flags/provider/[npi]': { read: 'flags', audit: 'view' },
	'/api/flags': { read: 'flags' },
	'/api/flags.csv': { read: 'flags', audit: 'export' },
	'/api/flags/funnel.arrow': { read: 'flags' },
	'/api/flags/lines.arrow': { read: 'flags', audit: 'view' },
	'/api/flags/lines.csv': { read: 'flags', audit: 'export' },
	'/accuracy': { read: 'accuracy' },
	'/accuracy/*': { read: 'accuracy', audit: 'view' },
	'/accuracy/coder/[coder]': { read: 'accuracy', write: 'education_record', audit: 'view' },
	'/accuracy/education': { read: 'accuracy', write: 'education_record', audit: 'view' },
	'/api/accuracy/*': { read: 'accuracy', audit: 'export' },
	'/denials': { read: 'denials' },
	'/denials/*': { read: 'denials', audit: 'view' },
	'/api/denials/*': { read: 'denials', audit: 'export' },
	'/samples': { read: 'samples', write: 'samples' },
	'/samples/*': { read: 'samples', write: 'samples', audit: 'view' },
	'/api/samples/*': { read: 'samples', write: 'samples', audit: 'export' },
	'/exclusions': { read: 'exclusions', write: 'exclusions_decide' },
	'/api/exclusions': { read: 'exclusions' },
	'/api/exclusions.csv': { read: 'exclusions', audit: 'export' },
	'/api/exclusions.pdf': { read: 'exclusions', audit: 'export' },
	'/cases': { read: 'cases', write: 'cases_work' },
	'/cases/[id]': { read: 'cases', write: 'cases_work', audit: 'view' },
	'/api/cases': { read: 'cases' },
	'/api/cases.csv': { read: 'cases', audit: 'export' },
	'/workplan': { read: 'flags', write: 'cases_work' },
	'/api/workplan': { read: 'flags' },
	'/api/workplan.csv': { read: 'flags', audit: 'export' },
	// each report names its own permission (src/lib/server/reports/registry.ts); the route checks it
	'/api/reports/[report]': { read: 'signed_in', audit: 'export' },
	'/admin/users': { read: 'admin', write: 'admin' },
	'/admin/audit': { read: 'admin' }
};

export function accessFor(routeId: string): RouteAccess | null {
	const exact = routeAccess[routeId];
	if (exact) return exact;
	let best: { len: number; access: RouteAccess } | null = null;
	for (const [key, access] of Object.entries(routeAccess)) {
		if (!key.endsWith('/*')) continue;
		const prefix = key.slice(0, -2);
		if ((routeId === prefix || routeId.startsWith(`${prefix}/`)) && (!best || prefix.length > best.len)) best = { len: prefix.length, access };
	}
	return best?.access ?? null;
}
