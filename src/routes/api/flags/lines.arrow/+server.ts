// GET /api/flags/lines.arrow?npi&rule&code&from&to&page&size: one page of the claim lines
// behind a flag, as Arrow IPC; X-Total-Count carries the number of matching lines.
import { error } from '@sveltejs/kit';
import { LinesQuery } from '$lib/schemas/drilldown';
import { getFlagLines, NotFound } from '$lib/server/rules/drilldown';
import { arrowResponse, flagLineColumns, rowsToArrow } from '$lib/server/arrow';
import { patientIdAccess } from '$lib/server/auth/identifiers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const q = LinesQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	try {
		const { total, rows } = await getFlagLines({ npi: q.data.npi, ruleId: q.data.rule, code: q.data.code, dateFrom: q.data.from, dateTo: q.data.to, patientIds: patientIdAccess(locals.user?.role ?? null), page: q.data.page, pageSize: q.data.size });
		return arrowResponse(rowsToArrow(flagLineColumns, rows), { 'x-total-count': String(total) });
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
};
