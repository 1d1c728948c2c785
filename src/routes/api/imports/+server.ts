// POST /api/imports?name=FILE[&kind=...][&mapping=JSON]: the raw file as the request body.
// Answers with NDJSON: progress lines while DuckDB reads the file, then the result or error.
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { ImportKind, MappingFile } from '$lib/schemas/fields';
import { importFile, listImports, ImportRefused } from '$lib/server/ingest/import-file';
import { saveUpload } from '$lib/server/ingest/upload';
import { assertSameOrigin } from '$lib/server/http/origin';
import type { RequestHandler } from './$types';

const Query = z.object({
	name: z.string().min(1).max(255),
	kind: ImportKind.optional(),
	mapping: z.string().max(20_000).optional()
});

export const GET: RequestHandler = async () => json(await listImports(), { headers: { 'cache-control': 'no-store' } });

export const POST: RequestHandler = async ({ request, url }) => {
	assertSameOrigin(request, url);
	const q = Query.safeParse(Object.fromEntries(url.searchParams));
	if (!q.success) error(400, `bad query: ${q.error.issues[0]?.path.join('.')}: ${q.error.issues[0]?.message}`);
	let mapping: MappingFile | undefined;
	if (q.data.mapping) {
		const parsed = MappingFile.safeParse((() => { try { return JSON.parse(q.data.mapping as string); } catch { return null; } })());
		if (!parsed.success) error(400, 'mapping is not a valid mapping file ({"kind"?, "columns": {field: header}})');
		mapping = parsed.data;
	}
	if (!request.body) error(400, 'empty request body: send the file');
	const { name, kind } = q.data;
	const encoder = new TextEncoder();
	const body = request.body;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (obj: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(obj)}\n`));
			try {
				const path = await saveUpload(body, name);
				send({ type: 'uploaded' });
				const result = await importFile(path, {
					kind,
					mapping,
					displayName: name,
					onProgress: (p) => send({ type: 'progress', ...p })
				});
				send({ type: 'result', result });
			} catch (e) {
				const message = e instanceof ImportRefused ? e.message : `${name}: import failed: ${(e as Error).message.split('\n')[0]}`;
				send({ type: 'error', message });
			} finally {
				controller.close();
			}
		}
	});
	return new Response(stream, { headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' } });
};
