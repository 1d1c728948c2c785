// Upload through the Data page: counts and rejects shown for the hand-counted broken CSV.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, skipBrowser } from './browser.ts';

describe.skipIf(skipBrowser)('Data page upload', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('imports a broken CSV and lists its rejected rows', async () => {
		const page = await open(browser, '/data');
		await page.locator('input[name="file"]').setInputFiles(join(process.cwd(), 'tests', 'fixtures', 'claims_broken.csv'));
		await page.getByRole('button', { name: 'Import' }).click();
		const counts = page.getByTestId('counts');
		await counts.waitFor();
		expect(await counts.innerText()).toBe('11 rows read = 2 loaded + 9 rejected');
		await page.getByRole('link', { name: 'see rejected rows' }).click();
		await page.getByTestId('rejects').waitFor();
		const rows = await page.getByTestId('rejects').locator('tbody tr').allInnerTexts();
		expect(rows).toHaveLength(9);
		expect(rows[0]).toMatch(/^3\s+rendering_npi\s+bad NPI check digit\s+1234567890/);
		const log = await page.getByTestId('import-log').innerText();
		expect(log).toMatch(/claims_broken\.csv\s+claims\s+succeeded/);
		await page.close();
	});

	it('refuses an unreadable file with a message naming it', async () => {
		const page = await open(browser, '/data');
		await page.locator('input[name="file"]').setInputFiles({ name: 'notes.csv', mimeType: 'text/csv', buffer: Buffer.from('foo,bar\n1,2\n') });
		await page.getByRole('button', { name: 'Import' }).click();
		const err = page.getByTestId('upload-error');
		await err.waitFor();
		expect(await err.innerText()).toMatch(/notes\.csv: cannot tell/);
		await page.close();
	});
});
