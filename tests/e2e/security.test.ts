// The security issue's findings, probed on the running server as an attacker or a careless
// user would: oversized and unmeasurable bodies, refusals without security headers, an open
// redirect after sign-in, throttling that locked others out, downloads the audit trail lost,
// patient ids and rejected rows shown beyond the roles that need them, and a second server
// without ORIGIN (cookies must not be Secure over plain HTTP; loopback only by default).
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, sessionCookie, skipBrowser } from './browser.ts';
import { startSideServer, type SideServer } from './side-server.ts';
import { E2E_PASSWORD } from './accounts.ts';

const SAME = { 'sec-fetch-site': 'same-origin', accept: 'text/html' };
const headersOf = (r: Response) => Object.fromEntries(['x-frame-options', 'x-content-type-options', 'referrer-policy', 'cache-control'].map((h) => [h, r.headers.get(h)]));
const SECURITY = { 'x-frame-options': 'DENY', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' };

/** Sends headers declaring `declared` bytes and only `sent` of them; resolves with the answer. */
function partialPost(path: string, declared: number, sent: number): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
	const url = new URL(path, baseUrl);
	return new Promise((ok, fail) => {
		const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(declared), ...SAME } }, (res) => {
			let body = '';
			res.on('data', (c) => (body += c));
			res.on('end', () => {
				ok({ status: res.statusCode ?? 0, headers: res.headers, body });
				req.destroy();
			});
		});
		req.on('error', fail);
		req.write('x'.repeat(sent));
	});
}

describe.skipIf(skipBrowser)('requests an attacker sends', () => {
	it('refuses a 300 MB sign-in post from its headers, with the security headers, after reading 1 KB of it', async () => {
		const res = await partialPost('/login', 300 * 1024 ** 2, 1024);
		expect(res.status).toBe(413);
		expect(res.headers['x-frame-options']).toBe('DENY');
		expect(res.headers['x-content-type-options']).toBe('nosniff');
		expect(res.headers['set-cookie']).toBeUndefined();
		expect(res.body).toContain(`request body of ${300 * 1024 ** 2} bytes is over this address&#39;s limit of 16384 bytes`);
	});

	it('refuses a chunked body of unknown size on a form route (411) and a 17 KB sign-in post (413)', async () => {
		const stream = new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode('email=a')); c.close(); } });
		const chunked = await fetch(`${baseUrl}/login`, { method: 'POST', body: stream, headers: SAME, duplex: 'half' } as RequestInit);
		expect(chunked.status).toBe(411);
		const big = await fetch(`${baseUrl}/login`, { method: 'POST', headers: { ...SAME, 'content-type': 'application/x-www-form-urlencoded' }, body: 'x'.repeat(17 * 1024) });
		expect(big.status).toBe(413);
	});

	it('puts the security headers on 401 and 403 answers', async () => {
		const anon = await fetch(`${baseUrl}/api/flags`);
		expect(anon.status).toBe(401);
		expect(headersOf(anon)).toEqual(SECURITY);
		expect(await anon.json()).toEqual({ message: 'sign in first' });
		const coder = await fetch(`${baseUrl}/api/flags`, { headers: { cookie: await sessionCookie('coding_manager') } });
		expect(coder.status).toBe(403);
		expect(headersOf(coder)).toEqual(SECURITY);
		// a page keeps the navigation and says what the role opens instead
		const page = await fetch(`${baseUrl}/flags`, { headers: { cookie: await sessionCookie('coding_manager') } });
		expect(page.status).toBe(403);
		expect(headersOf(page)).toEqual(SECURITY);
		expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
		const html = await page.text();
		expect(html).toContain('data-testid="who"');
		expect(html).toContain('Risk flags is not open to your role (coding manager).');
		expect([...html.matchAll(/<li><a href="([^"]+)">/g)].map((m) => m[1])).toEqual(['/', '/accuracy', '/denials', '/data']);
	});

	it('leads back only to same-origin paths after sign-in', async () => {
		const cookie = await sessionCookie('auditor');
		for (const next of ['/%09/evil.example/', '//evil.example/', '/\\evil.example/', 'https://evil.example/']) {
			const signedIn = await fetch(`${baseUrl}/login?next=${encodeURIComponent(next)}`, { redirect: 'manual', headers: { cookie } });
			expect([signedIn.status, signedIn.headers.get('location')], next).toEqual([303, '/']);
		}
		const tab = await fetch(`${baseUrl}/login?next=/%09/evil.example/`, { redirect: 'manual', headers: { cookie } });
		expect(tab.headers.get('location')).toBe('/');
		const post = await fetch(`${baseUrl}/login`, { method: 'POST', redirect: 'manual', headers: { ...SAME, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ email: 'auditor@e2e.test', password: E2E_PASSWORD, next: '/\t/evil.example/' }) });
		expect([post.status, post.headers.get('location')]).toEqual([303, '/']);
		const kept = await fetch(`${baseUrl}/login?next=${encodeURIComponent('/flags?rule=mue_exceeded')}`, { redirect: 'manual', headers: { cookie } });
		expect(kept.headers.get('location')).toBe('/flags?rule=mue_exceeded');
	});

	it('throttles one account from one address without locking out the others behind it, and audits one summary', async () => {
		const attempt = (email: string, password: string) =>
			fetch(`${baseUrl}/login`, { method: 'POST', redirect: 'manual', headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-sveltekit-action': 'true' }, body: new URLSearchParams({ email, password }) });
		const victim = `guessed.${Date.now()}@e2e.test`;
		for (let i = 0; i < 5; i++) expect((await (await attempt(victim, 'wrong password 123')).json()).status).toBe(400);
		for (let i = 0; i < 3; i++) expect((await (await attempt(victim, 'wrong password 123')).json()).status).toBe(429);
		// a colleague behind the same address still signs in
		expect((await (await attempt('auditor@e2e.test', E2E_PASSWORD)).json()).type).toBe('redirect');
		const audit = await (await fetch(`${baseUrl}/admin/audit?action=login_throttled&email=${encodeURIComponent(victim)}`, { headers: { cookie: await sessionCookie('admin') } })).text();
		expect(audit.match(/login_throttled<\/td>/g)?.length).toBe(1);
	});
});

