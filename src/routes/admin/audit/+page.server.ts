import { z } from 'zod';
import { listAudit } from '$lib/server/audit/audit-list';
import { verifyAudit } from '$lib/server/audit/audit-log';
import type { PageServerLoad } from './$types';

const Query = z.object({ action: z.string().regex(/^[a-z_]*$/).max(40).optional(), email: z.string().max(254).optional() });

export const load = (async ({ url }) => {
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	const filter = q.success ? q.data : {};
	const [rows, verification] = await Promise.all([listAudit({ ...filter, limit: 500 }), verifyAudit()]);
	return { rows, verification, filter };
}) satisfies PageServerLoad;
