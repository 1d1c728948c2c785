// GET /api/denials/<table>.csv?exclude=...&payer=...: the rows behind each table and chart of
// the Denials page, formula-guarded CSV, under the definition in force (a column says which).
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { DenialQuery, searchInput } from '$lib/schemas/denials';
import { denialRates, getDenialsPage, scopeText } from '$lib/server/denials/get-denials';
import { urlPeriod } from '$lib/server/http/url-period';
import { toCsv } from '$lib/server/export/csv';
import type { Row } from '$lib/server/db/normalize';
import type { RequestHandler } from './$types';

const Table = z.enum(['specialty', 'payer', 'month', 'carc', 'category', 'trend', 'payer-category', 'top-codes', 'unknown-codes', 'remittances']);
const rateColumns = ['group', 'label', 'category', 'claims', 'denied_claims', 'claim_denial_rate', 'lines', 'denied_lines', 'line_denial_rate', 'charges', 'denied_charges', 'dollar_denial_rate', 'excluded_categories'];
const countColumns = ['claims', 'denied_claims', 'lines', 'denied_lines', 'charges', 'denied_charges'];

export const GET: RequestHandler = async ({ params, url }) => {
	const table = Table.safeParse(params.table);
	if (!table.success) error(404, `no table ${params.table} (known: ${Table.options.join(', ')})`);
	const q = DenialQuery.safeParse(searchInput(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	let columns: string[];
	let rows: Row[];
	const t = table.data;
	const scope = { period: await urlPeriod(url), specialty: q.data.specialty, payer: q.data.scope_payer, provider: q.data.provider };
	const scopeWords = scopeText(scope);
	if (t === 'specialty' || t === 'payer' || t === 'month' || t === 'carc' || t === 'category') {
		columns = [...rateColumns, 'scope'];
		rows = (await denialRates({ by: t, exclude: q.data.exclude, scope })).rows.map((r) => ({ ...r, scope: scopeWords })) as unknown as Row[];
	} else {
		const page = await getDenialsPage({ exclude: q.data.exclude, payer: q.data.payer, scope });
		const excluded = page.definition.excluded_categories.join(';');
		const withDefinition = (list: object[]) => list.map((r) => ({ ...r, excluded_categories: excluded, scope: scopeWords }) as unknown as Row);
		const spec: Record<typeof t, [string[], object[]]> = {
			trend: [['month', 'specialty', ...countColumns], page.trend],
			'payer-category': [['payer', 'category', ...countColumns], page.heat],
			'top-codes': [['specialty', 'procedure_code', 'lines', 'denied_lines', 'line_denial_rate', 'denied_charges', 'top_category'], page.topCodes],
			'unknown-codes': [['code', 'lines'], page.unknownCodes],
			remittances: [['import_id', 'file_name', 'finished_at', 'transactions', 'payment_total', 'claim_paid_total', 'provider_adjustment_total', 'claim_payments', 'claim_charges', 'service_lines', 'denied_lines', 'adjustments', 'adjustment_total', 'matched_lines'], page.remit.imports]
		};
		const [cols, list] = spec[t];
		columns = [...cols, 'excluded_categories', 'scope'];
		rows = withDefinition(list);
	}
	return new Response(toCsv(columns, rows), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="claimlens-denials-${t}.csv"`, 'cache-control': 'no-store' }
	});
};
