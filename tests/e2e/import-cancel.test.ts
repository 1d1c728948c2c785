// "Cancel import" on the Data page (security issue 7): a large upload is cancelled while DuckDB
// reads it; the page says so, the import log shows it cancelled, and no upload is left behind.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, skipBrowser } from './browser.ts';

const HEADER = 'Claim ID,Line,Patient ID,Rendering NPI,Provider Name,Specialty,Payer,POS,DOS,CPT/HCPCS,Mod 1,Mod 2,Units,Minutes,Diagnoses,Billed Amount,Allowed,Paid,Status,Denial Codes,Coder';

describe.skipIf(skipBrowser)('Data page: cancel an import', () => {
	let browser: Browser;
	const dir = mkdtempSync(join(tmpdir(), 'claimlens-e2e-cancel-'));
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => {
		await browser?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('Cancel import stops a running import; the log says cancelled', async () => {
		const rows = [HEADER];
		for (let i = 0; i < 600_000; i++) rows.push(`X${i},1,P1,1234567893,"Doe, Jane",Internal Medicine,Medicare,11,2025-01-15,99215,,,1,,E11.9,250.00,184.00,147.20,paid,,K1`);
		// about 73 MB: playwright takes a buffer of at most 50 MB, so the file goes through disk
		const csv = join(dir, 'e2e-cancel.csv');
		writeFileSync(csv, `${rows.join('\n')}\n`);
		const page = await open(browser, '/data');
		await page.locator('input[name="file"]').setInputFiles(csv);
		await page.getByRole('button', { name: 'Import' }).click();
		// wait until DuckDB reports read progress: the import is running, not only uploading
		await page.waitForFunction(() => Number(document.querySelectorAll('.progress progress')[1]?.getAttribute('value') ?? 0) > 0, undefined, { timeout: 60_000 });
		await page.getByTestId('cancel-import').click();
		const cancelled = page.getByTestId('upload-cancelled');
		await cancelled.waitFor();
		// by DELETE /api/imports/running/TOKEN as the uploader (were it refused, the page would close the connection instead)
		expect(await cancelled.innerText()).toBe('e2e-cancel.csv: import cancelled (by admin@e2e.test, the uploader); nothing was kept');
		// the server finishes its rollback after the page has been told: read the log until it says so
		const logLine = async () => {
			await page.reload();
			return (await page.getByTestId('import-log').innerText()).split('\n').find((l) => l.includes('e2e-cancel.csv')) ?? '';
		};
		await expect.poll(logLine, { timeout: 30_000 }).toMatch(/e2e-cancel\.csv\s+claims\s+cancelled/);
		const log = await logLine();
		expect(log).toContain('cancelled (by admin@e2e.test, the uploader); nothing was kept');
		await expect.poll(() => readdirSync(join(process.cwd(), 'data', 'uploads')).length, { timeout: 10_000 }).toBe(0);
		await page.close();
	}, 120_000);
});
