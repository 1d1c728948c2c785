import { z } from 'zod';
import { listAudit } from '$lib/server/audit/audit-list';
import { auditActions, verifyAudit } from '$lib/server/audit/audit-log';
import type { PageServerLoad } from './$types';

const Query = z.object({ action: z.string().regex(/^[a-z_]*$/).max(40).optional(), email: z.string().max(254).optional(), full: z.literal('1').optional() });

export const load = (async ({ url }) => {
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	const { full, ...filter } = q.success ? q.data : {};
	// incremental by default (a full check of 200k records takes seconds); ?full=1 reads them all
	const [rows, verification] = await Promise.all([listAudit({ ...filter, limit: 500 }), verifyAudit(undefined, { full: full === '1' })]);
	return { rows, verification, filter, actions: [...auditActions] };
}) satisfies PageServerLoad;
