// Phones and narrow windows (issue 17): at 390 px no page scrolls sideways, for every page and
// every role that may open it; the menu folds out and leads to another page. Wide tables scroll
// inside their own box, charts fit their panel.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { baseUrl, launch, signIn, skipBrowser } from './browser.ts';
import { E2E_ROLES, type E2ERole } from './accounts.ts';
import { pageIds, pageRouteIds, pageUrl, roleSees, type PageIds } from './pages.ts';

const WIDTH = 390;
const pages = pageRouteIds().filter((id) => id !== '/login');

describe.skipIf(skipBrowser)('390 px wide', () => {
	let browser: Browser;
	let ids: PageIds;
	const contexts = new Map<E2ERole, BrowserContext>();
	beforeAll(async () => {
		browser = await launch();
		ids = await pageIds(browser);
		for (const role of E2E_ROLES) {
			const context = await browser.newContext({ viewport: { width: WIDTH, height: 844 } });
			const page = await context.newPage();
			await signIn(page, role);
			await page.close();
			contexts.set(role, context);
		}
	}, 180_000);
	afterAll(async () => browser?.close());

	it('the sign-in page fits', async () => {
		const page = await (await browser.newContext({ viewport: { width: WIDTH, height: 844 } })).newPage();
		await page.goto(`${baseUrl}/login`);
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(WIDTH);
	});

	it.each(pages)('%s fits every role that may open it', async (id) => {
		const roles = E2E_ROLES.filter((r) => roleSees(id, r));
		expect(roles.length, `${id}: no role may open it`).toBeGreaterThan(0);
		for (const role of roles) {
			const page = await (contexts.get(role) as BrowserContext).newPage();
			try {
				const res = await page.goto(`${baseUrl}${pageUrl(id, ids)}`);
				expect(res?.status(), `${role} ${id}`).toBe(200);
				await page.getByTestId('who').waitFor({ state: 'attached' });
				await page.waitForLoadState('networkidle');
				const over = await page.evaluate(() => {
					const width = document.documentElement.clientWidth;
					const culprits = [...document.querySelectorAll('main *')]
						.filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.scroll, [data-scroll]'))
						.slice(0, 5)
						.map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ').join('.')}` : ''} → ${Math.round(el.getBoundingClientRect().right)}px`);
					return { scroll: document.documentElement.scrollWidth, width, culprits };
				});
				expect({ role, id, scroll: over.scroll, culprits: over.culprits }).toEqual({ role, id, scroll: over.width, culprits: [] });
			} finally {
				await page.close();
			}
		}
	});

	it('folds the navigation into a menu that opens, leads on and closes', async () => {
		const page = await (contexts.get('admin') as BrowserContext).newPage();
		await page.goto(`${baseUrl}/`);
		const nav = page.getByRole('navigation', { name: 'Main' });
		expect(await nav.isVisible()).toBe(false);
		const menu = page.getByRole('button', { name: 'Menu' });
		expect(await menu.getAttribute('aria-expanded')).toBe('false');
		await menu.click();
		expect(await nav.isVisible()).toBe(true);
		await Promise.all([page.waitForURL(/\/denials/), nav.getByRole('link', { name: 'Denials' }).click()]);
		expect(await nav.isVisible()).toBe(false);
		await page.close();
	});
});
