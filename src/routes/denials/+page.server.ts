import { error } from '@sveltejs/kit';
import { DenialQuery } from '$lib/schemas/denials';
import { getDenialsPage } from '$lib/server/denials/get-denials';
import { carcTable } from '$lib/server/denials/carc-categories';
import { urlPeriod } from '$lib/server/http/url-period';
import { serviceRange } from '$lib/server/rules/evaluate';
import { periodChoices } from '$lib/period';
import type { PageServerLoad } from './$types';

export const load = (async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	// only the definition's parameters: the lines_* selection (read by the page, drill.ts) then
	// changes without a new server load, so clicking a bar does not redraw every chart
	const get = (k: string) => url.searchParams.get(k) ?? undefined;
	const q = DenialQuery.safeParse({ exclude: url.searchParams.getAll('exclude'), payer: get('payer'), period: get('period'), from: get('from'), to: get('to'), specialty: get('specialty'), scope_payer: get('scope_payer'), provider: get('provider') });
	if (!q.success) error(400, `bad filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const period = await urlPeriod(url);
	const scope = { period, specialty: q.data.specialty, payer: q.data.scope_payer, provider: q.data.provider };
	const page = await getDenialsPage({ exclude: q.data.exclude, payer: q.data.payer, scope });
	// the scope's choices come from the unscoped figures (every specialty and payer)
	const all = scope.period || scope.specialty || scope.payer || scope.provider ? await getDenialsPage({ exclude: q.data.exclude }) : page;
	const range = await serviceRange();
	return { ...page, carcTable, scopeQuery: q.data, choices: periodChoices(range.first, range.last), specialties: all.bySpecialty.map((r) => r.group).sort(), allPayers: all.byPayer.map((r) => r.group).sort() };
}) satisfies PageServerLoad;
