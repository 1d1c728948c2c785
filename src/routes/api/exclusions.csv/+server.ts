// GET /api/exclusions.csv: evidence of the screening for the compliance file: one row per provider
// screened with its result, and on every row the list versions used, when and by whom it ran.
import { listVersions, providerResults } from '$lib/server/exclusions/screen';
import { toCsv } from '$lib/server/export/csv';
import type { Cell } from '$lib/server/db/normalize';
import type { RequestHandler } from './$types';

const columns = ['provider_npi', 'provider_name', 'provider_state', 'result', 'confirmed', 'candidates', 'dismissed', 'lines', 'paid_at_risk', 'lists', 'screened_at', 'screened_by'];

export const GET: RequestHandler = async ({ locals }) => {
	const screenedAt = new Date().toISOString();
	const lists = (await listVersions()).map((l) => `${l.list.toUpperCase()} ${l.file_name} (list date ${l.list_date}, ${l.records} records)`).join('; ') || 'no list loaded';
	const rows = (await providerResults()).map((r) => ({ ...r, lists, screened_at: screenedAt, screened_by: locals.user?.email ?? null }));
	const day = screenedAt.slice(0, 10);
	return new Response(toCsv(columns, rows as unknown as Record<string, Cell>[]), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="claimlens-exclusion-screening-${day}.csv"`, 'cache-control': 'no-store' }
	});
};
