// Exclusion screening in the browser (issue 13), on its own server so the shared one keeps its
// rule list: a compliance officer loads claims and an LEIE list on the Data page, confirms a
// name candidate on the Exclusions page, and the excluded_provider flag shows its lines and
// dollars. The auditor sees the screening but gets no decision buttons (role matrix).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, skipBrowser } from './browser.ts';
import { startSideServer, type SideServer } from './side-server.ts';
import { npiCheckDigit } from '../../src/lib/server/demo/generate-demo.ts';

const PASSWORD = 'exclusions-e2e-password';
const npi = (i: number) => `${400000000 + i}${npiCheckDigit(String(400000000 + i))}`;
const LEIE_HEAD = 'LASTNAME,FIRSTNAME,MIDNAME,BUSNAME,GENERAL,SPECIALTY,UPIN,NPI,DOB,ADDRESS,CITY,STATE,ZIP,EXCLTYPE,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE';

describe.skipIf(skipBrowser)('exclusion screening', () => {
	let browser: Browser;
	let side: SideServer | undefined;
	beforeAll(async () => {
		side = await startSideServer({ name: 'exclusions', users: [{ email: 'co@excl.e2e.test', role: 'compliance_officer', password: PASSWORD }, { email: 'aud@excl.e2e.test', role: 'auditor', password: PASSWORD }] });
		browser = await launch();
	}, 90_000);
	afterAll(async () => {
		await browser?.close();
		await side?.stop();
	});

	async function signedIn(email: string): Promise<Page> {
		const page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
		page.setDefaultTimeout(20_000);
		await page.goto(`${side?.base}/login`);
		await page.locator('input[name="email"]').fill(email);
		await page.locator('input[name="password"]').fill(PASSWORD);
		await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
		return page;
	}

	async function upload(page: Page, name: string, text: string): Promise<string> {
		await page.goto(`${side?.base}/data`);
		await page.locator('input[name="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
		await page.getByRole('button', { name: 'Import' }).click();
		await page.waitForFunction((n) => document.querySelector('[data-testid="upload-result"]')?.textContent?.includes(n), name);
		return page.getByTestId('upload-result').innerText();
	}

	it('loads a list, confirms a candidate, and shows the finding with its dollars', async () => {
		const page = await signedIn('co@excl.e2e.test');
		await page.goto(`${side?.base}/exclusions`);
		expect(await page.getByTestId('no-list').innerText()).toMatch(/No exclusion list loaded/);
		// two providers: Rivera's lines from 2025-02-01 on are in the window ($150 + $175), Lee is not on the list
		const claims = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount,paid_amount',
			`E1,1,P1,${npi(1)},"Rivera, Maria",Family Medicine,2025-01-15,99213,100,100`,
			`E2,1,P2,${npi(1)},"Rivera, Maria",Family Medicine,2025-02-01,99214,150,150`,
			`E3,1,P3,${npi(1)},"Rivera, Maria",Family Medicine,2025-03-10,99214,175,175`,
			`E4,1,P4,${npi(2)},"Lee, Sam",Family Medicine,2025-03-10,99213,90,90`].join('\n');
		expect(await upload(page, 'claims.csv', `${claims}\n`)).toContain('4 rows read = 4 loaded + 0 rejected');
		const list = `${LEIE_HEAD}\nRIVERA,MARIA,,,IND- LIC HC SERV PRO,NURSING,,0000000000,19700101,1 MAIN ST,AUSTIN,TX,73301,1128b4,20250201,00000000,00000000,\n`;
		expect(await upload(page, 'UPDATED.csv', list)).toContain('(leie)');

		await page.goto(`${side?.base}/exclusions`);
		const row = page.getByTestId('matches').locator('tbody tr');
		expect(await row.count()).toBe(1);
		expect(await row.first().innerText()).toMatch(/Rivera, Maria[\s\S]*RIVERA, MARIA[\s\S]*name 1\.000[\s\S]*2025-02-01[\s\S]*2[\s\S]*\$325[\s\S]*to review/);
		await Promise.all([page.waitForResponse((r) => r.url().includes('?/decide')), row.first().getByRole('button', { name: 'Confirm' }).click()]);
		await expect.poll(async () => row.first().innerText()).toMatch(/confirmed[\s\S]*by co@excl\.e2e\.test/);

		await page.goto(`${side?.base}/flags?rule=excluded_provider`);
		await page.getByTestId('flags-loading').waitFor({ state: 'detached' });
		const flags = await page.getByTestId('flags-table').locator('tbody tr').allInnerTexts();
		expect(flags).toHaveLength(1);
		expect(flags[0]).toMatch(/Rivera, Maria[\s\S]*\$325/);
		await page.context().close();
	});

	it('the auditor sees the screening without decision buttons; the evidence CSV names the list', async () => {
		const page = await signedIn('aud@excl.e2e.test');
		await page.goto(`${side?.base}/exclusions`);
		await page.getByTestId('matches').waitFor();
		expect(await page.getByRole('button', { name: 'Confirm' }).count()).toBe(0);
		expect(await page.getByRole('button', { name: 'Dismiss' }).count()).toBe(0);
		const csv = await page.evaluate(async () => (await fetch('/api/exclusions.csv')).text());
		const lines = csv.trim().split(/\r?\n/);
		expect(lines[0]).toBe('provider_npi,provider_name,provider_state,result,confirmed,candidates,dismissed,lines,paid_at_risk,lists,screened_at,screened_by');
		expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([`${npi(1)},"Rivera, Maria",,excluded`, `${npi(2)},"Lee, Sam",,cleared`]);
		expect(lines[1]).toContain('LEIE UPDATED.csv');
		const pdf = await page.evaluate(async () => {
			const r = await fetch('/api/exclusions.pdf');
			return { type: r.headers.get('content-type'), head: new TextDecoder('latin1').decode((await r.arrayBuffer()).slice(0, 5)) };
		});
		expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
		// a decision is refused to the auditor's role
		const refused = await page.evaluate(async () => (await fetch('/exclusions?/decide', { method: 'POST', body: new URLSearchParams({ match_id: '000000000000', status: 'dismissed' }), headers: { 'x-sveltekit-action': 'true' } })).status);
		expect(refused).toBe(403);
		await page.context().close();
	});
});
