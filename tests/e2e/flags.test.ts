// Risk flags in the browser: the table loads, a drill-down shows its charts, the claim-line
// table pages, the sampling button carries the frame, and no page shows our internal names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ruleIds } from '../../src/lib/server/rules/catalog.ts';
import { authedFetch, launch, open, skipBrowser } from './browser.ts';

describe.skipIf(skipBrowser)('Risk flags', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('answers at once with a skeleton and streams the flags into it', async () => {
		const page = await open(browser, '/');
		// a view nothing has computed yet (peers by payer): the first bytes hold the skeleton
		const res = await authedFetch(page, '/flags?peer_by=payer');
		const html = await res.text();
		expect(res.status).toBe(200);
		expect(html).toContain('data-testid="flags-loading"');
		// and the browser replaces it with the table
		await page.goto(`${page.url().replace(/\/$/, '')}/flags?peer_by=payer`);
		await page.getByTestId('flags-table').waitFor();
		expect(await page.getByTestId('flags-loading').count()).toBe(0);
		await page.close();
	});

	it('lists flags with counts per rule and filters by rule', async () => {
		const page = await open(browser, '/flags');
		const table = page.getByTestId('flags-table');
		await table.waitFor();
		expect(await table.locator('tbody tr').count()).toBeGreaterThan(5);
		expect(await page.getByTestId('rule-summary').innerText()).toMatch(/Level-5 established-patient visits/);
		await page.locator('select[name="rule"]').selectOption('psychotherapy_60min');
		await page.getByRole('button', { name: 'Apply' }).click();
		await page.waitForURL(/rule=psychotherapy_60min/);
		// the flags stream in after the navigation: wait for the skeleton to go, then read the rows
		await page.getByTestId('flags-loading').waitFor({ state: 'detached' });
		await table.locator('tbody tr').first().waitFor();
		const rows = await table.locator('tbody tr').allInnerTexts();
		expect(rows.length).toBeGreaterThanOrEqual(1);
		expect(rows.every((r) => r.includes('60-minute psychotherapy'))).toBe(true);
		await page.close();
	});

	it('drills down to charts and pages through the claim lines', async () => {
		const page = await open(browser, '/flags?rule=em_established_level5');
		await page.getByTestId('flags-table').locator('tbody tr').first().getByRole('link').first().click();
		await page.waitForURL(/\/flags\/provider\/\d{10}\?rule=em_established_level5/);
		await expect.poll(() => page.locator('[data-echarts-ready="true"]').count(), { timeout: 20_000 }).toBe(3);
		expect(await page.getByTestId('severity').innerText()).toMatch(/flagged/);
		const info = page.getByTestId('page-info');
		await expect.poll(() => info.innerText()).toMatch(/^Page 1 of \d+ · [\d,]+ lines$/);
		const firstPage = await page.getByTestId('flag-lines').locator('tbody tr').first().innerText();
		expect(firstPage).toMatch(/99215/);
		await page.getByRole('button', { name: 'Next' }).click();
		await expect.poll(() => info.innerText()).toMatch(/^Page 2 of/);
		await expect.poll(() => page.getByTestId('flag-lines').locator('tbody tr').first().innerText()).not.toBe(firstPage);
		expect(await page.getByTestId('sample-button').getAttribute('href')).toMatch(/^\/samples\?npi=\d{10}&rule=em_established_level5$/);
		await page.close();
	});

	// words for users: no project file names (domain.md) and no regex-like notation (X{EPSU})
	const internal = /domain\.md|\{[A-Z]+\}/;
	// all the text of the page's main part, collapsed "how computed" notes included
	const mainText = (page: Page) => page.locator('main').evaluate((m) => m.textContent ?? '');

	it('the flags list and one drill-down per rule show no internal names', async () => {
		const page = await open(browser, '/flags?all=true');
		await page.getByTestId('flags-table').waitFor();
		expect(await mainText(page)).not.toMatch(internal);
		expect(await page.getByTestId('rule-summary').innerText()).toMatch(/Modifier 59 \/ XE, XP, XS, XU on procedure lines/);
		const api = (await (await authedFetch(page, '/api/flags?all=true')).json()) as { rules: { rule_id: string }[]; rows: { rule_id: string; provider_npi: string }[] };
		expect(api.rules.map((r) => r.rule_id).sort()).toEqual(ruleIds().sort());
		const anyNpi = api.rows[0]?.provider_npi as string;
		let explained = 0;
		for (const { rule_id } of api.rules) {
			const npi = api.rows.find((r) => r.rule_id === rule_id)?.provider_npi;
			await page.goto(`${new URL(page.url()).origin}/flags/provider/${npi ?? anyNpi}?rule=${rule_id}`);
			await page.locator('h1').waitFor();
			const text = await mainText(page);
			expect(text, rule_id).not.toMatch(internal);
			// a rule with a result explains itself and names a source a reader can look up
			if (npi) {
				expect(text, rule_id).toMatch(/Source: (CMS|OIG|CPT|ClaimLens rule)[^\n]*\./);
				explained++;
			}
		}
		// every peer rule and the demo's line findings
		expect(explained).toBeGreaterThanOrEqual(12);
		await page.close();
	});
});
