// Passwords in Chromium (README "Security", "Passwords"), against a second server started here on
// its own database, so the shared server's accounts keep their passwords: an admin adds a user
// (one-time password, must change), the user chooses a new one on /account (other sessions end,
// then back to the overview), the admin resets it from the Users page, the last admin cannot
// disable themselves, and a change that was not required stays on the page with a notice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, skipBrowser } from './browser.ts';
import { startSideServer, type SideServer } from './side-server.ts';

const ADMIN = 'boss@account.e2e.test';
const ADMIN_PASSWORD = 'account-e2e-admin-password';
const NEWCOMER = 'new.person@account.e2e.test';

describe.skipIf(skipBrowser)('passwords: change, reset, must change, last admin', () => {
	let browser: Browser;
	let side: SideServer | undefined;
	let base: string;
	beforeAll(async () => {
		side = await startSideServer({ name: 'account', users: [{ email: ADMIN, role: 'admin', password: ADMIN_PASSWORD }] });
		base = side.base;
		browser = await launch();
	}, 60_000);
	afterAll(async () => {
		await browser?.close();
		await side?.stop();
	});

	/** A fresh browser context signed in; throws (failing the test) when sign-in is refused. */
	async function signIn(email: string, password: string): Promise<Page> {
		const page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
		page.setDefaultTimeout(20_000);
		await page.goto(`${base}/login`);
		await page.locator('input[name="email"]').fill(email);
		await page.locator('input[name="password"]').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await Promise.race([page.getByTestId('who').waitFor(), page.getByRole('alert').waitFor()]);
		if (new URL(page.url()).pathname.startsWith('/login')) throw new Error(`sign-in as ${email} failed: ${await page.getByRole('alert').innerText()}`);
		expect(await page.getByTestId('who').innerText()).toContain(email);
		return page;
	}

	async function signInRefused(email: string, password: string): Promise<string> {
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${base}/login`);
		await page.locator('input[name="email"]').fill(email);
		await page.locator('input[name="password"]').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		const text = await page.getByRole('alert').innerText();
		expect(new URL(page.url()).pathname).toBe('/login');
		return text;
	}

	async function changePassword(page: Page, current: string, next: string, confirm = next): Promise<void> {
		await page.locator('input[name="current"]').fill(current);
		await page.locator('input[name="next"]').fill(next);
		await page.locator('input[name="confirm"]').fill(confirm);
		await page.getByRole('button', { name: 'Change password' }).click();
	}

	let oneTime = '';
	let chosen = '';

	it('an admin adds a user with a one-time password that must be changed', async () => {
		const admin = await signIn(ADMIN, ADMIN_PASSWORD);
		await admin.goto(`${base}/admin/users`);
		const add = admin.locator('form[action="?/add"]');
		await add.locator('input[name="email"]').fill(NEWCOMER);
		await add.locator('select[name="role"]').selectOption('auditor');
		await add.getByRole('button', { name: 'Add', exact: true }).click();
		oneTime = await admin.getByTestId('new-password').locator('code').innerText();
		expect(oneTime).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(await admin.locator('tr', { hasText: NEWCOMER }).locator('.badge.warn').innerText()).toBe('must change password');
		await admin.context().close();
	});

	it('the user chooses a new password: other sessions end, then back to the overview', async () => {
		expect(oneTime).not.toBe('');
		const elsewhere = await signIn(NEWCOMER, oneTime);
		const page = await signIn(NEWCOMER, oneTime);
		// sign-in itself led to the password page; so does every other page, and the API refuses
		expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe('/account?required=1');
		await page.goto(`${base}/flags`);
		expect(`${new URL(page.url()).pathname}${new URL(page.url()).search}`).toBe('/account?required=1');
		const cookie = (await page.context().cookies(base)).map((c) => `${c.name}=${c.value}`).join('; ');
		const api = await fetch(`${base}/api/overview`, { headers: { cookie } });
		expect([api.status, await api.json()]).toEqual([403, { message: 'choose a new password first (Account page)' }]);
		await page.goto(`${base}/account?required=1`);
		expect(await page.getByTestId('must-change').innerText()).toBe('Choose a new password before continuing.');

		await changePassword(page, oneTime, 'a phrase the newcomer chose', 'a phrase the newcomer typo');
		expect(await page.getByRole('alert').innerText()).toBe('The new password and its confirmation differ.');
		await changePassword(page, 'not the one-time password', 'a phrase the newcomer chose');
		expect(await page.getByRole('alert').innerText()).toBe('The current password is not correct.');
		await changePassword(page, oneTime, oneTime);
		expect(await page.getByRole('alert').innerText()).toBe('The new password must differ from the current one.');

		chosen = 'a phrase the newcomer chose';
		await changePassword(page, oneTime, chosen);
		await page.waitForURL(`${base}/`);
		// this session stays; the other one is over
		expect(await page.getByTestId('who').innerText()).toContain(NEWCOMER);
		await elsewhere.goto(`${base}/account`);
		expect(new URL(elsewhere.url()).pathname).toBe('/login');
		// the flag is cleared: /account without ?required=1 no longer asks
		await page.goto(`${base}/account`);
		expect(await page.getByTestId('must-change').count()).toBe(0);
		expect(await signInRefused(NEWCOMER, oneTime)).toMatch(/not right/);
		await (await signIn(NEWCOMER, chosen)).context().close();
		await page.context().close();
		await elsewhere.context().close();
	});

	it('the admin resets the password from the Users page; the user must change it again', async () => {
		expect(chosen).not.toBe('');
		const user = await signIn(NEWCOMER, chosen);
		const admin = await signIn(ADMIN, ADMIN_PASSWORD);
		await admin.goto(`${base}/admin/users`);
		const row = admin.locator('tr', { hasText: NEWCOMER });
		expect(await row.locator('.badge.warn').count()).toBe(0);
		await row.getByText('Reset…').click();
		await row.getByRole('button', { name: 'Reset password' }).click();
		const reset = await admin.getByTestId('reset-password').locator('code').innerText();
		expect(reset).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(await admin.locator('tr', { hasText: NEWCOMER }).locator('.badge.warn').innerText()).toBe('must change password');
		// the user's session ended with the reset
		await user.goto(`${base}/account`);
		expect(new URL(user.url()).pathname).toBe('/login');
		expect(await signInRefused(NEWCOMER, chosen)).toMatch(/not right/);
		const again = await signIn(NEWCOMER, reset);
		await again.goto(`${base}/account`);
		expect(await again.getByTestId('must-change').innerText()).toBe('Choose a new password before continuing.');
		await again.context().close();
		await user.context().close();
		await admin.context().close();
	});

	it('the last enabled admin cannot disable or demote themselves', async () => {
		const admin = await signIn(ADMIN, ADMIN_PASSWORD);
		await admin.goto(`${base}/admin/users`);
		const row = admin.locator('tr', { hasText: ADMIN });
		await row.getByRole('button', { name: 'Disable' }).click();
		expect(await admin.getByRole('alert').innerText()).toMatch(/^boss@account\.e2e\.test is the last enabled admin/);
		await admin.locator('tr', { hasText: ADMIN }).locator('select[name="role"]').selectOption('auditor');
		await admin.locator('tr', { hasText: ADMIN }).getByRole('button', { name: 'Change role' }).click();
		expect(await admin.getByRole('alert').innerText()).toMatch(/last enabled admin/);
		expect(await admin.locator('tr', { hasText: ADMIN }).locator('.badge').first().innerText()).toBe('active');
		await admin.context().close();
	});

	it('a change that was not required stays on the page and says so', async () => {
		const admin = await signIn(ADMIN, ADMIN_PASSWORD);
		await admin.goto(`${base}/account`);
		expect(await admin.getByTestId('must-change').count()).toBe(0);
		await changePassword(admin, ADMIN_PASSWORD, 'the admin changed this one');
		// the admin's three earlier sign-ins in this file are the other sessions
		expect(await admin.getByTestId('changed').innerText()).toBe('Password changed. 3 other sessions were signed out.');
		expect(new URL(admin.url()).pathname).toBe('/account');
		await (await signIn(ADMIN, 'the admin changed this one')).context().close();
		await admin.context().close();
	});
});
