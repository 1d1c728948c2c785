// SQL-injection and path-traversal payloads in every query parameter and path parameter of
// every GET route, signed in as admin and as auditor: never a 500, never an error text that
// leaks SQL or DuckDB internals, and the data is unchanged afterwards.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, skipBrowser } from './browser.ts';
import { E2E_PASSWORD, e2eEmail } from './accounts.ts';

const PAYLOADS = [
	"' OR 1=1 --",
	'"; DROP TABLE claim_lines; --',
	"1); DELETE FROM claim_lines WHERE (1=1",
	"x' UNION SELECT password_hash FROM users --",
	'../../../../etc/passwd',
	'..%2F..%2Fdata%2Fclaimlens.duckdb',
	"read_csv('/etc/passwd')",
	'%00',
	'<script>alert(1)</script>'
];
const PARAMS = ['rule', 'specialty', 'severity', 'q', 'all', 'source', 'peer_by', 'npi', 'code', 'from', 'to', 'page', 'size', 'import', 'by', 'coder', 'auditor', 'exclude', 'payer', 'category', 'carc', 'month', 'action', 'email', 'tier', 'frame', 'sample', 'id', 'name', 'kind'];
// DuckDB error classes and stack traces: what a leaked server error would look like
const LEAKS = /(Parser|Binder|Catalog|Conversion|Invalid Input|TransactionContext|Constraint|Out of Range) Error|node_modules|    at [A-Za-z_.]+ \(/;

function routeIds(dir: string, root = dir): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...routeIds(path, root));
		else if (name === '+page.svelte' || name === '+server.ts') out.push(`/${relative(root, dir).split(sep).join('/')}`.replace(/\/$/, '') || '/');
	}
	return [...new Set(out)].filter((id) => id !== '/logout' && id !== '/login');
}

async function cookie(role: 'admin' | 'auditor'): Promise<string> {
	const res = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
		body: new URLSearchParams({ email: e2eEmail(role), password: E2E_PASSWORD })
	});
	return /claimlens_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
}

describe.skipIf(skipBrowser)('hostile query parameters', () => {
	const cookies: Record<string, string> = {};
	let before = '';
	beforeAll(async () => {
		cookies.admin = await cookie('admin');
		cookies.auditor = await cookie('auditor');
		before = JSON.stringify(((await (await fetch(`${baseUrl}/api/overview`, { headers: { cookie: cookies.admin } })).json()) as { kpis: unknown }).kpis);
	});

	it.each(routeIds(join(process.cwd(), 'src', 'routes')))('%s', async (id) => {
		for (const payload of PAYLOADS) {
			const path = id.replace(/\[[a-z]+\]/g, encodeURIComponent(payload));
			const query = new URLSearchParams(PARAMS.map((p) => [p, payload])).toString();
			for (const role of ['admin', 'auditor']) {
				const res = await fetch(`${baseUrl}${path}?${query}`, { redirect: 'manual', headers: { cookie: cookies[role] as string } });
				const body = await res.text();
				expect(res.status, `${role} ${path} ${payload}`).toBeLessThan(500);
				expect(body, `${role} ${path} ${payload}`).not.toMatch(LEAKS);
			}
		}
	});

	it('leaves the data unchanged', async () => {
		const after = JSON.stringify(((await (await fetch(`${baseUrl}/api/overview`, { headers: { cookie: cookies.admin as string } })).json()) as { kpis: unknown }).kpis);
		expect(after).toBe(before);
	});
});
