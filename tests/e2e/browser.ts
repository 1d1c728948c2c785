// Shared browser helpers for end-to-end tests: Debian's Chromium via playwright-core, and a
// signed-in page per role (each page gets its own browser context, so sessions never mix).
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { E2E_PASSWORD, e2eEmail, type E2ERole } from './accounts.ts';

export const baseUrl = inject('baseUrl');
export const skipBrowser = !baseUrl;

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
}

/** Signs in through the form; throws with the page's own message when sign-in is refused. */
export async function signIn(page: Page, role: E2ERole): Promise<void> {
	await page.goto(`${baseUrl}/login`);
	await page.locator('input[name="email"]').fill(e2eEmail(role));
	await page.locator('input[name="password"]').fill(E2E_PASSWORD);
	const left = page.waitForURL((u) => !u.pathname.startsWith('/login'), { waitUntil: 'commit' }).then(() => null);
	const refused = page.getByRole('alert').filter({ hasText: /\S/ }).first().waitFor().then(() => 'refused' as const);
	await page.getByRole('button', { name: 'Sign in' }).click();
	const outcome = await Promise.race([left, refused]);
	if (outcome === 'refused' && new URL(page.url()).pathname.startsWith('/login')) {
		throw new Error(`sign-in as ${role} refused: ${await page.getByRole('alert').first().innerText()}`);
	}
	left.catch(() => {});
	refused.catch(() => {});
	await page.waitForLoadState('load');
}

/** A page signed in as `role` (default admin), opened at `path`. */
export async function open(browser: Browser, path: string, role: E2ERole = 'admin'): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
	const page = await context.newPage();
	page.setDefaultTimeout(20_000);
	page.on('close', () => void context.close().catch(() => {}));
	await signIn(page, role);
	await page.goto(`${baseUrl}${path}`);
	return page;
}

/** fetch with a signed-in session cookie taken from a page's context. */
export async function authedFetch(page: Page, path: string, init: RequestInit = {}): Promise<Response> {
	const cookies = await page.context().cookies(baseUrl);
	const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
	return fetch(`${baseUrl}${path}`, { ...init, headers: { ...(init.headers ?? {}), cookie } });
}

/**
 * A session cookie for `role`, signed in through the form post as a browser would. Throws when
 * sign-in fails, so no test can pass on a refused sign-in.
 */
export async function sessionCookie(role: E2ERole): Promise<string> {
	const res = await fetch(`${baseUrl}/login`, {
		method: 'POST',
		redirect: 'manual',
		// accept text/html as a browser's form post does (else SvelteKit answers the action in JSON)
		headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', accept: 'text/html' },
		body: new URLSearchParams({ email: e2eEmail(role), password: E2E_PASSWORD, next: '/' })
	});
	const m = /claimlens_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
	if (res.status !== 303 || !m) throw new Error(`sign-in as ${role} failed: ${res.status}`);
	return `claimlens_session=${m[1]}`;
}
