// GET /api/denials?by=specialty|payer|month|carc|category&exclude=duplicate,eligibility: the
// same rows as `claimlens denials --json`, with the definition in force.
import { error, json } from '@sveltejs/kit';
import { DenialQuery, searchInput } from '$lib/schemas/denials';
import { denialRates } from '$lib/server/denials/get-denials';
import { urlPeriod } from '$lib/server/http/url-period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = DenialQuery.safeParse(searchInput(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const result = await denialRates({ by: q.data.by, exclude: q.data.exclude, scope: { period: await urlPeriod(url), specialty: q.data.specialty, payer: q.data.scope_payer, provider: q.data.provider } });
	return json({ by: result.by, definition: result.definition, scope: result.scope, facts_problem: result.facts_problem, rows: result.rows }, { headers: { 'cache-control': 'no-store' } });
};
