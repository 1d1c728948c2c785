// The review loop in the browser (issue 12): a compliance officer opens a case from a flag's
// drill-down, draws a sample for it (linked to the case), the findings come back, the case shows
// the appraisal, the case is closed with the outcome refund, and the provider report (PDF) shows
// the closed case. Then the case badge on Risk flags, the work plan and the printed drill-down.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { authedFetch, launch, open, skipBrowser } from './browser.ts';
import { pdfText } from '../helpers/pdf-text.ts';

describe.skipIf(skipBrowser)('Review cases', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('goes flag -> case -> sample -> findings -> appraisal -> closed with a refund -> provider report', async () => {
		const page = await open(browser, '/flags', 'compliance_officer');
		// a flagged peer-rule row without a case yet (other tests open cases on em_established_level5)
		const flags = (await (await authedFetch(page, '/api/flags')).json()) as { rows: { provider_npi: string; rule_id: string; kind: string; flagged: boolean }[] };
		const cases = (await (await authedFetch(page, '/api/cases?status=active')).json()) as { provider_npi: string; rule_id: string }[];
		const flag = flags.rows.find((r) => r.kind === 'peer' && r.flagged && r.rule_id !== 'em_established_level5' && !cases.some((c) => c.provider_npi === r.provider_npi && c.rule_id === r.rule_id));
		expect(flag, 'the demo has a flagged peer row without a case').toBeDefined();
		const { provider_npi: npi, rule_id: rule } = flag!;

		await page.goto(`${page.url().replace(/\/flags.*$/, '')}/flags/provider/${npi}?rule=${rule}`);
		await Promise.all([page.waitForURL(/\/cases\/\d+$/), page.getByTestId('open-case').click()]);
		const caseId = page.url().split('/').pop() as string;
		expect(await page.getByTestId('case-status').innerText()).toBe('Open');
		expect(await page.getByTestId('flag-now').innerText()).toMatch(/^flagged: /);
		expect(await page.getByTestId('flag-changes').innerText()).toMatch(/^Unchanged since the case was opened/);

		// a sample drawn from the case is linked to it
		await page.getByTestId('case-draw').click();
		await page.waitForURL(new RegExp(`/samples\\?npi=${npi}&rule=${rule}&case=${caseId}$`));
		await Promise.all([page.waitForURL(new RegExp(`/samples\\?frame=\\d+&case=${caseId}$`)), page.getByTestId('save-frame').click()]);
		expect(await page.getByTestId('for-case').innerText()).toBe(`The sample will be linked to case #${caseId}.`);
		await page.locator('[data-testid="draw-form"] input[name="size"]').fill('10');
		await page.getByTestId('seed').fill('424242');
		await Promise.all([page.waitForURL(/\/samples\/\d+$/), page.getByTestId('draw-button').click()]);
		const sampleId = page.url().split('/').pop() as string;

		// findings: every unit audited at $0 except the first (so the difference is known to be nonzero)
		const template = await (await authedFetch(page, `/api/samples/${sampleId}/findings-template.csv`)).text();
		const [head, ...units] = template.trim().split('\r\n');
		const filled = [head, ...units.map((u, i) => { const c = u.split(','); c[5] = i === 0 ? (c[4] as string) : '0'; return c.join(','); })].join('\n');
		const up = await authedFetch(page, `/api/samples/${sampleId}/findings`, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'text/csv' }, body: `${filled}\n` });
		expect(up.status, await up.clone().text()).toBe(200);

		await page.goto(page.url().replace(/\/samples\/\d+$/, `/cases/${caseId}`));
		const linked = page.getByTestId('case-samples').locator('tbody tr');
		expect(await linked.count()).toBe(1);
		expect(await linked.first().innerText()).toMatch(new RegExp(`^#${sampleId}\\s+simple\\s+10\\s+10\\s+complete`));

		// close with the outcome refund (the outcome field appears once "Closed" is chosen)
		await page.locator('[data-testid="status-form"] select[name="status"]').selectOption('closed');
		await page.locator('[data-testid="status-form"] select[name="outcome"]').selectOption('refund');
		await page.locator('[data-testid="status-form"] button[type="submit"]').click();
		await expect.poll(() => page.getByTestId('case-status').innerText()).toBe('Closed');
		expect(await page.getByTestId('case-outcome').innerText()).toBe('Refund / self-disclosure');
		expect(await page.getByTestId('history').innerText()).toMatch(/Open → Closed \(outcome: Refund \/ self-disclosure\)/);

		const res = await authedFetch(page, `/api/reports/provider?npi=${npi}`);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).join(' ');
		expect(text).toContain(`NPI ${npi}`);
		expect(text).toMatch(new RegExp(`#${caseId} .+ Closed \\(Refund / self-\\s?disclosure\\)`));
		expect(text).toContain('by compliance-officer@e2e.test');
		await page.close();
	});

	it('the work plan ranks providers and opens their cases in one step; Risk flags then shows the case badges', async () => {
		const page = await open(browser, '/workplan', 'compliance_officer');
		const rows = page.getByTestId('workplan').locator('tbody tr');
		expect(await rows.count()).toBeGreaterThan(0);
		expect(await page.getByTestId('k-of-m').first().innerText()).toMatch(/^\d+ of \d+$/);
		const npi = /NPI (\d{10})/.exec(await rows.first().innerText())?.[1];
		await rows.first().locator('input[type="checkbox"]').check();
		await page.getByTestId('open-selected').click();
		await expect.poll(() => page.getByTestId('opened').innerText()).toMatch(/^Opened \d+ cases? for 1 provider/);
		const cases = (await (await authedFetch(page, `/api/cases?npi=${npi}&status=active`)).json()) as { case_id: number; rule_id: string }[];
		expect(cases.length).toBeGreaterThan(0);
		await page.goto(page.url().replace(/\/workplan.*$/, `/flags?q=${npi}`));
		const badges = page.getByTestId('case-badge');
		await expect.poll(() => badges.count()).toBe(cases.length);
		expect(await badges.first().innerText()).toMatch(/^case #\d+: open$/);
		await page.close();
	});

	it('prints a drill-down as content only: no navigation or buttons, the chart within the page', async () => {
		const page = await open(browser, '/flags?rule=em_established_level5', 'compliance_officer');
		await page.getByTestId('flags-table').locator('tbody tr').first().getByRole('link').first().click();
		await page.waitForURL(/\/flags\/provider\/\d{10}/);
		await page.locator('.canvas[data-echarts-ready]').first().waitFor();
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('aside').isVisible()).toBe(false);
		expect(await page.getByTestId('sample-button').isVisible()).toBe(false);
		// every chart is as wide as the content (scaled to it), never wider: nothing is cut at the page edge
		const fit = await page.evaluate(() => [...document.querySelectorAll('.canvas')].map((c) => { const canvas = c.querySelector('canvas'); return canvas ? Math.round(canvas.getBoundingClientRect().width) - Math.round(c.getBoundingClientRect().width) : null; }));
		expect(fit.length).toBeGreaterThan(0);
		expect(fit.every((d) => d === 0)).toBe(true);
		const pdf = await page.pdf({ format: 'Letter' });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		const text = (await pdfText(new Uint8Array(pdf))).join(' ');
		expect(text).not.toContain('Sign out');
		expect(text).not.toContain('Draw an audit sample');
		await page.close();
	});
});
