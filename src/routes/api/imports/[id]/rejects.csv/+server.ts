// GET /api/imports/ID/rejects.csv: every rejected row of one import (raw lines are PHI).
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { listRejects, rejectColumns } from '$lib/server/ingest/rejects-list';
import { toCsv } from '$lib/server/export/csv';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const id = z.coerce.number().int().positive().safeParse(params.id);
	if (!id.success) error(400, 'import id must be a positive whole number');
	const rows = await listRejects(id.data);
	return new Response(toCsv(rejectColumns, rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="import-${id.data}-rejects.csv"`,
			'cache-control': 'no-store'
		}
	});
};
