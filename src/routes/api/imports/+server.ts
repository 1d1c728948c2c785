// POST /api/imports?name=FILE[&kind=...][&mapping=JSON]: the raw file as the request body.
// Answers with NDJSON: first {type:'started', token} (DELETE /api/imports/running/TOKEN cancels),
// progress lines while DuckDB reads the file, then the result, error or cancellation. A client
// that goes away (upload aborted, response stream cancelled) cancels the import.
import { rmSync } from 'node:fs';
import { basename } from 'node:path';
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { DataYear, ImportKind, MappingFile, TextEncodingName } from '$lib/schemas/fields';
import { importFile, listImports, ImportRefused, ImportCancelled } from '$lib/server/ingest/import-file';
import { registerImport, unregisterImport } from '$lib/server/ingest/running-imports';
import { saveUpload } from '$lib/server/ingest/upload';
import { warmCaches } from '$lib/server/warm';
import { assertSameOrigin } from '$lib/server/http/origin';
import { cleanFileName, scrubPaths } from '$lib/server/http/scrub-paths';
import { appendAudit } from '$lib/server/audit/audit-log';
import type { RequestHandler } from './$types';

const Query = z.object({
	/** a label only (stored under a random name); control characters removed so it cannot forge a log or CSV line */
	name: z.string().max(1000).transform(cleanFileName).pipe(z.string().min(1, 'the file name is empty')),
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
	const running = registerImport({ userId: user.user_id, email: user.email }, name);
	const { token, controller: cancel } = running;
	// the client went away: stop the upload or the import, and say so in the audit trail
	const clientGone = () => {
		if (cancel.signal.aborted) return;
		cancel.abort('client disconnected');
		void appendAudit({ userId: user.user_id, email: user.email, action: 'import_cancel', target: name, details: { token, reason: 'client disconnected', state: running.state } }).catch(() => {});
	};
	if (request.signal.aborted) clientGone();
	else request.signal.addEventListener('abort', clientGone, { once: true });
	let open = true;
	const stream = new ReadableStream<Uint8Array>({
		async start(controller) {
			const send = (obj: unknown) => {
				if (open) controller.enqueue(encoder.encode(`${JSON.stringify(obj)}\n`));
			};
			let path: string | null = null;
			try {
				send({ type: 'started', token });
				path = await saveUpload(body, name, cancel.signal);
				running.state = 'importing';
				send({ type: 'uploaded' });
				const result = await importFile(path, {
					kind,
					mapping,
					year,
					encoding,
					displayName: name,
					signal: cancel.signal,
					onProgress: (p) => send({ type: 'progress', ...p })
				});
				await appendAudit({ userId: user.user_id, email: user.email, action: 'import', target: name, details: { importId: result.importId, kind: result.kind, status: result.status, checksum: result.checksum, rowsRead: result.rowsRead, rowsLoaded: result.rowsLoaded, rowsRejected: result.rowsRejected } });
				// the pages this import changed are computed now, so the next visitor does not wait
				if (result.status === 'succeeded') {
					await warmCaches(undefined, (step) => send({ type: 'progress', phase: 'warming', percent: 100, rowsEstimate: result.rowsRead, rowsPerSecond: 0, step })).catch((e) => console.error('warming after import', e));
				}
				send({ type: 'result', result });
			} catch (e) {
				// cancelled during the upload: the body stream fails with an abort error of its own
				const err = cancel.signal.aborted && !(e instanceof ImportRefused) ? new ImportCancelled(name, String(cancel.signal.reason)) : e;
				const cancelled = err instanceof ImportCancelled;
				// the stored upload's path (and any other server path) never reaches the client
				const raw = err instanceof ImportRefused ? err.message : `${name}: import failed: ${(err as Error).message.split('\n')[0]}`;
				const message = scrubPaths(raw, path ? { [path]: name, [basename(path)]: name } : {});
				await appendAudit({ userId: user.user_id, email: user.email, action: 'import', target: name, details: { status: cancelled ? 'cancelled' : 'refused', token, message } }).catch(() => {});
				send({ type: cancelled ? 'cancelled' : 'error', message });
			} finally {
				unregisterImport(token);
				request.signal.removeEventListener('abort', clientGone);
				// the upload holds PHI: it does not outlive its import, whatever the outcome
				if (path) rmSync(path, { force: true });
				if (open) controller.close();
				open = false;
			}
		},
		cancel() {
			open = false;
			clientGone();
		}
	});
	return new Response(stream, { headers: { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' } });
};
