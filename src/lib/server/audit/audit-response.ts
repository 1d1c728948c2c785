// Audit records for reads: a "view" for provider- or patient-level pages and row endpoints, an
// "export" for downloads, with the filters (query string), the row count and the sha256 of the
// bytes sent, hashed as the export streams to the client.
import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { accessFor } from '../auth/route-access.ts';
import { appendAudit } from './audit-log.ts';

export function auditResponse(event: RequestEvent, routeId: string, response: Response): Response {
	const kind = accessFor(routeId)?.audit;
	const user = event.locals.user;
	if (!kind || !user || response.status !== 200) return response;
	const filters = Object.fromEntries(event.url.searchParams);
	const base = { userId: user.user_id, email: user.email, target: event.url.pathname };
	const isExport = kind === 'export' && /attachment/.test(response.headers.get('content-disposition') ?? '');
	if (!isExport || !response.body) {
		void appendAudit({ ...base, action: kind === 'export' ? 'view' : kind, details: { filters } }).catch((e) => console.error('audit', e));
		return response;
	}
	// hash in the stream itself (not a tee), so a slow client slows the export instead of
	// making the server buffer it
	const hash = createHash('sha256');
	let bytes = 0;
	let newlines = 0;
	const csv = (response.headers.get('content-type') ?? '').includes('text/csv');
	const meter = new TransformStream<Uint8Array, Uint8Array>({
		transform(chunk, controller) {
			hash.update(chunk);
			bytes += chunk.length;
			if (csv) for (const b of chunk) if (b === 10) newlines++;
			controller.enqueue(chunk);
		},
		flush() {
			const rows = response.headers.get('x-row-count') ?? (csv ? String(Math.max(0, newlines - 1)) : null);
			void appendAudit({
				...base,
				action: 'export',
				details: { filters, rows: rows === null ? null : Number(rows), bytes, sha256: hash.digest('hex'), tier: response.headers.get('x-deidentification-tier') ?? filters.tier ?? null }
			}).catch((e) => console.error('audit', e));
		}
	});
	const toClient = response.body.pipeThrough(meter);
	return new Response(toClient, { status: response.status, statusText: response.statusText, headers: response.headers });
}
