// Upload through the Data page: counts and rejects shown for the hand-counted broken CSV.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, open, skipBrowser } from './browser.ts';
import { fixtureFolder } from '../helpers/temp-db.ts';

const field = fixtureFolder('field');

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

	it.skipIf(!field)('field files: Windows-1252 export, MUE table as downloaded, Part A remittance (issue 10)', async () => {
		const page = await open(browser, '/data');
		const upload = async (path: string) => {
			await page.locator('input[name="file"]').setInputFiles(join(field as string, path));
			await page.getByRole('button', { name: 'Import' }).click();
			await page.getByTestId('upload-result').waitFor();
			await page.waitForFunction((name) => document.querySelector('[data-testid="upload-result"]')?.textContent?.includes(name), path.split('/').pop() ?? path);
			return page.getByTestId('upload-result').innerText();
		};
		expect(await upload('csv/charges_windows1252.csv')).toContain('3 rows read = 3 loaded + 0 rejected');
		expect(await page.getByTestId('upload-notes').innerText()).toContain('read as windows-1252');
		expect(await upload('cms/edits/mue_as_downloaded.csv')).toContain('3 rows read = 3 loaded + 0 rejected');
		expect(await page.getByTestId('upload-notes').innerText()).toContain('skipped lines 1-2 above the header');
		const remit = await upload('x12/medicare-part-a.835');
		expect(remit).toContain('(remittance)');
		// uploads hold PHI: none outlives its import (the server's data/uploads is this checkout's)
		const uploads = join(process.cwd(), 'data', 'uploads');
		expect(existsSync(uploads) ? readdirSync(uploads) : []).toEqual([]);
		// the Denials page still renders after a claim-level remittance
		const denials = await open(browser, '/denials');
		expect(await denials.locator('h1').innerText()).toMatch(/Denial/);
		expect(await denials.locator('[role="alert"]').count()).toBe(0);
		await denials.close();
		await page.close();
	});
});
