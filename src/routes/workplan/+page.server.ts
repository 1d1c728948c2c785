// The audit work plan: providers ranked across every rule (getWorkplan), and opening the cases
// of the selected providers in one step (cases_work; the route's write permission).
import { fail } from '@sveltejs/kit';
import { PeriodError, periodChoices, resolvePeriod } from '$lib/period';
import { urlPeriod } from '$lib/server/http/url-period';
import { serviceRange } from '$lib/server/rules/evaluate';
import { z } from 'zod';
import { getWorkplan, openWorkplanCases } from '$lib/server/cases/workplan';
import { CaseError, CaseForbidden } from '$lib/server/cases/cases';
import { allowed } from '$lib/server/auth/roles';
import { loadCatalog } from '$lib/server/rules/catalog';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ url, locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const all = ['1', 'true', 'on'].includes(url.searchParams.get('all') ?? '');
	const period = await urlPeriod(url);
	const range = await serviceRange();
	const catalog = loadCatalog();
	const titles = Object.fromEntries([...catalog.peer, ...catalog.line].map((r) => [r.id, r.title]));
	return { w: await getWorkplan({ all, period }), all, titles, choices: periodChoices(range.first, range.last), periodParam: url.searchParams.get('period') ?? '', canOpen: allowed('cases_work', locals.user?.role ?? null), canCommittee: allowed('reports_committee', locals.user?.role ?? null) };
}) satisfies PageServerLoad;

const Npis = z.array(z.string().regex(/^\d{10}$/, 'not an NPI')).min(1, 'select at least one provider').max(500);

export const actions = {
	open: async ({ request, locals }) => {
		const form = await request.formData();
		const n = Npis.safeParse(form.getAll('npi'));
		let period;
		try {
			period = resolvePeriod({ from: String(form.get('from') ?? ''), to: String(form.get('to') ?? '') }, null);
		} catch (e) {
			if (e instanceof PeriodError) return fail(400, { message: e.message });
			throw e;
		}
		if (!n.success) return fail(400, { message: n.error.issues[0]?.message ?? 'bad selection' });
		try {
			const r = await openWorkplanCases(n.data, { email: locals.user?.email ?? 'unknown', userId: locals.user?.user_id ?? null, role: locals.user?.role }, undefined, period);
			return { opened: r.reduce((s, x) => s + x.opened.length, 0), existing: r.reduce((s, x) => s + x.existing.length, 0), providers: r.length };
		} catch (e) {
			if (e instanceof CaseForbidden) return fail(403, { message: e.message });
			if (e instanceof CaseError) return fail(400, { message: e.message });
			throw e;
		}
	}
} satisfies Actions;
