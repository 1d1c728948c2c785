// GET /api/exclusions.pdf: the screening evidence as a PDF for the compliance file (lists used,
// when and by whom, every match and decision, the result per provider); same content as the CSV.
import { error } from '@sveltejs/kit';
import { providerResults, screen } from '$lib/server/exclusions/screen';
import { exclusionScreeningHtml } from '$lib/server/reports/exclusion-screening';
import { htmlToPdf, PdfUnavailable } from '$lib/server/reports/pdf';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	const s = await screen();
	let pdf: Buffer;
	try {
		pdf = await htmlToPdf(exclusionScreeningHtml(s, await providerResults(), locals.user?.email ?? 'unknown'));
	} catch (e) {
		if (e instanceof PdfUnavailable) error(503, e.message);
		throw e;
	}
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="claimlens-exclusion-screening-${s.screened_at.slice(0, 10)}.pdf"`, 'cache-control': 'no-store' }
	});
};
