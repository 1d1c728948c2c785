// Denials page on the 30,000-line demo: renders its charts, the exclusion control changes the
// numbers (and says which definition is in force), a click lists the lines behind a group (kept
// in the URL: a reload and Back / Forward show the same selection and lines, with each line's
// provider), and an X12 835 uploaded on the Data page shows up as a remittance.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { authedFetch, launch, open, skipBrowser } from './browser.ts';
import { paretoBars } from '../../src/lib/charts/options/denial-pareto.ts';
import type { DenialRateRow } from '../../src/lib/schemas/denials.ts';

const pctIn = (text: string, label: string): number => {
	const m = new RegExp(`${label}\\s+([0-9.]+)%`, 'i').exec(text);
	if (!m) throw new Error(`no "${label}" percentage in: ${text}`);
	return Number(m[1]);
};

async function kpis(page: Page): Promise<string> {
	return page.getByTestId('denial-kpis').innerText();
}

/**
 * Waits until the lines panel shows `label` and the first page of GET /api/denials/lines?`query`
 * (its total in the pager line, its claim ids in order), and returns what it shows.
 */
async function linesShown(page: Page, label: string, query: string) {
	const api = (await (await authedFetch(page, `/api/denials/lines?${query}&page=1&size=25`)).json()) as { total: number; rows: { claim_id: string }[] };
	await expect.poll(() => page.getByTestId('drill-label').innerText()).toBe(label);
	const info = `Page 1 of ${Math.max(1, Math.ceil(api.total / 25))} · ${api.total.toLocaleString('en-US')} lines`;
	await expect.poll(() => page.getByTestId('lines-page-info').innerText()).toBe(info);
	const claims = () => page.getByTestId('denial-lines').locator('tbody tr td:first-child').allInnerTexts();
	await expect.poll(claims).toEqual(api.rows.map((r) => r.claim_id));
	return { label, info, rows: await page.getByTestId('denial-lines').locator('tbody tr').allInnerTexts() };
}

