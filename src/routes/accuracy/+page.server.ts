import { error } from '@sveltejs/kit';
import { AccuracyFilters } from '$lib/schemas/accuracy';
import { getAccuracyOverview } from '$lib/server/accuracy/get-accuracy';
import { getAccuracyTarget } from '$lib/server/accuracy/settings';
import type { PageServerLoad } from './$types';

export const load = (async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const q = AccuracyFilters.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	// the configured accuracy target (Education page): verdicts, badges, the chart's target line
	return { a: await getAccuracyOverview(q.data), target: await getAccuracyTarget() };
}) satisfies PageServerLoad;
