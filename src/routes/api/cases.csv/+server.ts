// GET /api/cases.csv: the cases list for a spreadsheet (one row per case; notes joined oldest
// first, each with author and time), with the same filters as the page.
import { error } from '@sveltejs/kit';
import { CaseFilter } from '$lib/schemas/cases';
import { listCases } from '$lib/server/cases/cases';
import { toCsv } from '$lib/server/export/csv';
import type { Cell } from '$lib/server/db/normalize';
import type { RequestHandler } from './$types';

const columns = ['case_id', 'provider_npi', 'provider_name', 'rule_id', 'rule_title', 'period_from', 'period_to', 'status', 'outcome', 'assignee', 'due_date', 'overdue', 'opened_by', 'opened_at', 'closed_at', 'flag_now', 'flag_changes', 'samples', 'notes'];

export const GET: RequestHandler = async ({ url, locals }) => {
	const f = CaseFilter.safeParse(Object.fromEntries(url.searchParams));
	if (!f.success) error(400, `bad filter: ${f.error.issues[0]?.path.join('.')}: ${f.error.issues[0]?.message}`);
	const rows = (await listCases(f.data, { me: locals.user?.email })).map((c) => ({
		...c,
		flag_now: c.flag_now.state,
		flag_changes: c.flag_now.changes.join('; '),
		samples: c.samples.join(' '),
		notes: c.notes.map((n) => `[${n.at} ${n.author}] ${n.text}`).join('\n')
	}));
	return new Response(toCsv(columns, rows as unknown as Record<string, Cell>[]), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="claimlens-cases-${new Date().toISOString().slice(0, 10)}.csv"`, 'cache-control': 'no-store' }
	});
};
