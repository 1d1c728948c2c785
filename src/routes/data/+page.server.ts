import { z } from 'zod';
import { listImports } from '$lib/server/ingest/import-file';
import { listRejects } from '$lib/server/ingest/rejects-list';
import { fieldsByKind } from '$lib/schemas/fields';
import type { PageServerLoad } from './$types';

const Query = z.object({ import: z.coerce.number().int().positive().optional() });

export const load = (async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	const selected = q.success ? q.data.import : undefined;
	const imports = await listImports();
	const rejects = selected ? await listRejects(selected) : [];
	const fields = Object.fromEntries(
		Object.entries(fieldsByKind).map(([kind, defs]) => [kind, defs.map((f) => ({ name: f.name, type: f.type, required: Boolean(f.required), description: f.description, synonyms: f.synonyms }))])
	);
	return { imports, selected: selected ?? null, rejects: rejects.slice(0, 500), rejectCount: rejects.length, fields };
}) satisfies PageServerLoad;
