import { z } from 'zod';
import { listImports } from '$lib/server/ingest/import-file';
import { listRejects } from '$lib/server/ingest/rejects-list';
import { kindsForDisplay as tableKinds, x12Kinds } from '$lib/import-kinds/index';
import type { PageServerLoad } from './$types';

const Query = z.object({ import: z.coerce.number().int().positive().optional() });

export const load = (async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	const selected = q.success ? q.data.import : undefined;
	const imports = await listImports();
	const rejects = selected ? await listRejects(selected) : [];
	// the registry (src/lib/import-kinds/) documents every kind: label, help and fields
	const fields = Object.fromEntries(
		tableKinds.map((k) => [k.id, k.fields.map((f) => ({ name: f.name, type: f.type, required: Boolean(f.required), description: f.description, synonyms: f.synonyms }))])
	);
	const kinds = tableKinds.map((k) => ({ id: k.id as string, label: k.label, help: k.help }));
	return { imports, selected: selected ?? null, rejects: rejects.slice(0, 500), rejectCount: rejects.length, fields, kinds, x12Kinds: x12Kinds.map((k) => ({ label: k.label })) };
}) satisfies PageServerLoad;
