// The Cases page: every review case with the filters of the issue (status, assignee, rule,
// overdue, "my cases"); the same listCases() as GET /api/cases and `claimlens cases`.
import { error, fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { CaseFilter, IsoDate } from '$lib/schemas/cases';
import { caseAssignees, CaseError, CaseForbidden, listCases, openCase } from '$lib/server/cases/cases';
import { loadCatalog } from '$lib/server/rules/catalog';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const f = CaseFilter.safeParse(Object.fromEntries(url.searchParams));
	if (!f.success) error(400, `bad filter: ${f.error.issues[0]?.path.join('.')}: ${f.error.issues[0]?.message}`);
	const cases = await listCases(f.data, { me: locals.user?.email });
	const catalog = loadCatalog();
	const rules = [...catalog.peer, ...catalog.line].map((r) => ({ id: r.id, title: r.title }));
	const assignees = await caseAssignees();
	return { cases, filter: f.data, rules, assignees, me: locals.user?.email ?? null };
}) satisfies PageServerLoad;

const Open = z.object({
	npi: z.string().regex(/^\d{10}$/, 'not an NPI'),
	rule: z.string().regex(/^[a-z0-9_]+$/, 'not a rule id'),
	from: z.union([IsoDate, z.literal('')]).optional().transform((v) => v || undefined),
	to: z.union([IsoDate, z.literal('')]).optional().transform((v) => v || undefined),
	note: z.string().max(4000).optional()
});

export const actions = {
	/** Open (or find the active) case on a flag: the drill-down's "Open a review case". */
	open: async ({ request, locals }) => {
		const o = Open.safeParse(Object.fromEntries(await request.formData()));
		if (!o.success) return fail(400, { message: `${o.error.issues[0]?.path.join('.')}: ${o.error.issues[0]?.message}` });
		let id: number;
		try {
			id = (await openCase({ npi: o.data.npi, ruleId: o.data.rule, from: o.data.from, to: o.data.to, note: o.data.note, actor: { email: locals.user?.email ?? 'unknown', userId: locals.user?.user_id ?? null, role: locals.user?.role } })).case.case_id;
		} catch (e) {
			if (e instanceof CaseForbidden) return fail(403, { message: e.message });
			if (e instanceof CaseError) return fail(400, { message: e.message });
			throw e;
		}
		redirect(303, `/cases/${id}`);
	}
} satisfies Actions;
