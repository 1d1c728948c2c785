import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { authedFetch, launch, open, skipBrowser } from './browser.ts';

describe.skipIf(skipBrowser)('Overview page', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('shows KPI cards and renders the monthly chart', async () => {
		const page = await open(browser, '/');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		const kpis = await page.getByTestId('kpis').innerText();
		// the cards show what the JSON endpoint computes (other tests may have imported a few lines)
		const api = (await (await authedFetch(page, '/api/overview')).json()) as { kpis: { claim_lines: number; audited_lines: number }; months: unknown[] };
		expect(api.kpis.claim_lines).toBeGreaterThanOrEqual(30_000);
		expect(kpis).toContain(`CLAIM LINES\n${api.kpis.claim_lines.toLocaleString('en-US')}`);
		expect(kpis).toContain(`AUDITED LINES\n${api.kpis.audited_lines.toLocaleString('en-US')}`);
		expect(api.kpis.audited_lines).toBeGreaterThan(0);
		await page.getByRole('button', { name: 'Show table' }).click();
		// the demo's 18 months, plus any month a file uploaded by another e2e test adds (the Data
		// page test loads a January 2024 export): the table shows every month the API returns
		expect(api.months.length).toBeGreaterThanOrEqual(18);
		expect(await page.locator('table tbody tr').count()).toBe(api.months.length);
		await page.close();
	});

	it('shows each role only the pages it may open', async () => {
		const page = await open(browser, '/', 'auditor');
		const nav = await page.getByRole('navigation', { name: 'Main' }).innerText();
		expect(nav).toContain('Risk flags');
		expect(nav).not.toContain('Coder accuracy');
		const res = await page.goto(page.url().replace(/\/$/, '') + '/accuracy');
		expect(res?.status()).toBe(403);
		await page.close();
	});
});
