// GET /api/reports/{provider|committee|coder|appraisal}?...: a PDF report from the registry
// (src/lib/server/reports/registry.ts). The route is open to any signed-in user; each report's
// own permission is checked here (the committee pack is the compliance officer's and admin's,
// a provider report needs flags, a coder scorecard accuracy, an appraisal samples). The download
// is bracketed in the audit trail like every export (route access: audit 'export').
import { error } from '@sveltejs/kit';
import { allowed } from '$lib/server/auth/roles';
import { reportById } from '$lib/server/reports/registry';
import { ReportError, ReportParamError } from '$lib/server/reports/types';
import { htmlToPdf, PdfUnavailable } from '$lib/server/reports/pdf';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const report = reportById(params.report);
	if (!report) error(404, `no report "${params.report}"`);
	if (!allowed(report.permission, locals.user?.role ?? null)) error(403, `your role may not download the ${report.label.toLowerCase()}`);
	const p = report.params.safeParse(Object.fromEntries(url.searchParams));
	if (!p.success) error(400, `bad parameter: ${p.error.issues[0]?.path.join('.')}: ${p.error.issues[0]?.message}`);
	let pdf: Buffer;
	let filename: string;
	try {
		const built = await report.build(p.data, { by: locals.user?.email ?? 'unknown', at: new Date().toISOString() });
		filename = built.filename;
		pdf = await htmlToPdf(built.html);
	} catch (e) {
		if (e instanceof ReportParamError) error(400, e.message);
		if (e instanceof ReportError) error(404, e.message);
		if (e instanceof PdfUnavailable) error(503, e.message);
		throw e;
	}
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' }
	});
};
