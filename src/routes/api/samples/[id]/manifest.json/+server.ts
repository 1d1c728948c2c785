// GET /api/samples/ID/manifest.json[?tier=full|limited|safe_harbor]: the sample's manifest as a
// download (default tier: safe harbor, the most restrictive; full lists the unit ids).
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { Tier } from '$lib/schemas/sampling';
import { getManifest } from '$lib/server/sampling/manifest';
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
		const manifest = await getManifest(id, { tier: q.data.tier });
		return json(manifest, {
			headers: { 'content-disposition': `attachment; filename="claimlens-sample-${id}-manifest.json"`, 'cache-control': 'no-store' }
		});
	} catch (e) {
		if (e instanceof SamplingError) error(404, e.message);
		throw e;
	}
};
