// GET /api/accuracy?by=coder|specialty|month|auditor&from=&to=&specialty=&auditor=&coder= :
// one object per group, the same rows as `claimlens accuracy --json` (fields in the README).
// `target` is the configured accuracy target (src/lib/server/accuracy/settings.ts) that the
// groups' below_target verdicts were judged against.
import { error, json } from '@sveltejs/kit';
import { AccuracyQuery } from '$lib/schemas/accuracy';
import { accuracyBy } from '$lib/server/accuracy/get-accuracy';
import { getAccuracyTarget } from '$lib/server/accuracy/settings';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = AccuracyQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const { by, ...filters } = q.data;
	// read once and handed down, so the target reported is the one the verdicts used
	const target = await getAccuracyTarget();
	const groups = await accuracyBy(by, filters, undefined, target);
	return json({ by, filters, target, groups }, { headers: { 'cache-control': 'no-store' } });
};
