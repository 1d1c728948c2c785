import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { AccuracyFilters } from '$lib/schemas/accuracy';
import { getCoderAccuracy } from '$lib/server/accuracy/get-accuracy';
import type { PageServerLoad } from './$types';

const Coder = z.string().trim().min(1).max(200);
const ErrorsOnly = z.enum(['1', 'true', '']).optional().transform((v) => v === '1' || v === 'true');

export const load = (async ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const coder = Coder.safeParse(params.coder);
	const { errors, ...rest } = Object.fromEntries(url.searchParams);
	const q = AccuracyFilters.safeParse(rest);
	const errorsOnly = ErrorsOnly.safeParse(errors);
	if (!coder.success) error(400, 'bad coder id');
	if (!q.success) error(400, `bad filter: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	if (!errorsOnly.success) error(400, 'bad filter: errors: use errors=1');
	const { coder: _ignored, ...filters } = q.data;
	const d = await getCoderAccuracy(coder.data, filters, { errorsOnly: errorsOnly.data, limit: 500 });
	const filtered = Object.values(filters).some((v) => v !== undefined);
	if (d.overall.audited_lines === 0 && !filtered) error(404, `no audited lines for coder ${coder.data}`);
	return { d, errorsOnly: errorsOnly.data };
}) satisfies PageServerLoad;
