// The text of a PDF, page by page, read with Mozilla's pdf.js (pdfjs-dist, a dev dependency):
// tests check a report's figures in the PDF itself, not only in the HTML it was printed from.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Each page's text items joined by spaces (runs of whitespace collapsed), in reading order. */
export async function pdfText(bytes: Uint8Array): Promise<string[]> {
	const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
	const pages: string[] = [];
	for (let i = 1; i <= doc.numPages; i++) {
		const content = await (await doc.getPage(i)).getTextContent();
		pages.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' ').trim());
	}
	await doc.destroy();
	return pages;
}
