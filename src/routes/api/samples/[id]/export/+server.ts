// GET /api/samples/ID/export?format=csv|xlsx|parquet&tier=full|limited|safe_harbor[&user=NAME]:
// the sampled units with their claim lines, streamed (pull-based: the database is read as fast
// as the client takes bytes). Logged with its row count and sha256 when complete.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { ExportFormat, Tier } from '$lib/schemas/sampling';
import { openExport, toWebStream } from '$lib/server/sampling/export';
import { SamplingError } from '$lib/server/sampling/frames';
import { actorName, allowedTiers } from '$lib/server/sampling/access';
import { sampleIdParam } from '../sample-id';
import type { RequestHandler } from './$types';

const Query = z.object({ format: ExportFormat.default('csv'), tier: Tier.default('safe_harbor'), user: z.string().trim().max(120).optional() });

export const GET: RequestHandler = async ({ params, url, locals }) => {
	const id = sampleIdParam(params.id);
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	if (!allowedTiers(locals.user?.role).includes(q.data.tier)) error(403, 'the full tier needs the auditor role');
	try {
		const ex = await openExport(id, { format: q.data.format, tier: q.data.tier, exportedBy: actorName(locals.user, q.data.user) });
		return new Response(toWebStream(ex.chunks), {
			headers: {
				'content-type': ex.contentType,
				'content-disposition': `attachment; filename="${ex.filename}"`,
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff',
				'x-deidentification-tier': q.data.tier
			}
		});
	} catch (e) {
		if (e instanceof SamplingError) error(404, e.message);
		throw e;
	}
};
