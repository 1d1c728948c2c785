// Every route and endpoint, tried with no session and with each role: the status must follow
// the permission matrix (src/lib/server/auth/route-access.ts). The route list is read from the
// file system, so a new route is tried without anyone remembering to add it here.
// Allowed roles must get exactly 200 with real parameters (a flagged NPI, a drawn sample, an
// import id, known table names), except the documented statuses in ALLOWED_STATUS below.
// Sign-in goes through sessionCookie(), which throws when a sign-in is refused, so a broken
// sign-in fails the suite instead of letting every "not 403" check pass on a 401.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launch, sessionCookie, skipBrowser } from './browser.ts';
import { ensureCase, ensureSample } from './pages.ts';
import { reportById, reports } from '../../src/lib/server/reports/registry.ts';
import { E2E_ROLES, e2eEmail as e2eEmailOf, type E2ERole } from './accounts.ts';
import { accessFor } from '../../src/lib/server/auth/route-access.ts';
import { allowed, permissionFor } from '../../src/lib/server/auth/roles.ts';

function routes(dir: string, root = dir): { id: string; kind: 'page' | 'endpoint' }[] {
	const out: { id: string; kind: 'page' | 'endpoint' }[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...routes(path, root));
		else if (name === '+page.svelte' || name === '+server.ts') {
			const id = `/${relative(root, dir).split(sep).join('/')}`.replace(/\/$/, '') || '/';
			out.push({ id, kind: name === '+server.ts' ? 'endpoint' : 'page' });
		}
	}
	return out;
}

const all = routes(join(process.cwd(), 'src', 'routes')).filter((r) => r.id !== '/logout');

/**
 * The documented statuses other than 200 for a role the matrix allows (GET):
 * - /login: a signed-in user is sent on (303 to "/", src/routes/login/+page.server.ts);
 * - /login/oidc and its callback: 404 while single sign-on is not configured (the e2e server has none);
 * - /api/imports/running/[token]: DELETE only (cancel an import), so GET is 405;
 * - /api/samples/[id]/findings: POST only (import findings), so GET is 405.
 */
const ALLOWED_STATUS: Record<string, number> = {
	'/login': 303,
	'/login/oidc': 404,
	'/login/oidc/callback': 404,
	'/api/imports/running/[token]': 405,
	'/api/samples/[id]/findings': 405
};
/** Without a session: public routes answer as above but /login itself shows the form (200). */
const ANON_PUBLIC_STATUS: Record<string, number> = { '/login': 200, '/login/oidc': 404, '/login/oidc/callback': 404 };

