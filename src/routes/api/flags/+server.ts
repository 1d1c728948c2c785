// GET /api/flags?rule=&specialty=&severity=&q=&all=&source=&peer_by=&flag_rule=&fdr_q= : the same rows as
// `claimlens flags --json` and the Risk flags page.
import { error, json } from '@sveltejs/kit';
import { FlagQueryChecked as FlagQuery } from '$lib/schemas/flags';
import { listFlags } from '$lib/server/rules/evaluate';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = FlagQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const result = await listFlags(q.data);
	return json({ source: result.source, year: result.year, years: result.years, period: result.period, peer_by: result.peerBy, rules: result.rules, multiplicity: result.multiplicity, rows: result.filtered }, { headers: { 'cache-control': 'no-store' } });
};
