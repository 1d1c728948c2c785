// GET /api/samples[?frame=ID]: saved frames and drawn samples (the Samples page's lists).
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { listFrames } from '$lib/server/sampling/frames';
import { listSamples } from '$lib/server/sampling/manifest';
import type { RequestHandler } from './$types';

const Query = z.object({ frame: z.coerce.number().int().positive().optional() });

export const GET: RequestHandler = async ({ url }) => {
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, 'bad frame id');
	const [frames, samples] = await Promise.all([listFrames(), listSamples({ frameId: q.data.frame })]);
	return json({ frames, samples }, { headers: { 'cache-control': 'no-store' } });
};
