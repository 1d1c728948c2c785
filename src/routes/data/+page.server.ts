import { z } from 'zod';
import { listImports } from '$lib/server/ingest/import-file';
import { listRejects } from '$lib/server/ingest/rejects-list';
import { visibleImports } from '$lib/server/ingest/running-imports';
import { kindsForDisplay as tableKinds, x12Kinds } from '$lib/import-kinds/index';
import { allowed } from '$lib/server/auth/roles';
import { appendAudit } from '$lib/server/audit/audit-log';
import type { PageServerLoad } from './$types';

const Query = z.object({ import: z.coerce.number().int().positive().optional() });

export const load = (async ({ url, setHeaders, locals }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	const selected = q.success ? q.data.import : undefined;
	const imports = await listImports();
	// rejected rows quote raw file lines (PHI): only roles that may import see them, as with the
	// rejects CSV, and each viewing is audited; other roles see how many there were
	const mayImport = allowed('import', locals.user?.role ?? null);
	const all = selected ? await listRejects(selected) : [];
	const rejects = mayImport ? all.slice(0, 500) : [];
	if (selected && mayImport && locals.user && rejects.length > 0) {
		await appendAudit({ userId: locals.user.user_id, email: locals.user.email, action: 'view', target: url.pathname, details: { filters: { import: String(selected) }, what: 'rejected rows', rows: rejects.length } });
	}
	// the registry (src/lib/import-kinds/) documents every kind: label, help and fields
	const fields = Object.fromEntries(
		tableKinds.map((k) => [k.id, k.fields.map((f) => ({ name: f.name, type: f.type, required: Boolean(f.required), description: f.description, synonyms: f.synonyms }))])
	);
	const kinds = tableKinds.map((k) => ({ id: k.id as string, label: k.label, help: k.help }));
	// uploads and imports in progress in this server: an admin sees all, others their own
	const running = locals.user ? visibleImports(locals.user) : [];
	return { running, imports, selected: selected ?? null, rejects, rejectCount: all.length, mayImport, fields, kinds, x12Kinds: x12Kinds.map((k) => ({ label: k.label })) };
}) satisfies PageServerLoad;
