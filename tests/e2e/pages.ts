// Every page of the app, read from src/routes (so a new page is checked without anyone adding
// it here), with real ids for its parameters taken from the running server: a flagged NPI, a
// coder, a drawn sample (drawn here through the Samples page when none exists yet).
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { baseUrl, open, sessionCookie } from './browser.ts';
import { accessFor } from '../../src/lib/server/auth/route-access.ts';
import { allowed, permissionFor } from '../../src/lib/server/auth/roles.ts';
import type { E2ERole } from './accounts.ts';

export function pageRouteIds(dir = join(process.cwd(), 'src', 'routes'), root = dir): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...pageRouteIds(path, root));
		else if (name === '+page.svelte') out.push(`/${relative(root, dir).split(sep).join('/')}`.replace(/\/$/, '') || '/');
	}
	return out.sort();
}

/** May `role` open the page `id` (the permission matrix)? */
export function roleSees(id: string, role: E2ERole): boolean {
	const access = accessFor(id);
	if (!access) return false;
	const permission = permissionFor(access, 'GET');
	return permission === 'public' || allowed(permission, role);
}

export interface PageIds {
	npi: string;
	rule: string;
	coder: string;
	sample: string;
	/** a review case's id */
	case: string;
}

/** A review case's id: an existing one, else one a compliance officer opens now on the first flag (POST /cases?/open). */
export async function ensureCase(): Promise<string> {
	const co = await sessionCookie('compliance_officer');
	const list = (await (await fetch(`${baseUrl}/api/cases`, { headers: { cookie: co } })).json()) as { case_id: number }[];
	if (list[0]) return String(list[0].case_id);
	const flags = (await (await fetch(`${baseUrl}/api/flags?rule=em_established_level5`, { headers: { cookie: co } })).json()) as { rows: { provider_npi: string; rule_id: string }[] };
	const flag = flags.rows[0];
	expect(flag, 'the demo has an em_established_level5 flag').toBeDefined();
	const res = await fetch(`${baseUrl}/cases?/open`, {
		method: 'POST', redirect: 'manual',
		headers: { cookie: co, accept: 'text/html', 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ npi: flag?.provider_npi ?? '', rule: flag?.rule_id ?? '' })
	});
	const id = /\/cases\/(\d+)$/.exec(res.headers.get('location') ?? '')?.[1];
	if (!id) throw new Error(`opening a case failed: ${res.status} ${await res.text()}`);
	return id;
}

/** Ids for the parameterised pages, from the running server. */
export async function pageIds(browser: Browser): Promise<PageIds> {
	const admin = await sessionCookie('admin');
	const flags = (await (await fetch(`${baseUrl}/api/flags`, { headers: { cookie: admin } })).json()) as { rows: { provider_npi: string; rule_id: string }[] };
	const flag = flags.rows[0];
	expect(flag, 'the demo has at least one flag').toBeDefined();
	const coders = (await (await fetch(`${baseUrl}/api/accuracy?by=coder`, { headers: { cookie: admin } })).json()) as { groups: { group: string }[] };
	const coder = coders.groups[0]?.group ?? '';
	expect(coder, 'the demo has audited coders').not.toBe('');
	return { npi: flag?.provider_npi ?? '', rule: flag?.rule_id ?? '', coder, sample: await ensureSample(browser), case: await ensureCase() };
}

/** A drawn sample's id: an existing one, else one drawn now from the first level-5 flag (as an auditor would). */
export async function ensureSample(browser: Browser): Promise<string> {
	const auditor = await sessionCookie('auditor');
	const list = (await (await fetch(`${baseUrl}/api/samples`, { headers: { cookie: auditor } })).json()) as { samples: { sample_id: number }[] };
	const existing = list.samples[0]?.sample_id;
	if (existing) return String(existing);
	const page = await open(browser, '/flags?rule=em_established_level5', 'auditor');
	await page.getByTestId('flags-table').locator('tbody tr').first().getByRole('link').first().click();
	await page.getByTestId('sample-button').click();
	await Promise.all([page.waitForURL(/\/samples\?frame=\d+$/), page.getByTestId('save-frame').click()]);
	await page.locator('[data-testid="size-form"][data-ready]').waitFor();
	await page.locator('select[name="mode"]').selectOption('attribute');
	await page.locator('input[name="precision"]').fill('0.10');
	await page.getByRole('button', { name: 'Compute size' }).click();
	await page.getByRole('button', { name: 'Use this size' }).click();
	await page.getByTestId('seed').fill('20250102');
	await Promise.all([page.waitForURL(/\/samples\/\d+$/), page.getByTestId('draw-button').click()]);
	const id = page.url().split('/').pop() as string;
	await page.close();
	return id;
}

/** The address of page `id` with real parameters. */
export function pageUrl(id: string, ids: PageIds): string {
	const path = id.replace('[npi]', ids.npi).replace('[coder]', encodeURIComponent(ids.coder)).replace('[id]', id.startsWith('/cases/') ? ids.case : ids.sample);
	return id === '/flags/provider/[npi]' ? `${path}?rule=${ids.rule}` : path;
}
