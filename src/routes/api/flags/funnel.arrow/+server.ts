// GET /api/flags/funnel.arrow?npi&rule[&peer_by][&flag_rule]: the peer group's funnel points (volume, rate)
// as Arrow IPC; thousands of points for a CMS file stay compact.
import { error } from '@sveltejs/kit';
import { DrilldownQuery, Npi } from '$lib/schemas/drilldown';
import { getDrilldown, NotFound } from '$lib/server/rules/drilldown';
import { arrowResponse, rowsToArrow } from '$lib/server/arrow';
import type { RequestHandler } from './$types';

const Query = DrilldownQuery.extend({ npi: Npi });

export const GET: RequestHandler = async ({ url }) => {
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	try {
		const d = await getDrilldown({ npi: q.data.npi, ruleId: q.data.rule, peerBy: q.data.peer_by, source: q.data.source, year: q.data.year, pooledYears: q.data.years, flagRule: q.data.flag_rule, fdrQ: q.data.fdr_q });
		const rows = d.peers.map((p) => ({ npi: p.npi, name: p.name, n: p.n, rate: p.rate, flagged: p.flagged, self: p.npi === d.npi }));
		return arrowResponse(rowsToArrow({ npi: 'text', name: 'text', n: 'number', rate: 'number', flagged: 'bool', self: 'bool' }, rows));
	} catch (e) {
		if (e instanceof NotFound) error(404, e.message);
		throw e;
	}
};
