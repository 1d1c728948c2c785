// Every route and endpoint, tried with no session and with each role: the status must follow
// the permission matrix (src/lib/server/auth/route-access.ts). The route list is read from the
// file system, so a new route is tried without anyone remembering to add it here.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, sessionCookie, skipBrowser } from './browser.ts';
import { E2E_ROLES, type E2ERole } from './accounts.ts';
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

describe.skipIf(skipBrowser)('roles against the permission matrix', () => {
	const cookies: Partial<Record<E2ERole, string>> = {};
	let npi = '';
	beforeAll(async () => {
		for (const role of E2E_ROLES) cookies[role] = await sessionCookie(role);
		const flags = (await (await fetch(`${baseUrl}/api/flags`, { headers: { cookie: cookies.admin as string } })).json()) as { rows: { provider_npi: string }[] };
		npi = flags.rows[0]?.provider_npi ?? '1234567893';
	});

	const url = (id: string) =>
		id
			.replace('[npi]', npi)
			.replace('[id]', '1')
			.replace('[coder]', 'DEMO-K04')
			.replace('[table]', 'coders') + (id.includes('/api/flags/') || id.includes('funnel') ? `?npi=${npi}&rule=em_established_level5` : '');

	it.each(all)('$kind $id', async ({ id }) => {
		const access = accessFor(id);
		expect(access, `${id} has no matrix entry`).not.toBeNull();
		const permission = permissionFor(access!, 'GET');
		const anon = await fetch(`${baseUrl}${url(id)}`, { redirect: 'manual' });
		// public: the sign-in page (200) and single sign-on (404 while it is not configured)
		if (permission === 'public') expect([401, 403]).not.toContain(anon.status);
		else expect([401, 303]).toContain(anon.status);
		for (const role of E2E_ROLES) {
			const res = await fetch(`${baseUrl}${url(id)}`, { redirect: 'manual', headers: { cookie: cookies[role] as string } });
			await res.arrayBuffer();
			if (permission !== 'public' && !allowed(permission, role)) expect(res.status, `${role} GET ${id}`).toBe(403);
			else expect([401, 403], `${role} GET ${id} (${res.status})`).not.toContain(res.status);
		}
	});

	it('POST /api/imports follows the import permission; cross-site posts are refused', async () => {
		for (const role of E2E_ROLES) {
			const res = await fetch(`${baseUrl}/api/imports?name=x.csv`, { method: 'POST', headers: { cookie: cookies[role] as string, 'sec-fetch-site': 'same-origin' }, body: '' });
			await res.arrayBuffer();
			if (allowed('import', role)) expect(res.status, role).not.toBe(403);
			else expect(res.status, role).toBe(403);
		}
		const cross = await fetch(`${baseUrl}/api/imports?name=x.csv`, { method: 'POST', headers: { cookie: cookies.admin as string, 'sec-fetch-site': 'cross-site' }, body: 'a' });
		expect(cross.status).toBe(403);
		const anon = await fetch(`${baseUrl}/api/imports?name=x.csv`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin' }, body: 'a' });
		expect(anon.status).toBe(401);
	});
});
