// Shared browser for end-to-end tests: Debian's Chromium via playwright-core.
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';

export const baseUrl = inject('baseUrl');
export const skipBrowser = !baseUrl;

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
	});
}

export async function open(browser: Browser, path: string): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
	page.setDefaultTimeout(20_000);
	await page.goto(`${baseUrl}${path}`);
	return page;
}
