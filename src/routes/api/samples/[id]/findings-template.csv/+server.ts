// GET /api/samples/ID/findings-template.csv[?tier=]: one row per sampled unit (item, stratum,
// unit_no, unit_id at full tier, examined_amount) with empty audited_amount, error and note.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { Tier } from '$lib/schemas/sampling';
import { getManifest } from '$lib/server/sampling/manifest';
import { findingsTemplate } from '$lib/server/sampling/findings';
import { SamplingError } from '$lib/server/sampling/frames';
import { allowedTiers } from '$lib/server/sampling/access';
import { sampleIdParam } from '../sample-id';
import type { RequestHandler } from './$types';

const Query = z.object({ tier: Tier.default('safe_harbor') });

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const id = sampleIdParam(params.id);
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, 'tier must be full, limited or safe_harbor');
	if (!allowedTiers(locals.user?.role).includes(q.data.tier)) error(403, 'the full tier needs the auditor role');
	try {
		const csv = findingsTemplate(await getManifest(id, { tier: q.data.tier }));
		return new Response(csv, {
			headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="claimlens-sample-${id}-findings.csv"`, 'cache-control': 'no-store' }
		});
	} catch (e) {
		if (e instanceof SamplingError) error(404, e.message);
		throw e;
	}
};
