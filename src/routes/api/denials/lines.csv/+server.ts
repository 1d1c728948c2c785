// GET /api/denials/lines.csv?...: every line behind a cell (same filters as /api/denials/lines),
// formula-guarded CSV.
import { error } from '@sveltejs/kit';
import { DenialLinesQuery, searchInput } from '$lib/schemas/denials';
import { denialLines } from '$lib/server/denials/get-denials';
import { toCsv } from '$lib/server/export/csv';
import { lineScope } from '$lib/server/http/denial-scope';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = DenialLinesQuery.safeParse(searchInput(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const { rows, columns } = await denialLines({ ...q.data, page: 1, size: 10_000_000 }, undefined, await lineScope(url));
	return new Response(toCsv(columns, rows), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="claimlens-denied-lines.csv"', 'cache-control': 'no-store' }
	});
};
