// POST /api/samples/ID/findings with the findings CSV as the body: imports them (refusing the
// whole file when a unit is not in the sample) and answers with the import summary, or 400 with
// { problems }. A state-changing JSON endpoint: checks Origin itself (security.md "Web").
import { error, json } from '@sveltejs/kit';
import { importFindings, FindingsRefused } from '$lib/server/sampling/findings';
import { SamplingError } from '$lib/server/sampling/frames';
import { assertSameOrigin } from '$lib/server/http/origin';
import { sampleIdParam } from '../sample-id';
import type { RequestHandler } from './$types';

const MAX_BYTES = 400_000;

export const POST: RequestHandler = async ({ params, request, url }) => {
	assertSameOrigin(request, url);
	const id = sampleIdParam(params.id);
	const text = await request.text();
	if (!text.trim()) error(400, 'empty body: send the findings CSV');
	if (text.length > MAX_BYTES) error(413, 'findings files have one row per sampled unit: this one is too large');
	try {
		return json(await importFindings(id, text), { headers: { 'cache-control': 'no-store' } });
	} catch (e) {
		if (e instanceof FindingsRefused) return json({ problems: e.problems }, { status: 400 });
		if (e instanceof SamplingError) error(404, e.message);
		throw e;
	}
};
