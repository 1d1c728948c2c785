// HTML to PDF through headless Chromium (playwright-core driving the system's Chromium, as the
// e2e tests do; never a downloaded browser). Reports are HTML we render ourselves with every
// imported string escaped; the page runs with JavaScript off and every network request refused,
// so a report cannot load or run anything. Chromium: CLAIMLENS_CHROMIUM, else /usr/bin/chromium
// (apt-get install -y chromium).
import { existsSync } from 'node:fs';

export class PdfUnavailable extends Error {}

export function chromiumPath(): string {
	return process.env.CLAIMLENS_CHROMIUM ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/**
 * Renders a complete HTML document to an A4/Letter PDF.
 * @param html the document (inline CSS only: nothing is fetched)
 * @returns the PDF bytes; throws PdfUnavailable when no Chromium is installed
 */
export async function htmlToPdf(html: string, opts: { landscape?: boolean } = {}): Promise<Buffer> {
	const path = chromiumPath();
	if (!existsSync(path)) throw new PdfUnavailable(`PDF reports need Chromium at ${path} (apt-get install -y chromium, or set CLAIMLENS_CHROMIUM); the CSV has the same content`);
	const { chromium } = await import('playwright-core');
	const browser = await chromium.launch({ executablePath: path, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
	try {
		const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
		const page = await context.newPage();
		await page.route('**/*', (route) => route.abort());
		await page.setContent(html, { waitUntil: 'domcontentloaded' });
		return await page.pdf({ format: 'Letter', landscape: opts.landscape ?? false, printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' }, displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate: '<div style="font-size:8px;width:100%;text-align:center;color:#555">ClaimLens · page <span class="pageNumber"></span> of <span class="totalPages"></span></div>' });
	} finally {
		await browser.close();
	}
}
