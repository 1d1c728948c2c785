import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { describeDefinition, FrameDefinition } from '$lib/schemas/sampling';
import { getManifest } from '$lib/server/sampling/manifest';
import { getAppraisal } from '$lib/server/sampling/appraise';
import { importFindings, listFindings, FindingsRefused } from '$lib/server/sampling/findings';
import { SamplingError } from '$lib/server/sampling/frames';
import type { Actions, PageServerLoad } from './$types';

const SampleId = z.coerce.number().int().positive();
/** Findings files are one row per sampled unit: small. */
const MAX_FINDINGS_BYTES = 400_000;

function sampleId(raw: string): number {
	const id = SampleId.safeParse(raw);
	if (!id.success) error(400, 'bad sample id');
	return id.data;
}

export const load = (async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const id = sampleId(params.id);
	try {
		const [manifest, appraisal, findings] = await Promise.all([getManifest(id), getAppraisal(id), listFindings(id)]);
		return { manifest, appraisal, findings, frameText: describeDefinition(FrameDefinition.parse(manifest.frame.definition)) };
	} catch (e) {
		if (e instanceof SamplingError) error(404, e.message);
		throw e;
	}
}) satisfies PageServerLoad;

export const actions = {
	findings: async ({ params, request }) => {
		const id = sampleId(params.id);
		const file = (await request.formData()).get('file');
		if (!(file instanceof File) || file.size === 0) return fail(400, { problems: ['choose a findings CSV file'] });
		if (file.size > MAX_FINDINGS_BYTES) return fail(400, { problems: [`the file is larger than ${MAX_FINDINGS_BYTES / 1000} KB: findings have one row per sampled unit`] });
		try {
			return { summary: await importFindings(id, await file.text()) };
		} catch (e) {
			if (e instanceof FindingsRefused) return fail(400, { problems: e.problems });
			if (e instanceof SamplingError) return fail(400, { problems: [e.message] });
			throw e;
		}
	}
} satisfies Actions;
