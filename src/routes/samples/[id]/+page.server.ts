import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { describeDefinition, FrameDefinition } from '$lib/schemas/sampling';
import { getManifest } from '$lib/server/sampling/manifest';
import { getAppraisal } from '$lib/server/sampling/appraise';
import { importFindings, listFindings, FindingsRefused } from '$lib/server/sampling/findings';
import { SamplingError } from '$lib/server/sampling/frames';
import { allowedTiers } from '$lib/server/sampling/access';
import type { Actions, PageServerLoad } from './$types';

const SampleId = z.coerce.number().int().positive();
/** Findings files are one row per sampled unit: small. */
const MAX_FINDINGS_BYTES = 400_000;
/** Units listed on the page; the manifest download has them all (a sample can be large). */
const UNITS_SHOWN = 1000;

function sampleId(raw: string): number {
	const id = SampleId.safeParse(raw);
	if (!id.success) error(400, 'bad sample id');
	return id.data;
}

export const load = (async ({ params, setHeaders, locals }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const id = sampleId(params.id);
	try {
		const [full, appraisal, allFindings] = await Promise.all([getManifest(id), getAppraisal(id), listFindings(id)]);
		const units = full.units.slice(0, UNITS_SHOWN);
		const shown = new Set(units.map((u) => u.item));
		const manifest = { ...full, units, sample_ids: null, spare_ids: null, sample_unit_nos: [], spare_unit_nos: [] };
		const findings = allFindings.filter((f) => shown.has(f.item));
		const appraisalShown = { ...appraisal, missing_items: appraisal.missing_items.slice(0, 100) };
		return { manifest, unitCount: full.units.length, spareCount: full.spare_unit_nos.length, appraisal: appraisalShown, findings, tiers: allowedTiers(locals.user?.role), user: locals.user?.email ?? null, frameText: describeDefinition(FrameDefinition.parse(manifest.frame.definition)) };
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
