import { error } from '@sveltejs/kit';
import { DrilldownQuery, Npi } from '$lib/schemas/drilldown';
import { getDrilldown, NotFound } from '$lib/server/rules/drilldown';
import { serviceRange } from '$lib/server/rules/evaluate';
import { providerHistory } from '$lib/server/rules/history';
import { PeriodError, resolvePeriod } from '$lib/period';
import { activeCaseIndex } from '$lib/server/cases/cases';
import { allowed } from '$lib/server/auth/roles';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, url, setHeaders, locals }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const npi = Npi.safeParse(params.npi);
	const q = DrilldownQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!npi.success) error(400, npi.error.issues[0]?.message ?? 'bad NPI');
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	try {
		// peers travel separately as Arrow (GET /api/flags/funnel.arrow): only their count here
		let period;
		try {
			period = resolvePeriod(q.data, q.data.period === 'last12' ? (await serviceRange()).last : null);
		} catch (e) {
			if (e instanceof PeriodError) error(400, e.message);
			throw e;
		}
		const { peers, ...d } = await getDrilldown({ npi: npi.data, ruleId: q.data.rule, peerBy: q.data.peer_by, source: q.data.source, year: q.data.year, pooledYears: q.data.years, flagRule: q.data.flag_rule, fdrQ: q.data.fdr_q, period, benchmark: q.data.benchmark, nationalYear: q.data.national_year });
		// quarterly history (claims, peer rules): the trend of this provider against its peers
		const history = d.source === 'claims' && d.ruleKind === 'peer' ? await providerHistory({ npi: npi.data, ruleId: d.ruleId, peerBy: q.data.peer_by }) : [];
		const role = locals.user?.role ?? null;
		const openCase = allowed('cases', role) ? ((await activeCaseIndex())[`${npi.data}|${d.ruleId}`] ?? null) : null;
		return { d, peerCount: peers.length, openCase, canOpenCase: allowed('cases_work', role), history };
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
