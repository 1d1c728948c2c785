// GET /api/samples/size?type=variable|attribute|preset&universe=N&... : the sample-size
// calculator (same function as the page and `claimlens sample-size --json`).
import { error, json } from '@sveltejs/kit';
import { SizeRequest } from '$lib/schemas/sampling';
import { computeSampleSize } from '$lib/server/sampling/size';
import { userMessage } from '$lib/server/sampling/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = SizeRequest.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	try {
		return json(computeSampleSize(q.data), { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		const msg = userMessage(e);
		if (msg) error(400, msg);
		throw e;
	}
};
