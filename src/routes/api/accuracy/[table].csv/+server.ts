// GET /api/accuracy/<table>.csv?from=&to=&specialty=&auditor=&coder= : every Coder accuracy
// table as CSV (coders, specialties, auditors, months, specialty-months, code-pairs, lines),
// formula-guarded, same filters and functions as the pages.
import { error } from '@sveltejs/kit';
import { AccuracyFilters, CsvTable } from '$lib/schemas/accuracy';
import { accuracyCsv } from '$lib/server/accuracy/csv-tables';
import { toCsv } from '$lib/server/export/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	const table = CsvTable.safeParse(params.table);
	if (!table.success) error(404, `no accuracy table ${params.table} (known: ${CsvTable.options.join(', ')})`);
	const q = AccuracyFilters.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	const { columns, rows } = await accuracyCsv(table.data, q.data);
	const suffix = q.data.coder ? `-${q.data.coder.replace(/[^A-Za-z0-9_-]/g, '_')}` : '';
	return new Response(toCsv(columns, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="claimlens-accuracy-${table.data}${suffix}.csv"`,
			'cache-control': 'no-store'
		}
	});
};
