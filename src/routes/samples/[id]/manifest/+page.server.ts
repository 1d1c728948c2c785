import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { Tier, describeDefinition, FrameDefinition } from '$lib/schemas/sampling';
import { getManifest } from '$lib/server/sampling/manifest';
import { SamplingError } from '$lib/server/sampling/frames';
import { allowedTiers } from '$lib/server/sampling/access';
import type { PageServerLoad } from './$types';

const Query = z.object({ tier: Tier.default('safe_harbor') });

export const load = (async ({ params, url, setHeaders, locals }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const id = z.coerce.number().int().positive().safeParse(params.id);
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	if (!id.success || !q.success) error(400, 'bad sample id or tier');
	if (!allowedTiers(locals.user?.role).includes(q.data.tier)) error(403, 'the full tier needs the auditor role');
	try {
		const manifest = await getManifest(id.data, { tier: q.data.tier });
		return { manifest, frameText: describeDefinition(FrameDefinition.parse(manifest.frame.definition)) };
	} catch (e) {
		if (e instanceof SamplingError) error(404, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