describe.skipIf(skipBrowser)('Denials page', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('renders the trend, Pareto and heat map, with the rates the API computes', async () => {
		const page = await open(browser, '/denials');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		expect(await page.locator('[data-echarts-ready="true"]').count()).toBeGreaterThanOrEqual(3);
		const api = (await (await authedFetch(page, '/api/denials?by=specialty')).json()) as { rows: { lines: number; denied_lines: number }[]; definition: { excluded_categories: string[] } };
		expect(api.definition.excluded_categories).toEqual([]);
		const lines = api.rows.reduce((s, r) => s + r.lines, 0);
		const denied = api.rows.reduce((s, r) => s + r.denied_lines, 0);
		expect(lines).toBeGreaterThan(20_000);
		const text = await kpis(page);
		expect(pctIn(text, 'LINE DENIAL RATE')).toBeCloseTo((100 * denied) / lines, 1);
		expect(text).toContain(`${denied.toLocaleString('en-US')} of ${lines.toLocaleString('en-US')} adjudicated lines`);
		expect(await page.getByTestId('definition-text').innerText()).toMatch(/no category excluded/);
		await page.close();
	});

	it('excluding a category changes every rate and states the definition', async () => {
		const page = await open(browser, '/denials');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		const before = await kpis(page);
		const beforeText = await page.getByTestId('denial-kpis').textContent();
		await Promise.all([page.waitForURL(/exclude=eligibility/), page.getByLabel('Eligibility / coverage').check()]);
		await page.waitForFunction((old) => document.querySelector('[data-testid="denial-kpis"]')?.textContent !== old, beforeText);
		const after = await kpis(page);
		for (const label of ['CLAIM DENIAL RATE', 'LINE DENIAL RATE', 'DOLLAR DENIAL RATE']) {
			expect(pctIn(after, label), label).toBeLessThan(pctIn(before, label));
		}
		expect(await page.getByTestId('definition-text').innerText()).toMatch(/excluded category: eligibility \/ coverage/);
		expect(await page.getByLabel('Eligibility / coverage').isChecked()).toBe(true);
		// the charts re-render under the new definition
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		// and the JSON says the same
		const api = (await (await authedFetch(page, '/api/denials?by=category&exclude=eligibility')).json()) as { rows: { group: string }[] };
		expect(api.rows.map((r) => r.group)).not.toContain('eligibility');
		await page.close();
	});

	it('switches the trend between claim, line and dollar rates', async () => {
		const page = await open(browser, '/denials');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		await page.getByRole('radio', { name: 'Dollar rate' }).click();
		expect(await page.getByRole('radio', { name: 'Dollar rate' }).getAttribute('aria-checked')).toBe('true');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		expect(await page.getByRole('img', { name: /monthly dollar denial rate for each specialty/i }).count()).toBe(1);
		await page.close();
	});

	it('lists the lines behind a group, paged, with a CSV of all of them', async () => {
		const page = await open(browser, '/denials');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		const first = page.getByTestId('rates-specialty').locator('tbody tr button').first();
		const specialty = await first.innerText();
		const api = (await (await authedFetch(page, '/api/denials?by=specialty')).json()) as { rows: { group: string; denied_lines: number }[] };
		const denied = api.rows.find((r) => r.group === specialty)?.denied_lines ?? -1;
		expect(denied).toBeGreaterThan(0);
		await first.click();
		await expect.poll(() => page.getByTestId('drill-label').innerText()).toBe(`specialty: ${specialty}`);
		// the table has loaded this selection once its total is the API's count for the specialty
		await expect.poll(() => page.getByTestId('lines-page-info').innerText()).toBe(`Page 1 of ${Math.ceil(denied / 25)} · ${denied.toLocaleString('en-US')} lines`);
		const rows = await page.getByTestId('denial-lines').locator('tbody tr').allInnerTexts();
		expect(rows).toHaveLength(Math.min(25, denied));
		expect(rows.every((r) => r.includes(specialty) && /denied/.test(r))).toBe(true);
		const csv = await authedFetch(page, `/api/denials/lines.csv?specialty=${encodeURIComponent(specialty)}`);
		expect(csv.headers.get('content-disposition')).toMatch(/attachment/);
		expect((await csv.text()).split('\r\n')[0]).toMatch(/^source,claim_id,line_number/);
		await page.close();
	});

	it('a clicked bar survives a reload; Back and Forward step through the selections', async () => {
		const page = await open(browser, '/denials');
		await page.locator('[data-echarts-ready="true"]').first().waitFor();
		// 1. a specialty from the rates table
		const first = page.getByTestId('rates-specialty').locator('tbody tr button').first();
		const specialty = await first.innerText();
		await Promise.all([page.waitForURL(/lines_specialty=/), first.click()]);
		const bySpecialty = await linesShown(page, `specialty: ${specialty}`, `specialty=${encodeURIComponent(specialty)}`);
		expect(bySpecialty.rows.length).toBe(25);
		// 2. the tallest bar of the CARC Pareto, clicked on the canvas (grid: left 64, right 52, bottom 64)
		const api = (await (await authedFetch(page, '/api/denials?by=carc')).json()) as { rows: DenialRateRow[] };
		const bars = paretoBars(api.rows, 'claim');
		const carc = bars[0]?.code as string;
		const chart = page.getByRole('img', { name: /^Pareto chart/ });
		await expect.poll(() => chart.getAttribute('data-echarts-ready')).toBe('true');
		const box = (await chart.boundingBox()) as { width: number; height: number };
		await Promise.all([page.waitForURL(/lines_carc=/), chart.click({ position: { x: 64 + (box.width - 116) / bars.length / 2, y: box.height - 64 - 4 } })]);
		expect(new URL(page.url()).searchParams.get('lines_carc')).toBe(carc);
		const byCarc = await linesShown(page, `reason code: ${carc}`, `carc=${encodeURIComponent(carc)}`);
		expect(byCarc.rows.length).toBeGreaterThan(0);
		// each line names its provider: a 10-digit NPI, the name above it when the data has one
		expect(await page.getByTestId('denial-lines').locator('thead').innerText()).toMatch(/Date\s+Provider\s+Specialty/i);
		const providers = await page.getByTestId('line-provider').allInnerTexts();
		expect(providers.every((t) => /(^|\n)\d{10}$/.test(t.trim()))).toBe(true);
		expect(providers.some((t) => /\S\n\d{10}$/.test(t.trim()))).toBe(true);
		// reload: the same selection and lines
		await page.reload();
		expect(await linesShown(page, byCarc.label, `carc=${encodeURIComponent(carc)}`)).toEqual(byCarc);
		// Back: the specialty again; Forward: the reason code again
		await page.goBack();
		expect(new URL(page.url()).searchParams.get('lines_specialty')).toBe(specialty);
		expect(await linesShown(page, bySpecialty.label, `specialty=${encodeURIComponent(specialty)}`)).toEqual(bySpecialty);
		await page.goForward();
		expect(await linesShown(page, byCarc.label, `carc=${encodeURIComponent(carc)}`)).toEqual(byCarc);
		// a new definition keeps the selection (the form carries it)
		await Promise.all([page.waitForURL(/exclude=duplicate/), page.getByLabel('Duplicate').check()]);
		expect(new URL(page.url()).searchParams.get('lines_carc')).toBe(carc);
		await linesShown(page, byCarc.label, `carc=${encodeURIComponent(carc)}&exclude=duplicate`);
		await page.close();
	});

	it('the page of lines is in the URL too', async () => {
		const page = await open(browser, '/denials?lines_payer=Medicare&lines_page=2');
		const query = 'payer=Medicare';
		const api = (await (await authedFetch(page, `/api/denials/lines?${query}&page=2&size=25`)).json()) as { total: number; rows: { claim_id: string }[] };
		expect(api.total).toBeGreaterThan(50);
		await expect.poll(() => page.getByTestId('lines-page-info').innerText()).toBe(`Page 2 of ${Math.ceil(api.total / 25)} · ${api.total.toLocaleString('en-US')} lines`);
		await expect.poll(() => page.getByTestId('denial-lines').locator('tbody tr td:first-child').allInnerTexts()).toEqual(api.rows.map((r) => r.claim_id));
		await Promise.all([page.waitForURL(/lines_page=3/), page.getByRole('button', { name: 'Next' }).click()]);
		await page.reload();
		await expect.poll(() => page.getByTestId('lines-page-info').innerText()).toMatch(/^Page 3 of/);
		await page.close();
	});

	it('an 835 uploaded on the Data page is listed as a remittance', async () => {
		const data = await open(browser, '/data');
		await data.locator('input[name="file"]').setInputFiles(join(process.cwd(), 'tests', 'fixtures', 'denials_match.835'));
		await data.getByRole('button', { name: 'Import' }).click();
		const result = data.getByTestId('upload-result');
		await result.waitFor();
		expect(await result.innerText()).toMatch(/denials_match\.835 \(remittance\)/);
		await data.close();
		const page = await open(browser, '/denials');
		await page.getByTestId('remittances').waitFor();
		expect(await page.getByTestId('remittances').innerText()).toMatch(/denials_match\.835\s+2\s+3 \(2\)\s+\$10\.00\s+\$10\.00/);
		await page.close();
	});

	it('is refused to a role without the denials permission', async () => {
		const page = await open(browser, '/', 'auditor');
		const res = await page.goto(page.url().replace(/\/$/, '') + '/denials');
		expect(res?.status()).toBe(403);
		await page.close();
	});
});
