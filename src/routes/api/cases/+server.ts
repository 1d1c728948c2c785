// GET /api/cases: the review cases matching the filters (status, assignee, rule, npi, overdue,
// mine), one row per case with its notes, history, samples and how its flag has moved; the same
// function as the Cases page and `claimlens cases --json`.
import { error, json } from '@sveltejs/kit';
import { CaseFilter } from '$lib/schemas/cases';
import { listCases } from '$lib/server/cases/cases';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url, locals }) => {
	const f = CaseFilter.safeParse(Object.fromEntries(url.searchParams));
	if (!f.success) error(400, `bad filter: ${f.error.issues[0]?.path.join('.')}: ${f.error.issues[0]?.message}`);
	return json(await listCases(f.data, { me: locals.user?.email }), { headers: { 'cache-control': 'no-store' } });
};
