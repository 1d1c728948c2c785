// Risk flags in the browser: the table loads, a drill-down shows its charts, the claim-line
// table pages, and the sampling button carries the frame.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, skipBrowser } from './browser.ts';

describe.skipIf(skipBrowser)('Risk flags', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('lists flags with counts per rule and filters by rule', async () => {
		const page = await open(browser, '/flags');
		const table = page.getByTestId('flags-table');
		await table.waitFor();
		expect(await table.locator('tbody tr').count()).toBeGreaterThan(5);
		expect(await page.getByTestId('rule-summary').innerText()).toMatch(/Level-5 established-patient visits/);
		await page.locator('select[name="rule"]').selectOption('psychotherapy_60min');
		await page.getByRole('button', { name: 'Apply' }).click();
		await page.waitForURL(/rule=psychotherapy_60min/);
		const rows = await table.locator('tbody tr').allInnerTexts();
		expect(rows.length).toBeGreaterThanOrEqual(1);
		expect(rows.every((r) => r.includes('60-minute psychotherapy'))).toBe(true);
		await page.close();
	});

	it('drills down to charts and pages through the claim lines', async () => {
		const page = await open(browser, '/flags?rule=em_established_level5');
		await page.getByTestId('flags-table').locator('tbody tr').first().getByRole('link').click();
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
});
