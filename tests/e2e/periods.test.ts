// Periods, history and the national benchmark in the browser (issue 11), on a side server with
// its own data: Internal Medicine, two quarters of 2025, provider 11 at 60 of 100 level-5 visits
// in Q1 (15 of 100 in Q2) against ten peers at 15%; and a small national CMS file (data year
// 2023) of 20 Internal Medicine providers at 11% ... 30%. A compliance officer chooses Q1 on Risk
// flags, opens the drill-down, reads the quarter-by-quarter history, and switches to national peers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, skipBrowser } from './browser.ts';
import { startSideServer, type SideServer } from './side-server.ts';
import { npiCheckDigit } from '../../src/lib/server/demo/generate-demo.ts';

const PASSWORD = 'periods-e2e-password';
const npi = (i: number) => `${500000000 + i}${npiCheckDigit(String(500000000 + i))}`;

function ownClaims(): string {
	const lines = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount'];
	let k = 0;
	for (let p = 1; p <= 11; p++) {
		for (const [months, level5] of [[['01', '02', '03'], p === 11 ? 60 : 15], [['04', '05', '06'], 15]] as const) {
			for (let v = 0; v < 100; v++) lines.push(`E${++k},1,P${k},${npi(p)},"Doc ${p}",Internal Medicine,2025-${months[v % 3]}-10,${v < level5 ? '99215' : '99214'},131.00`);
		}
	}
	return `${lines.join('\n')}\n`;
}

function nationalFile(): string {
	const rows = ['Rndrng_NPI,Rndrng_Prvdr_Last_Org_Name,Rndrng_Prvdr_First_Name,Rndrng_Prvdr_Type,HCPCS_Cd,Place_Of_Srvc,Tot_Benes,Tot_Srvcs,Avg_Sbmtd_Chrg,Avg_Mdcr_Alowd_Amt,Avg_Mdcr_Pymt_Amt'];
	for (let i = 1; i <= 20; i++) {
		rows.push(`${npi(100 + i)},Nat${i},Doc,Internal Medicine,99215,O,${10 + i},${10 + i},250,184,140`);
		rows.push(`${npi(100 + i)},Nat${i},Doc,Internal Medicine,99214,O,${90 - i},${90 - i},180,131,100`);
	}
	return `${rows.join('\n')}\n`;
}

describe.skipIf(skipBrowser)('periods, history and national peers', () => {
	let browser: Browser;
	let side: SideServer | undefined;
	let page: Page;
	beforeAll(async () => {
		side = await startSideServer({ name: 'periods', users: [{ email: 'co@periods.e2e.test', role: 'compliance_officer', password: PASSWORD }] });
		browser = await launch();
		page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
		page.setDefaultTimeout(20_000);
		await page.goto(`${side.base}/login`);
		await page.locator('input[name="email"]').fill('co@periods.e2e.test');
		await page.locator('input[name="password"]').fill(PASSWORD);
		await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
		for (const [name, text] of [['own_claims.csv', ownClaims()], ['national_2023.csv', nationalFile()]] as const) {
			await page.goto(`${side.base}/data`);
			await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
			await page.getByRole('button', { name: 'Import' }).click();
			await page.waitForFunction((n) => document.querySelector('[data-testid="upload-result"]')?.textContent?.includes(n), name);
		}
	}, 120_000);
	afterAll(async () => {
		await browser?.close();
		await side?.stop();
	});

	it('chooses a quarter on Risk flags, opens the drill-down, reads its history, and compares nationally', async () => {
		await page.goto(`${side?.base}/flags`);
		await page.locator('select[name="period"]').selectOption('2025-Q1');
		await Promise.all([page.waitForURL(/period=2025-Q1/), page.getByRole('button', { name: 'Apply' }).click()]);
		await expect.poll(() => page.getByTestId('flags-period').innerText()).toBe('2025-01-01 to 2025-03-31 (2025-Q1)');
		const row = page.getByTestId('flags-table').locator('tbody tr').filter({ hasText: npi(11) });
		expect(await row.count()).toBe(1);
		expect(await row.innerText()).toContain('60 / 100');

		await Promise.all([page.waitForURL(/\/flags\/provider\//), row.getByRole('link').first().click()]);
		expect(page.url()).toContain('from=2025-01-01&to=2025-03-31');
		expect(await page.getByTestId('drill-period').innerText()).toBe('2025-01-01 to 2025-03-31 (2025-Q1)');
		// the history: the last 12 quarters end with 2025-Q2; Q1 flagged, Q2 not (the chart's table)
		await page.locator('section', { has: page.getByRole('heading', { name: /^Quarter by quarter/ }) }).getByRole('button', { name: 'Show table' }).click();
		const history = page.getByTestId('history-table').locator('tbody tr');
		expect(await history.count()).toBe(12);
		expect(await history.nth(10).innerText()).toMatch(/^2025-Q1\s+60 \/ 100\s+60\.0%.*high/s);
		expect(await history.nth(11).innerText()).toMatch(/^2025-Q2\s+15 \/ 100\s+15\.0%/);
		expect(await history.nth(11).innerText()).not.toMatch(/high|low/);

		await Promise.all([page.waitForURL(/benchmark=national/), page.getByTestId('benchmark-national').click()]);
		expect(await page.getByTestId('national').innerText()).toMatch(/Internal Medicine nationally, CMS data year 2023: national rate 20\.5%, this provider's national percentile 100%/);
		expect(await page.getByTestId('national-flag').innerText()).toBe('flagged nationally (high side)');
	});
});
