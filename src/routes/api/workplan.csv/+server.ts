// GET /api/workplan.csv[?all=1]: the work plan for a spreadsheet; every row carries the period.
import { getWorkplan } from '$lib/server/cases/workplan';
import { urlPeriod } from '$lib/server/http/url-period';
import { toCsv } from '$lib/server/export/csv';
import type { Cell } from '$lib/server/db/normalize';
import type { RequestHandler } from './$types';

const columns = ['rank', 'provider_npi', 'provider_name', 'specialty', 'measures_flagged', 'measures', 'flagged_rules', 'dollars_at_risk', 'highest_severity', 'open_cases', 'overdue_cases', 'period_from', 'period_to'];

export const GET: RequestHandler = async ({ url }) => {
	const w = await getWorkplan({ all: ['1', 'true', 'on'].includes(url.searchParams.get('all') ?? ''), period: await urlPeriod(url) });
	const rows = w.rows.map((r) => ({ ...r, flagged_rules: r.flagged_rules.join(' '), period_from: w.period_from, period_to: w.period_to }));
	return new Response(toCsv(columns, rows as unknown as Record<string, Cell>[]), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="claimlens-workplan-${new Date().toISOString().slice(0, 10)}.csv"`, 'cache-control': 'no-store' }
	});
};
