import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, skipBrowser } from './browser.ts';

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
		expect(kpis).toMatch(/CLAIM LINES\s+30,000/i);
		expect(kpis).toMatch(/AUDITED LINES\s+[1-9]/i);
		await page.getByRole('button', { name: 'Show table' }).click();
		expect(await page.locator('table tbody tr').count()).toBe(18);
		await page.close();
	});

	it('says plainly which pages are not built yet', async () => {
		const page = await open(browser, '/samples');
		expect(await page.getByTestId('not-built').innerText()).toMatch(/Not built yet/);
		await page.close();
	});
});
