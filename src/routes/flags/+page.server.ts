import { error } from '@sveltejs/kit';
import { FlagQuery } from '$lib/schemas/flags';
import { listFlags } from '$lib/server/rules/evaluate';
import type { PageServerLoad } from './$types';

export const load = (async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const q = FlagQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const result = await listFlags(q.data);
	const specialties = [...new Set(result.rows.map((r) => r.specialty))].sort();
	return { query: q.data, source: result.source, year: result.year, years: result.years, peerBy: result.peerBy, rules: result.rules, rows: result.filtered, specialties };
}) satisfies PageServerLoad;
