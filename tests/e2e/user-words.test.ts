// Words for users, not for us: a refused upload says why in a sentence (never the JSON body),
// "Add a user" starts on the least privileged role, and the Denials page names no project file.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseUrl, launch, open, sessionCookie, skipBrowser } from './browser.ts';

describe.skipIf(skipBrowser)('user-facing words', () => {
	let browser: Browser;
	beforeAll(async () => {
		browser = await launch();
	});
	afterAll(async () => browser?.close());

	it('an auditor\'s refused upload reads as a sentence, not as JSON', async () => {
		// the form is only shown to roles that import: open it as an admin, then send the file
		// with an auditor's session (as when a role is changed while the page is open)
		const page = await open(browser, '/data');
		await page.getByTestId('upload-form').waitFor();
		const [name, value] = (await sessionCookie('auditor')).split('=') as [string, string];
		await page.context().clearCookies();
		await page.context().addCookies([{ name, value, url: baseUrl }]);
		await page.locator('input[name="file"]').setInputFiles(join(process.cwd(), 'tests', 'fixtures', 'claims_small.csv'));
		await page.getByRole('button', { name: 'Import' }).click();
		const err = page.getByTestId('upload-error');
		await err.waitFor();
		expect(await err.innerText()).toBe('Your account may not import files. Your role does not give access to this page.');
		await page.close();
	});

	it('"Add a user" starts on the coding manager role, the one with the fewest permissions', async () => {
		const page = await open(browser, '/admin/users');
		const role = page.getByTestId('add-role');
		expect(await role.inputValue()).toBe('coding_manager');
		expect(await role.locator('option:checked').innerText()).toBe('Coding manager');
		expect(await role.locator('option').allInnerTexts()).toEqual(['Admin', 'Compliance officer', 'Coding manager', 'Auditor']);
		await page.close();
	});

	it('the Denials page names no project file', async () => {
		const page = await open(browser, '/denials');
		await page.getByTestId('how-computed').waitFor();
		expect(await page.locator('main').evaluate((m) => m.textContent ?? '')).not.toMatch(/domain\.md|\.sql\b|\{[A-Z]+\}/);
		await page.close();
	});
});