describe.skipIf(skipBrowser)('what each role sees and what the trail keeps', () => {
	let npi = '';
	let rule = '';
	beforeAll(async () => {
		const flags = (await (await fetch(`${baseUrl}/api/flags`, { headers: { cookie: await sessionCookie('admin') } })).json()) as { rows: { provider_npi: string; rule_id: string; kind?: string }[] };
		const row = flags.rows.find((r) => r.rule_id === 'duplicate_line') ?? flags.rows[0];
		npi = row?.provider_npi ?? '';
		rule = row?.rule_id ?? '';
		expect(npi).toMatch(/^\d{10}$/);
	});

	it('gives patient ids to auditors and numbered surrogates to compliance officers', async () => {
		const csv = async (role: 'auditor' | 'compliance_officer') => {
			const text = await (await fetch(`${baseUrl}/api/flags/lines.csv?npi=${npi}&rule=${rule}`, { headers: { cookie: await sessionCookie(role) } })).text();
			const [header, ...lines] = text.trim().split('\r\n');
			const col = (header ?? '').split(',').indexOf('patient_id');
			return lines.map((l) => l.split(',')[col]);
		};
		const full = await csv('auditor');
		const masked = await csv('compliance_officer');
		expect(full.length).toBeGreaterThan(0);
		expect(masked.length).toBe(full.length);
		expect(full.every((p) => !/^patient \d+$/.test(p ?? ''))).toBe(true);
		// the same patient gets the same surrogate: as many distinct surrogates as distinct ids
		expect(masked.every((p) => /^patient \d+$/.test(p ?? ''))).toBe(true);
		expect(new Set(masked).size).toBe(new Set(full).size);
		// and the page says why
		const page = async (role: 'auditor' | 'compliance_officer') => (await fetch(`${baseUrl}/flags/provider/${npi}?rule=${rule}`, { headers: { cookie: await sessionCookie(role) } })).text();
		expect(await page('compliance_officer')).toContain('data-testid="patient-surrogates"');
		expect(await page('auditor')).not.toContain('data-testid="patient-surrogates"');
	});

	it('records a download as export_start, then export_end with the sha256 of the bytes received', async () => {
		const cookie = await sessionCookie('compliance_officer');
		const bytes = Buffer.from(await (await fetch(`${baseUrl}/api/flags/lines.csv?npi=${npi}&rule=${rule}`, { headers: { cookie } })).arrayBuffer());
		const sha = createHash('sha256').update(bytes).digest('hex');
		await new Promise((r) => setTimeout(r, 300));
		const admin = await sessionCookie('admin');
		const end = await (await fetch(`${baseUrl}/admin/audit?action=export_end&email=compliance`, { headers: { cookie: admin } })).text();
		expect(end).toContain(sha);
		expect(end).toContain(`"bytes":${bytes.length}`);
		const start = await (await fetch(`${baseUrl}/admin/audit?action=export_start&email=compliance`, { headers: { cookie: admin } })).text();
		expect(start).toContain('/api/flags/lines.csv');
	});

	it('shows rejected rows to the roles that import, and only their count to auditors', async () => {
		const officer = await sessionCookie('compliance_officer');
		// every row rejected (NPI check digit), so the demo data stays as it is; unique, so never a duplicate
		const stamp = Date.now();
		const body = `claim_id,line_number,patient_id,rendering_npi,specialty,service_date,procedure_code,units,charge_amount,line_status\nSEC${stamp},1,P1,1234567890,Internal Medicine,2025-03-01,99213,1,100.00,paid\nSEC${stamp},2,P1,1234567890,Internal Medicine,2025-03-01,99213,1,100.00,paid\n`;
		const res = await fetch(`${baseUrl}/api/imports?name=security-rejects.csv`, { method: 'POST', headers: { cookie: officer, 'sec-fetch-site': 'same-origin', 'content-type': 'text/csv' }, body });
		const ndjson = await res.text();
		expect(res.status, ndjson.slice(0, 300)).toBe(200);
		const result = ndjson.trim().split('\n').map((l) => JSON.parse(l)).find((m) => m.type === 'result')?.result;
		expect([result?.rowsLoaded, result?.rowsRejected], ndjson.slice(0, 300)).toEqual([0, 2]);
		const id = result?.importId as number;
		expect(id).toBeGreaterThan(0);
		const asAuditor = await (await fetch(`${baseUrl}/data?import=${id}`, { headers: { cookie: await sessionCookie('auditor') } })).text();
		expect(asAuditor).toContain('data-testid="rejects-hidden"');
		expect(asAuditor).not.toContain('data-testid="rejects"');
		// nor a form the role cannot use
		expect(asAuditor).toContain('data-testid="import-not-for-role"');
		expect(asAuditor).not.toContain('name="file"');
		const asOfficer = await (await fetch(`${baseUrl}/data?import=${id}`, { headers: { cookie: officer } })).text();
		expect(asOfficer).toContain('data-testid="rejects"');
		const audit = await (await fetch(`${baseUrl}/admin/audit?action=view&email=compliance`, { headers: { cookie: await sessionCookie('admin') } })).text();
		expect(audit).toContain('rejected rows');
	});
});

