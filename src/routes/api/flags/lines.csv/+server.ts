// GET /api/flags/lines.csv?npi&rule[&code&from&to]: every claim line behind a flag, as CSV.
import { error } from '@sveltejs/kit';
import { LinesQuery } from '$lib/schemas/drilldown';
import { getFlagLines, NotFound } from '$lib/server/rules/drilldown';
import { toCsv } from '$lib/server/export/csv';
import { patientIdAccess } from '$lib/server/auth/identifiers';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const q = LinesQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	try {
		const { rows, columns } = await getFlagLines({ npi: q.data.npi, ruleId: q.data.rule, code: q.data.code, dateFrom: q.data.from, dateTo: q.data.to, patientIds: patientIdAccess(locals.user?.role ?? null), page: 1, pageSize: 10_000_000 });
		return new Response(toCsv(columns, rows), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="claimlens-${q.data.rule}-${q.data.npi}-lines.csv"`,
				'cache-control': 'no-store'
			}
		});
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
};
