// Sign-in, role limits, sign-out and the idle timeout, in Chromium, against a second server
// started here with a 3-second idle timeout (so the shared server's sessions are unaffected).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, skipBrowser } from './browser.ts';
import { startSideServer, type SideServer } from './side-server.ts';
import { startMockOidc, type MockOidc } from '../helpers/mock-oidc.ts';

const PASSWORD = 'auth-e2e-password-only';

describe.skipIf(skipBrowser)('sign-in and sessions', () => {
	let browser: Browser;
	let side: SideServer | undefined;
	let base: string;
	let idp: MockOidc;
	beforeAll(async () => {
		idp = await startMockOidc('claimlens-e2e');
		side = await startSideServer({
			name: 'auth',
			users: [['coder.boss@e2e.test', 'coding_manager'], ['old.hand@e2e.test', 'auditor'], ['casey@example.org', 'auditor']].map(([email, role]) => ({ email: email as string, role: role as string, password: PASSWORD })),
			disable: ['old.hand@e2e.test'],
			env: { CLAIMLENS_IDLE_MINUTES: '0.05', CLAIMLENS_OIDC_ISSUER: idp.issuer, CLAIMLENS_OIDC_CLIENT_ID: 'claimlens-e2e', CLAIMLENS_OIDC_ALLOW_HTTP: '1' }
		});
		base = side.base;
		browser = await launch();
	}, 60_000);
	afterAll(async () => {
		await browser?.close();
		await side?.stop();
		await idp?.close();
	});

	async function signIn(email: string, password = PASSWORD): Promise<Page> {
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${base}/accuracy`);
		expect(page.url()).toContain('/login?next=%2Faccuracy');
		await page.locator('input[name="email"]').fill(email);
		await page.locator('input[name="password"]').fill(password);
		await page.getByRole('button', { name: 'Sign in' }).click();
		return page;
	}

	it('keeps an e-mail typed before the page script has loaded, and signs in with it', async () => {
		// Hydration used to reset the field to the server's empty value, so the browser's required
		// check refused the submit without a word. The page's scripts are held back until the
		// e-mail and password are typed, then released; the typed e-mail must survive.
		const page = await (await browser.newContext()).newPage();
		let release: () => void = () => {};
		const held = new Promise<void>((r) => (release = r));
		await page.route('**/_app/**', async (route) => {
			await held;
			await route.continue();
		});
		await page.goto(`${base}/login?next=%2Faccuracy`, { waitUntil: 'commit' });
		await page.locator('input[name="email"]').fill('coder.boss@e2e.test');
		await page.locator('input[name="password"]').fill(PASSWORD);
		release();
		await page.waitForLoadState('networkidle');
		expect(await page.locator('input[name="email"]').inputValue()).toBe('coder.boss@e2e.test');
		await Promise.all([page.waitForURL(`${base}/accuracy`), page.getByRole('button', { name: 'Sign in' }).click()]);
		await page.context().close();
	});

	it('refuses a wrong password and a disabled account', async () => {
		const wrong = await signIn('coder.boss@e2e.test', 'not-the-password');
		expect(await wrong.getByRole('alert').innerText()).toMatch(/not right/);
		const disabled = await signIn('old.hand@e2e.test');
		expect(await disabled.getByRole('alert').innerText()).toMatch(/disabled/);
	});

	it('signs in, reaches only what the role allows, signs out', async () => {
		const page = await signIn('coder.boss@e2e.test');
		await page.waitForURL(`${base}/accuracy`);
		expect(await page.getByTestId('who').innerText()).toContain('coder.boss@e2e.test');
		expect((await page.goto(`${base}/flags`))?.status()).toBe(403);
		expect((await page.goto(`${base}/admin/users`))?.status()).toBe(403);
		const api = await page.context().request.get(`${base}/api/flags`);
		expect(api.status()).toBe(403);
		await page.goto(`${base}/`);
		await page.getByRole('button', { name: 'Sign out', exact: true }).click();
		await page.waitForURL(/\/login/);
		expect((await page.context().request.get(`${base}/api/overview`)).status()).toBe(401);
		expect(page.url()).toContain('/login');
	});

	it('signs in through the organisation\'s OpenID Connect provider, only with a local account', async () => {
		const page = await (await browser.newContext()).newPage();
		await page.goto(`${base}/flags`);
		await page.getByRole('link', { name: 'Sign in with your organisation' }).click();
		await page.waitForURL(`${base}/flags`);
		expect(await page.getByTestId('who').innerText()).toContain('casey@example.org');
		idp.user = { email: 'stranger@example.org', emailVerified: true };
		const other = await (await browser.newContext()).newPage();
		await other.goto(`${base}/login`);
		await other.getByRole('link', { name: 'Sign in with your organisation' }).click();
		await other.waitForURL(/\/login\?sso=no-account/);
		expect(await other.getByRole('alert').innerText()).toMatch(/no enabled ClaimLens account/);
		idp.user = { email: 'casey@example.org', emailVerified: true };
	});

	it('ends the session after the idle timeout', async () => {
		const page = await signIn('coder.boss@e2e.test');
		await page.waitForURL(`${base}/accuracy`);
		await page.waitForTimeout(3_500);
		await page.goto(`${base}/`);
		expect(page.url()).toContain('/login');
	});
});
