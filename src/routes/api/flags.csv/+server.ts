// GET /api/flags.csv?...: the Risk flags table as CSV (formula-guarded), same filters as the page.
import { error } from '@sveltejs/kit';
import { FlagQueryChecked as FlagQuery } from '$lib/schemas/flags';
import { listFlags } from '$lib/server/rules/evaluate';
import { flagCsvColumns } from '$lib/server/rules/flag-columns';
import { toCsv } from '$lib/server/export/csv';
import type { Cell } from '$lib/server/db/normalize';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = FlagQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const result = await listFlags(q.data);
	return new Response(toCsv(flagCsvColumns, result.filtered as unknown as Record<string, Cell>[]), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="claimlens-flags${result.period ? `-${result.period.from}-to-${result.period.to}` : ''}.csv"`, 'cache-control': 'no-store' }
	});
};
