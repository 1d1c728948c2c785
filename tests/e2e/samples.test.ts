// Audit sampling in the browser, from a flag to a downloaded sample file and back: the
// drill-down's button opens a pre-filled frame, the frame is saved, a sample is sized and drawn,
// the CSV downloads (safe harbor by default), findings filled from the template come back, and
// the appraisal chart renders.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { parse } from 'csv-parse/sync';
import { authedFetch, launch, open, skipBrowser } from './browser.ts';

describe.skipIf(skipBrowser)('Samples', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('goes from a flag to a downloaded sample file, then to an appraisal', async () => {
		const page = await open(browser, '/flags?rule=em_established_level5', 'auditor');
		await page.getByTestId('flags-table').locator('tbody tr').first().getByRole('link').first().click();
		await page.waitForURL(/\/flags\/provider\/\d{10}\?rule=em_established_level5/);
		const count = async () => Number(/· ([\d,]+) lines$/.exec(await page.getByTestId('page-info').innerText())?.[1]?.replace(/,/g, '') ?? 0);
		await expect.poll(count, { timeout: 20_000 }).toBeGreaterThan(0);
		const lines = await count();
		await page.getByTestId('sample-button').click();
		await page.waitForURL(/\/samples\?npi=\d{10}&rule=em_established_level5$/);

		// the frame is the flag's numerator lines: the same count as the drill-down table
		expect(await page.getByTestId('from-flag').innerText()).toMatch(/numerator lines of rule em_established_level5/);
		const preview = await page.getByTestId('frame-preview').innerText();
		expect(Number(/^([\d,]+) claim lines match/.exec(preview)?.[1]?.replace(/,/g, ''))).toBe(lines);
		// the frame says whether zero-paid and denied lines are in it, and the user can leave them out
		expect(await page.getByTestId('zero-paid').innerText()).toMatch(/^Zero-paid and denied lines are included/);
		await Promise.all([page.waitForURL(/min=0\.01/), page.getByTestId('zero-paid').getByRole('link', { name: 'exclude them' }).click()]);
		expect(await page.getByTestId('zero-paid').innerText()).toMatch(/^Zero-paid and denied lines are excluded/);
		const paidOnly = Number(/^([\d,]+) claim lines match/.exec(await page.getByTestId('frame-preview').innerText())?.[1]?.replace(/,/g, ''));
		// exactly the flag's lines with a paid amount above $0, counted from the lines CSV
		const npi = /npi=(\d{10})/.exec(page.url())?.[1];
		const csv = parse(await (await authedFetch(page, `/api/flags/lines.csv?npi=${npi}&rule=em_established_level5`)).text(), { columns: true }) as { paid_amount: string }[];
		expect(csv.length).toBe(lines);
		expect(paidOnly).toBe(csv.filter((l) => Number(l.paid_amount) > 0).length);
		await Promise.all([page.waitForURL((u) => !u.searchParams.has('min')), page.getByTestId('zero-paid').getByRole('link', { name: 'Include them' }).click()]);
		await Promise.all([page.waitForURL(/\/samples\?frame=\d+$/), page.getByTestId('save-frame').click()]);
		await page.getByTestId('frame-summary').waitFor();

		// size: an attribute sample for a 10% expected rate, +/- 10%, 95% (once the form is hydrated)
		await page.locator('[data-testid="size-form"][data-ready]').waitFor();
		await page.locator('select[name="mode"]').selectOption('attribute');
		await page.locator('input[name="precision"]').fill('0.10');
		await page.getByRole('button', { name: 'Compute size' }).click();
		await page.getByTestId('size-result').waitFor();
		await page.getByRole('button', { name: 'Use this size' }).click();
		await page.getByTestId('seed').fill('20250101');
		await Promise.all([page.waitForURL(/\/samples\/\d+$/), page.getByTestId('draw-button').click()]);
		const sampleId = page.url().split('/').pop() as string;
		expect(await page.getByTestId('sample-kpis').innerText()).toMatch(/20250101/);
		const sampled = await page.getByTestId('units-table').locator('tbody tr').count();
		expect(sampled).toBeGreaterThan(5);

		// download: safe harbor by default, one row per sampled or spare line, dates reduced to the year
		expect(await page.getByTestId('tier').inputValue()).toBe('safe_harbor');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
		expect(download.suggestedFilename()).toBe(`claimlens-sample-${sampleId}-safe-harbor.csv`);
		const file = join(inject('e2eDir'), download.suggestedFilename());
		await download.saveAs(file);
		const rows = readFileSync(file, 'utf8').trim().split('\r\n');
		expect(rows[0]).toMatch(/^item,role,stratum,draw,unit_no,unit_id,examined_amount,claim_id,line_number,patient_id,/);
		expect(rows.length - 1).toBe(sampled + 5); // 5 spares by default
		expect(rows.slice(1).every((r) => /,P-[0-9a-f-]{36},/.test(r) && /,20\d\d,/.test(r))).toBe(true);

		// findings from the template: every other unit audited at $0, then the appraisal
		const template = await (await authedFetch(page, `/api/samples/${sampleId}/findings-template.csv`)).text();
		const [head, ...units] = template.trim().split('\r\n');
		const filled = [head, ...units.map((u, i) => { const c = u.split(','); c[5] = i % 2 ? '0' : (c[4] as string); return c.join(','); })].join('\n');
		const findings = join(inject('e2eDir'), `findings-${sampleId}.csv`);
		writeFileSync(findings, `${filled}\n`);
		await page.locator('input[name="file"]').setInputFiles(findings);
		await page.getByRole('button', { name: 'Upload findings' }).click();
		expect(await page.getByTestId('findings-summary').innerText()).toMatch(new RegExp(`${sampled} of ${sampled} sampled units reviewed`));
		await expect.poll(() => page.locator('[data-echarts-ready="true"]').count(), { timeout: 20_000 }).toBe(2);
		// each recovery convention under its own name, the Self-Disclosure one being the point estimate
		const kpis = await page.getByTestId('variable-kpis').innerText();
		expect(kpis).toMatch(/OIG audit recovery/i);
		expect(kpis).toMatch(/CMS contractor recovery/i);
		expect(kpis).toMatch(/Self-disclosure repayment/i);
		expect(kpis).not.toMatch(/demand/i);
		// examined, audited and difference totals, each with its three intervals
		const estimates = page.getByTestId('value-estimates').locator('tbody tr');
		expect(await estimates.count()).toBe(3);
		expect(await estimates.first().locator('td').count()).toBe(6);

		// the manifest lists the draw
		const manifest = await (await authedFetch(page, `/api/samples/${sampleId}/manifest.json`)).json();
		expect(manifest).toMatchObject({ seed: 20250101, sample_size: sampled, deidentification: { tier: 'safe_harbor' }, warnings: [] });
		expect(manifest.design_target).toMatchObject({ recommended_size: sampled, basis: 'attribute', precision: 0.1, confidence: 0.95 });
		expect(manifest.exports[0]).toMatchObject({ format: 'csv', tier: 'safe_harbor' });
		await page.close();
	});

	it('a draw smaller than the calculator recommended carries a warning to the sample page and the manifest', async () => {
		const page = await open(browser, '/samples', 'auditor');
		await Promise.all([page.waitForURL(/\/samples\?frame=\d+$/), page.getByTestId('frames-table').locator('tbody tr').first().getByRole('link').first().click()]);
		await page.locator('[data-testid="size-form"][data-ready]').waitFor();
		await page.locator('select[name="mode"]').selectOption('rate');
		await page.getByRole('button', { name: 'Compute size' }).click();
		const result = await page.getByTestId('size-result').innerText();
		const recommended = Number(/n = (\d+)/.exec(result)?.[1]);
		expect(result).toMatch(/rounded to the nearest unit/);
		await page.getByRole('button', { name: 'Use this size' }).click();
		const fewer = recommended - 1;
		await page.locator('input[name="size"]').fill(String(fewer));
		expect(await page.getByTestId('draw-target').innerText()).toBe(`Sized for ${recommended} units for ±25% of the point estimate at 90% confidence. Drawing ${fewer} is fewer: the manifest and the report will say so.`);
		await Promise.all([page.waitForURL(/\/samples\/\d+$/), page.getByTestId('draw-button').click()]);
		const said = `Drew ${fewer} units, fewer than the ${recommended} the sample-size calculator recommended for ±25% of the point estimate at 90% confidence: the appraisal's precision is likely to be worse than that target.`;
		expect(await page.getByTestId('appraisal-warnings').innerText()).toBe(`Warning: ${said}`);
		const sampleId = page.url().split('/').pop() as string;
		const manifest = await (await authedFetch(page, `/api/samples/${sampleId}/manifest.json`)).json();
		expect(manifest.warnings).toEqual([said]);
		await page.goto(page.url() + '/manifest');
		expect(await page.getByTestId('manifest-warnings').innerText()).toBe(`Warning: ${said}`);
		await page.close();
	});

	it('refuses the full tier to a compliance officer', async () => {
		const page = await open(browser, '/samples', 'compliance_officer');
		const res = await authedFetch(page, '/api/samples/1/export?format=csv&tier=full');
		expect(res.status).toBe(403);
		await page.close();
	});
});
