import { error } from '@sveltejs/kit';
import { DrilldownQuery, Npi } from '$lib/schemas/drilldown';
import { getDrilldown, NotFound } from '$lib/server/rules/drilldown';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const npi = Npi.safeParse(params.npi);
	const q = DrilldownQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!npi.success) error(400, npi.error.issues[0]?.message ?? 'bad NPI');
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	try {
		// peers travel separately as Arrow (GET /api/flags/funnel.arrow): only their count here
		const { peers, ...d } = await getDrilldown({ npi: npi.data, ruleId: q.data.rule, peerBy: q.data.peer_by, source: q.data.source, year: q.data.year, flagRule: q.data.flag_rule, fdrQ: q.data.fdr_q });
		return { d, peerCount: peers.length };
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