describe.skipIf(skipBrowser)('a server started without ORIGIN', () => {
	let side: SideServer | undefined;
	let port = 0;
	beforeAll(async () => {
		side = await startSideServer({ name: 'noorigin', users: [{ email: 'lan@e2e.test', role: 'auditor', password: E2E_PASSWORD }], origin: false });
		port = side.port;
	}, 90_000);
	afterAll(() => side?.stop());

	it('signs in at a LAN host name over plain HTTP: the cookie is not Secure and no HSTS is sent', async () => {
		// the Host a colleague's browser would send; the server itself listens on loopback
		const body = new URLSearchParams({ email: 'lan@e2e.test', password: E2E_PASSWORD }).toString();
		const res = await new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>((ok, fail) => {
			const req = request({ host: '127.0.0.1', port, path: '/login', method: 'POST', headers: { host: `claimlens-box.lan:${port}`, origin: `http://claimlens-box.lan:${port}`, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(Buffer.byteLength(body)) } }, (r) => {
				r.resume();
				r.on('end', () => ok({ status: r.statusCode ?? 0, headers: r.headers }));
			});
			req.on('error', fail);
			req.end(body);
		});
		expect(res.status).toBe(303);
		const cookie = String(res.headers['set-cookie'] ?? '');
		expect(cookie).toMatch(/^claimlens_session=/);
		expect(cookie).not.toMatch(/;\s*Secure/i);
		expect(res.headers['strict-transport-security']).toBeUndefined();
		// a client cannot claim TLS for it
		const spoof = await fetch(`http://127.0.0.1:${port}/login`, { headers: { 'x-claimlens-transport': 'https' } });
		expect(spoof.headers.get('strict-transport-security')).toBeNull();
	});

	it('listens on loopback only', async () => {
		const outside = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
		if (!outside) return; // no non-loopback address on this machine: nothing to reach it by
		await expect(fetch(`http://${outside}:${port}/login`)).rejects.toThrow();
	});
});
