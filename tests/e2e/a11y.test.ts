// Accessibility: axe-core (https://github.com/dequelabs/axe-core) on every page, as every role
// the permission matrix lets in (src/lib/server/auth/route-access.ts), at a desktop and a phone
// width. Fails on any serious or critical violation and on a skipped heading level, listed with
// rule, help text and targets, and on a chart without a text summary for screen readers. The
// page list is read from src/routes (./pages.ts), so a new page is checked without anyone adding
// it here. Charts are drawn, their tables shown and every <details> opened before axe looks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launch, sessionCookie, skipBrowser } from './browser.ts';
import { E2E_ROLES, type E2ERole } from './accounts.ts';
import { pageIds, pageRouteIds, pageUrl, roleSees, type PageIds } from './pages.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WIDTHS = [1400, 390] as const;
/** axe impacts that fail, and rules that fail whatever their impact (axe rates heading-order "moderate"; issue 17 names it). */
const FAILING_IMPACTS = ['serious', 'critical'];
const FAILING_RULES = ['heading-order'];
const RULE = 'em_established_level5';

const signedInPages = pageRouteIds().filter((id) => id !== '/login');
const cases = signedInPages.flatMap((id) => E2E_ROLES.filter((role) => roleSees(id, role)).map((role) => ({ id, role })));

interface Found {
	id: string;
	impact: string;
	help: string;
	targets: string[];
}

/**
 * Draws the charts, shows their tables, opens every <details>, then runs axe: the failing
 * violations, plus every chart whose canvas has no text summary (aria-describedby).
 */
async function audit(page: Page): Promise<Found[]> {
	await page.waitForLoadState('networkidle');
	await page.evaluate(() => {
		for (const d of document.querySelectorAll('details')) d.open = true;
		for (const b of document.querySelectorAll<HTMLButtonElement>('figure.chart figcaption button[aria-expanded="false"]')) b.click();
	});
	await page.waitForFunction(() => [...document.querySelectorAll('figure.chart [role="img"]')].every((c) => c.getAttribute('data-echarts-ready') === 'true'));
	return page.evaluate(async ({ impacts, rules }) => {
		type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<Result> } }).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		const found = result.violations
			.filter((v) => impacts.includes(v.impact ?? '') || rules.includes(v.id))
			.map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
		const unsummarised = [...document.querySelectorAll('figure.chart [role="img"]')].filter((c) => !document.getElementById(c.getAttribute('aria-describedby') ?? '')?.textContent?.trim());
		if (unsummarised.length) found.push({ id: 'chart-summary', impact: 'serious', help: 'Every chart needs a text summary for screen readers (ECharts.svelte `summary`)', targets: unsummarised.map((c) => `[aria-label="${c.getAttribute('aria-label')}"]`) });
		return found;
	}, { impacts: FAILING_IMPACTS, rules: FAILING_RULES });
}

const report = (where: string, found: Found[]) => found.map((v) => `${where}: ${v.impact} ${v.id} (${v.help}) at ${v.targets.join(', ')}`).join('\n');

async function newContext(browser: Browser): Promise<BrowserContext> {
	const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 900 } });
	// injected through the DevTools protocol, so the app's Content-Security-Policy stays on
	await context.addInitScript({ content: AXE_SOURCE });
	return context;
}