describe.skipIf(skipBrowser)('roles against the permission matrix', () => {
	const cookies: Partial<Record<E2ERole, string>> = {};
	let browser: Browser;
	let npi = '';
	let sample = '';
	let importId = '';
	let caseId = '';
	beforeAll(async () => {
		// sessionCookie throws on a refused sign-in: the whole file fails, never passes vacuously
		for (const role of E2E_ROLES) cookies[role] = await sessionCookie(role);
		const flags = (await (await fetch(`${baseUrl}/api/flags?rule=em_established_level5`, { headers: { cookie: cookies.admin as string } })).json()) as { rows: { provider_npi: string }[] };
		npi = flags.rows[0]?.provider_npi ?? '';
		expect(npi, 'the demo has an em_established_level5 flag').not.toBe('');
		browser = await launch();
		sample = await ensureSample(browser);
		expect(sample).toMatch(/^\d+$/);
		const imports = (await (await fetch(`${baseUrl}/api/imports`, { headers: { cookie: cookies.admin as string } })).json()) as unknown;
		const list = (Array.isArray(imports) ? imports : ((imports as { imports?: unknown[] }).imports ?? [])) as { import_id?: number; id?: number }[];
		importId = String(list[0]?.import_id ?? list[0]?.id ?? '');
		expect(importId, 'the demo database records its import').toMatch(/^\d+$/);
		caseId = await ensureCase();
	});
	afterAll(async () => {
		await browser?.close();
	});

	const url = (id: string) => {
		const path = id
			.replace('[npi]', npi)
			.replace('[id]', id.startsWith('/api/imports/') ? importId : id.startsWith('/cases/') ? caseId : sample)
			.replace('[report]', 'provider')
			.replace('[coder]', 'DEMO-K04')
			.replace('[token]', '00000000-0000-4000-8000-000000000000')
			.replace('[table]', id.startsWith('/api/denials/') ? 'specialty' : 'coders');
		if (id.startsWith('/api/flags/') || id === '/flags/provider/[npi]') return `${path}?npi=${npi}&rule=em_established_level5`;
		if (id === '/api/reports/[report]') return `${path}?npi=${npi}`;
		if (id === '/api/samples/size') return `${path}?type=attribute&universe=1000&error_rate=0.1&precision=0.05&confidence=0.9`;
		if (id === '/api/samples/[id]/export') return `${path}?format=csv&tier=safe_harbor`;
		return path;
	};

	it.each(all)('$kind $id', async ({ id }) => {
		const access = accessFor(id);
		expect(access, `${id} has no matrix entry`).not.toBeNull();
		const permission = permissionFor(access!, 'GET');
		const anon = await fetch(`${baseUrl}${url(id)}`, { redirect: 'manual' });
		await anon.arrayBuffer();
		if (permission === 'public') expect(anon.status, `anonymous GET ${id}`).toBe(ANON_PUBLIC_STATUS[id] ?? 200);
		// pages redirect to the sign-in form (303), endpoints answer 401
		else expect(anon.status, `anonymous GET ${id}`).toBe(id.startsWith('/api/') ? 401 : 303);
		for (const role of E2E_ROLES) {
			const res = await fetch(`${baseUrl}${url(id)}`, { redirect: 'manual', headers: { cookie: cookies[role] as string } });
			const body = await res.text();
			// the report route is open to every signed-in role; each report checks its own permission
			const own = id === '/api/reports/[report]' ? reportById('provider')?.permission : undefined;
			if ((permission !== 'public' && !allowed(permission, role)) || (own && !allowed(own, role))) expect(res.status, `${role} GET ${id}`).toBe(403);
			else expect(res.status, `${role} GET ${url(id)}: ${body.slice(0, 200)}`).toBe(ALLOWED_STATUS[id] ?? 200);
		}
	});

	it.each(reports.map((r) => r.id))('report %s follows its own permission', async (rid) => {
		const report = reportById(rid)!;
		const query = { provider: `npi=${npi}`, committee: '', coder: 'coder=DEMO-K04', appraisal: `sample=${sample}` }[rid] ?? '';
		for (const role of E2E_ROLES) {
			const res = await fetch(`${baseUrl}/api/reports/${rid}?${query}`, { headers: { cookie: cookies[role] as string } });
			const body = Buffer.from(await res.arrayBuffer());
			if (!allowed(report.permission, role)) expect(res.status, `${role} ${rid}`).toBe(403);
			else {
				expect(res.status, `${role} ${rid}: ${body.subarray(0, 200).toString()}`).toBe(200);
				expect(body.subarray(0, 5).toString()).toBe('%PDF-');
			}
		}
	});

	it('case actions follow the role matrix: note and status for case workers, assign and close for the compliance officer', async () => {
		const post = (role: E2ERole, action: string, body: Record<string, string>) =>
			fetch(`${baseUrl}/cases/${caseId}?/${action}`, { method: 'POST', redirect: 'manual', headers: { cookie: cookies[role] as string, accept: 'application/json', 'x-sveltekit-action': 'true', 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
		const status = async (role: E2ERole, action: string, body: Record<string, string>) => {
			const res = await post(role, action, body);
			const j = (await res.json()) as { type: string; status?: number };
			return j.type === 'failure' ? (j.status ?? 400) : j.type === 'success' ? 200 : res.status;
		};
		// the route's write permission (cases_work): admin and coding manager are refused before the action
		for (const role of ['admin', 'coding_manager'] as const) expect((await post(role, 'note', { text: 'x' })).status, role).toBe(403);
		expect(await status('auditor', 'note', { text: 'auditor note' })).toBe(200);
		expect(await status('auditor', 'assign', { assignee: e2eEmailOf('auditor'), due_date: '' })).toBe(403);
		expect(await status('auditor', 'status', { status: 'closed', outcome: 'no_issue' })).toBe(403);
		expect(await status('compliance_officer', 'assign', { assignee: e2eEmailOf('auditor'), due_date: '' })).toBe(200);
	});

	it('POST /api/imports follows the import permission; cross-site posts are refused', async () => {
		for (const role of E2E_ROLES) {
			const res = await fetch(`${baseUrl}/api/imports?name=x.csv`, { method: 'POST', headers: { cookie: cookies[role] as string, 'sec-fetch-site': 'same-origin' }, body: '' });
			await res.arrayBuffer();
			// an allowed role reaches the handler, which refuses the empty body (400), never 401/403
			if (allowed('import', role)) expect(res.status, role).toBe(400);
			else expect(res.status, role).toBe(403);
		}
		const cross = await fetch(`${baseUrl}/api/imports?name=x.csv`, { method: 'POST', headers: { cookie: cookies.admin as string, 'sec-fetch-site': 'cross-site' }, body: 'a' });
		expect(cross.status).toBe(403);
		const anon = await fetch(`${baseUrl}/api/imports?name=x.csv`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' }, body: 'a' });
		expect(anon.status).toBe(401);
	});
});
