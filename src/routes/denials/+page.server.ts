import { error } from '@sveltejs/kit';
import { DenialQuery, searchInput } from '$lib/schemas/denials';
import { getDenialsPage } from '$lib/server/denials/get-denials';
import { carcTable } from '$lib/server/denials/carc-categories';
import type { PageServerLoad } from './$types';

export const load = (async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const q = DenialQuery.safeParse(searchInput(url.searchParams));
	if (!q.success) error(400, `bad filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const page = await getDenialsPage({ exclude: q.data.exclude, payer: q.data.payer });
	return { ...page, carcTable };
}) satisfies PageServerLoad;
