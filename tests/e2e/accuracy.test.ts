import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, skipBrowser } from './browser.ts';

describe.skipIf(skipBrowser)('Coder accuracy page', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('renders the trend and error charts and the coder scorecard', async () => {
		const page = await open(browser, '/accuracy');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		// trend small multiples + error classes by specialty
		await expect.poll(() => page.locator('[data-echarts-ready="true"]').count()).toBe(2);
		const kpis = await page.getByTestId('accuracy-kpis').innerText();
		expect(kpis).toMatch(/LINE ACCURACY\s+\d+\.\d%/i);
		const rows = page.locator('[data-testid="scorecard"] tbody tr');
		expect(await rows.count()).toBeGreaterThanOrEqual(10); // 12 demo coders, audited 1 line in 100
		expect(await page.locator('[data-testid="scorecard"] tbody tr').first().innerText()).toMatch(/\d+\.\d%/);
		expect(await page.locator('a[href^="/api/accuracy/coders.csv"]').count()).toBe(1);
		expect(await page.getByTestId('how-computed').locator('summary').innerText()).toMatch(/How this is computed/);
		await page.close();
	});

	it('clicking a coder opens the drill-down: trend, error breakdown, audited lines', async () => {
		const page = await open(browser, '/accuracy');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		const link = page.locator('[data-testid="scorecard"] [data-testid="coder-link"]').first();
		const coder = (await link.innerText()).trim();
		await link.click();
		await page.waitForURL(`**/accuracy/coder/${encodeURIComponent(coder)}**`);
		expect(await page.locator('h1').innerText()).toContain(coder);
		await page.getByTestId('coder-drilldown').waitFor();
		expect(await page.locator('[data-testid="coder-lines"] tbody tr').count()).toBeGreaterThan(0);
		expect(await page.getByTestId('coder-verdict').innerText()).toMatch(/target|inconclusive/i);
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		expect(await page.locator(`a[href^="/api/accuracy/lines.csv?coder=${encodeURIComponent(coder)}"]`).count()).toBe(1);
		await page.close();
	});
});
