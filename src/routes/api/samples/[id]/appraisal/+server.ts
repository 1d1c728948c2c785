// GET /api/samples/ID/appraisal: the appraisal of the sample's findings (same object as
// `claimlens appraise --sample ID --json`).
import { error, json } from '@sveltejs/kit';
import { getAppraisal } from '$lib/server/sampling/appraise';
import { SamplingError } from '$lib/server/sampling/frames';
import { sampleIdParam } from '../sample-id';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const id = sampleIdParam(params.id);
	try {
		return json(await getAppraisal(id), { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		if (e instanceof SamplingError) error(404, e.message);
		throw e;
	}
};
