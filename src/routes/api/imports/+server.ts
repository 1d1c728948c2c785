// POST /api/imports?name=FILE[&kind=...][&mapping=JSON]: the raw file as the request body.
// Answers with NDJSON: progress lines while DuckDB reads the file, then the result or error.
import { rmSync } from 'node:fs';
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { DataYear, ImportKind, MappingFile, TextEncodingName } from '$lib/schemas/fields';
import { importFile, listImports, ImportRefused } from '$lib/server/ingest/import-file';
import { saveUpload } from '$lib/server/ingest/upload';
import { assertSameOrigin } from '$lib/server/http/origin';
import { appendAudit } from '$lib/server/audit/audit-log';
import type { RequestHandler } from './$types';

const Query = z.object({
	name: z.string().min(1).max(255),
	kind: ImportKind.optional(),
	mapping: z.string().max(20_000).optional(),
	/** data year of a CMS provider-and-service file whose name names none */
	year: DataYear.optional(),
	encoding: TextEncodingName.optional()
});

export const GET: RequestHandler = async () => json(await listImports(), { headers: { 'cache-control': 'no-store' } });

export const POST: RequestHandler = async ({ request, url, locals }) => {
	assertSameOrigin(request, url);
	if (!locals.user) error(401, 'sign in first');
	const user = locals.user;
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	let mapping: MappingFile | undefined;
	if (q.data.mapping) {
		const parsed = MappingFile.safeParse((() => { try { return JSON.parse(q.data.mapping as string); } catch { return null; } })());
		if (!parsed.success) error(400, 'mapping is not a valid mapping file ({"kind"?, "columns": {field: header}})');
		mapping = parsed.data;
	}
	if (!request.body) error(400, 'empty request body: send the file');
	const { name, kind, year, encoding } = q.data;
	const encoder = new TextEncoder();
	const body = request.body;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (obj: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(obj)}\n`));
			let path: string | null = null;
			try {
				path = await saveUpload(body, name);
				send({ type: 'uploaded' });
				const result = await importFile(path, {
					kind,
					mapping,
					year,
					encoding,
					displayName: name,
					onProgress: (p) => send({ type: 'progress', ...p })
				});
				await appendAudit({ userId: user.user_id, email: user.email, action: 'import', target: name, details: { importId: result.importId, kind: result.kind, status: result.status, checksum: result.checksum, rowsRead: result.rowsRead, rowsLoaded: result.rowsLoaded, rowsRejected: result.rowsRejected } });
				send({ type: 'result', result });
			} catch (e) {
				const message = e instanceof ImportRefused ? e.message : `${name}: import failed: ${(e as Error).message.split('\n')[0]}`;
				await appendAudit({ userId: user.user_id, email: user.email, action: 'import', target: name, details: { status: 'refused', message } }).catch(() => {});
				send({ type: 'error', message });
			} finally {
				// the upload holds PHI: it does not outlive its import, whatever the outcome
				if (path) rmSync(path, { force: true });
				controller.close();
			}
		}
	});
	return new Response(stream, { headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' } });
};