/** A compliance officer's sample of a flagged provider's lines, drawn and reviewed, so the appraisal charts show. */
async function drawReviewedSample(): Promise<string> {
	const cookie = await sessionCookie('compliance_officer');
	const flags = (await (await fetch(`${baseUrl}/api/flags?rule=${RULE}`, { headers: { cookie } })).json()) as { rows: { provider_npi: string }[] };
	const npi = flags.rows[0]?.provider_npi;
	if (!npi) throw new Error(`no provider flagged by ${RULE}`);
	const post = (path: string, body: Record<string, string>) =>
		fetch(`${baseUrl}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, accept: 'text/html', 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
	const saved = await post('/samples?/saveFrame', { npi, rule: RULE, name: 'a11y' });
	const frame = /frame=(\d+)/.exec(saved.headers.get('location') ?? '')?.[1];
	if (!frame) throw new Error(`saving a frame failed: ${saved.status}`);
	const drawn = await post('/samples?/draw', { frame_id: frame, method: 'simple', size: '12', seed: '20250102', spares: '2' });
	const id = /\/samples\/(\d+)$/.exec(drawn.headers.get('location') ?? '')?.[1];
	if (!id) throw new Error(`drawing a sample failed: ${drawn.status}`);
	// every other unit audited at $0, the rest as paid
	const template = await (await fetch(`${baseUrl}/api/samples/${id}/findings-template.csv`, { headers: { cookie } })).text();
	const [head, ...units] = template.trim().split('\r\n');
	const filled = [head, ...units.map((u, i) => { const c = u.split(','); c[5] = i % 2 ? '0' : (c[4] as string); return c.join(','); })].join('\n');
	const findings = await fetch(`${baseUrl}/api/samples/${id}/findings`, { method: 'POST', headers: { cookie, 'sec-fetch-site': 'same-origin', 'content-type': 'text/csv' }, body: `${filled}\n` });
	if (!findings.ok) throw new Error(`uploading findings failed: ${findings.status} ${await findings.text()}`);
	return id;
}

describe.skipIf(skipBrowser)('accessibility (axe-core: serious and critical; chart summaries)', () => {
	let browser: Browser;
	let ids: PageIds;
	const pages = new Map<E2ERole, Page>();

	beforeAll(async () => {
		browser = await launch();
		const sample = await drawReviewedSample();
		ids = { ...(await pageIds(browser)), sample };
	});
	afterAll(async () => browser?.close());

	/**
	 * One signed-in page per role, reused across routes. The session comes from the sign-in form's
	 * post (sessionCookie throws when it is refused); each page then shows the signed-in marker.
	 */
	async function pageFor(role: E2ERole): Promise<Page> {
		let page = pages.get(role);
		if (!page) {
			const context = await newContext(browser);
			const cookie = await sessionCookie(role);
			const eq = cookie.indexOf('=');
			await context.addCookies([{ name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl }]);
			page = await context.newPage();
			page.setDefaultTimeout(20_000);
			pages.set(role, page);
		}
		return page;
	}

	it('covers the drill-downs, the sample pages and the admin pages', () => {
		for (const id of ['/', '/account', '/flags/provider/[npi]', '/accuracy/coder/[coder]', '/samples/[id]', '/samples/[id]/report', '/admin/users', '/admin/audit']) expect(signedInPages).toContain(id);
	});

	it.each(cases)('$id as $role', async ({ id, role }) => {
		const page = await pageFor(role);
		const url = pageUrl(id, ids);
		const found: string[] = [];
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 900 });
			const res = await page.goto(`${baseUrl}${url}`);
			expect(res?.status(), `${url} as ${role}`).toBe(200);
			// signed in (the layout's marker, attached even where a narrow layout folds it away), not bounced to the sign-in form
			await page.locator('[data-testid=who]').waitFor({ state: 'attached', timeout: 5_000 });
			const v = await audit(page);
			if (v.length) found.push(report(`${url} as ${role} at ${width}px`, v));
		}
		expect(found.join('\n'), 'accessibility violations').toBe('');
	});

	it('/login, signed out', async () => {
		const page = await (await newContext(browser)).newPage();
		const found: string[] = [];
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 900 });
			await page.goto(`${baseUrl}/login`);
			await page.locator('input[name="password"]').waitFor();
			const v = await audit(page);
			if (v.length) found.push(report(`/login at ${width}px`, v));
		}
		await page.context().close();
		expect(found.join('\n'), 'accessibility violations').toBe('');
	});
});
