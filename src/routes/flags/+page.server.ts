import { error } from '@sveltejs/kit';
import { FlagQueryChecked as FlagQuery } from '$lib/schemas/flags';
import { listFlags, serviceRange } from '$lib/server/rules/evaluate';
import { periodChoices } from '$lib/period';
import { historyIndex } from '$lib/server/rules/history';
import { activeCaseIndex } from '$lib/server/cases/cases';
import { allowed } from '$lib/server/auth/roles';
import type { PageServerLoad } from './$types';

export const load = (async ({ url, setHeaders, locals }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const q = FlagQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const query = q.data;
	// not awaited: SvelteKit streams it, so the page (with a skeleton) is on screen at once even
	// when this view is not cached yet (another year, peer grouping or data just imported)
	const range = await serviceRange();
	const flags = listFlags(query).then(async (result) => ({
		// sparklines and statuses over the last 12 quarters (claim lines; a CMS file has no quarters)
		history: result.source === 'claims' ? await historyIndex({ peerBy: result.peerBy }) : { quarters: [], marks: {} },
		period: result.period,
		national: result.national,
		source: result.source,
		year: result.year,
		years: result.years,
		pooled_years: result.pooled_years,
		peerBy: result.peerBy,
		rules: result.rules,
		multiplicity: result.multiplicity,
		rows: result.filtered,
		specialties: [...new Set(result.rows.map((r) => r.specialty))].sort()
	}));
	// case badges: the active review case of each provider and rule (roles that may read cases)
	const cases = allowed('cases', locals.user?.role ?? null) ? await activeCaseIndex() : {};
	return { query, flags, cases, choices: periodChoices(range.first, range.last), range };
}) satisfies PageServerLoad;
