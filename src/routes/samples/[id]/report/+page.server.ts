import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { describeDefinition, FrameDefinition } from '$lib/schemas/sampling';
import { getManifest } from '$lib/server/sampling/manifest';
import { getAppraisal } from '$lib/server/sampling/appraise';
import { SamplingError } from '$lib/server/sampling/frames';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const id = z.coerce.number().int().positive().safeParse(params.id);
	if (!id.success) error(400, 'bad sample id');
	try {
		const full = await getManifest(id.data, { tier: 'safe_harbor' });
		// the report needs the design, not the unit list (which grows with the sample)
		const manifest = { ...full, units: [], sample_unit_nos: [], spare_unit_nos: [] };
		const appraisal = await getAppraisal(id.data);
		return { manifest, appraisal: { ...appraisal, missing_items: appraisal.missing_items.slice(0, 100) }, frameText: describeDefinition(FrameDefinition.parse(manifest.frame.definition)) };
	} catch (e) {
		if (e instanceof SamplingError) error(404, e.message);
		throw e;
	}
}) satisfies PageServerLoad;
