// GET /api/denials/lines?exclude&specialty&payer&month&category&carc&code&status&page&size: one
// page of the lines behind a cell of the Denials page, with the total and the definition.
import { error, json } from '@sveltejs/kit';
import { DenialLinesQuery, searchInput } from '$lib/schemas/denials';
import { denialLines } from '$lib/server/denials/get-denials';
import { lineScope } from '$lib/server/http/denial-scope';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = DenialLinesQuery.safeParse(searchInput(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const { total, rows, definition } = await denialLines(q.data, undefined, await lineScope(url));
	return json({ total, page: q.data.page, size: q.data.size, definition, rows }, { headers: { 'cache-control': 'no-store' } });
};
