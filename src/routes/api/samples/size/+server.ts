// GET /api/samples/size?type=variable|attribute|preset&universe=N&...[&frame_id=F] : the
// sample-size calculator (same function as the page and `claimlens sample-size --json`);
// frame_id supplies the frame's mean and SD of paid amounts for a size from an error rate.
import { error, json } from '@sveltejs/kit';
import { SizeRequest } from '$lib/schemas/sampling';
import { computeSampleSize } from '$lib/server/sampling/size';
import { frameAmounts } from '$lib/server/sampling/frames';
import { z } from 'zod';
import { userMessage } from '$lib/server/sampling/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = SizeRequest.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const frameId = z.coerce.number().int().positive().optional().safeParse(url.searchParams.get('frame_id') ?? undefined);
	if (!frameId.success) error(400, 'bad query: frame_id: a frame number');
	try {
		const amounts = frameId.data ? await frameAmounts(frameId.data) : undefined;
		return json(computeSampleSize(q.data, amounts), { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		const msg = userMessage(e);
		if (msg) error(400, msg);
		throw e;
	}
};
