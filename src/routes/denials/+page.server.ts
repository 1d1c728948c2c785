import { error } from '@sveltejs/kit';
import { DenialQuery } from '$lib/schemas/denials';
import { getDenialsPage } from '$lib/server/denials/get-denials';
import { carcTable } from '$lib/server/denials/carc-categories';
import type { PageServerLoad } from './$types';

export const load = (async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	// only the definition's parameters: the lines_* selection (read by the page, drill.ts) then
	// changes without a new server load, so clicking a bar does not redraw every chart
	const q = DenialQuery.safeParse({ exclude: url.searchParams.getAll('exclude'), payer: url.searchParams.get('payer') ?? undefined });
	if (!q.success) error(400, `bad filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const page = await getDenialsPage({ exclude: q.data.exclude, payer: q.data.payer });
	return { ...page, carcTable };
}) satisfies PageServerLoad;
