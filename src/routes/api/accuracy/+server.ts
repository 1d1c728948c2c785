// GET /api/accuracy?by=coder|specialty|month|auditor&from=&to=&specialty=&auditor=&coder= :
// one object per group, the same rows as `claimlens accuracy --json` (fields in the README).
import { error, json } from '@sveltejs/kit';
import { ACCURACY_TARGET, AccuracyQuery } from '$lib/schemas/accuracy';
import { accuracyBy } from '$lib/server/accuracy/get-accuracy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const q = AccuracyQuery.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const { by, ...filters } = q.data;
	const groups = await accuracyBy(by, filters);
	return json({ by, filters, target: ACCURACY_TARGET, groups }, { headers: { 'cache-control': 'no-store' } });
};
