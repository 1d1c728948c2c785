// Audit records for reads (security.md; security issue 15 item 2). A "view" of provider- or
// patient-level rows is recorded before the response leaves: if the record cannot be written
// the rows are not sent. A download (an attachment) is bracketed: `export_start` (who, what,
// filters, de-identification tier) is written before the first byte, then `export_end` with
// the rows, bytes and sha256 of exactly what was sent, or `export_aborted` with what had been
// sent when the client went away or the stream failed. A start with neither means the server
// stopped mid-download.
import { createHash } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { accessFor } from '../auth/route-access.ts';
import { appendAudit } from './audit-log.ts';

export async function auditResponse(event: RequestEvent, routeId: string, response: Response): Promise<Response> {
	const kind = accessFor(routeId)?.audit;
	const user = event.locals.user;
	if (!kind || !user || response.status !== 200) return response;
	const filters = Object.fromEntries(event.url.searchParams);
	const base = { userId: user.user_id, email: user.email, target: event.url.pathname };
	const isExport = kind === 'export' && /attachment/.test(response.headers.get('content-disposition') ?? '');
	if (!isExport || !response.body) {
		await appendAudit({ ...base, action: 'view', details: { filters } });
		return response;
	}
	const tier = response.headers.get('x-deidentification-tier') ?? filters.tier ?? null;
	const start = await appendAudit({ ...base, action: 'export_start', details: { filters, tier } });
	return new Response(meteredBody(response, (outcome) => {
		void appendAudit({ ...base, action: outcome.action, details: { start, filters, tier, rows: outcome.rows, bytes: outcome.bytes, sha256: outcome.sha256, ...(outcome.reason ? { reason: outcome.reason } : {}) } }).catch((e) => console.error('audit', e));
	}), { status: response.status, statusText: response.statusText, headers: response.headers });
}

export interface ExportOutcome {
	action: 'export_end' | 'export_aborted';
	rows: number | null;
	bytes: number;
	/** sha256 of the bytes sent (all of them for export_end, those sent before the stop otherwise) */
	sha256: string;
	reason?: string;
}

/**
 * The response body, hashed and counted as the client reads it (pull-driven: a slow client
 * slows the export instead of making the server buffer it); `done` is called exactly once.
 * Rows are the X-Row-Count header, else for CSV the line feeds minus the header line.
 */
export function meteredBody(response: Response, done: (o: ExportOutcome) => void): ReadableStream<Uint8Array> {
	const reader = (response.body as ReadableStream<Uint8Array>).getReader();
	const hash = createHash('sha256');
	const csv = (response.headers.get('content-type') ?? '').includes('text/csv');
	let bytes = 0;
	let newlines = 0;
	let finished = false;
	const finish = (action: ExportOutcome['action'], reason?: string) => {
		if (finished) return;
		finished = true;
		const header = response.headers.get('x-row-count');
		const rows = header !== null ? Number(header) : csv ? Math.max(0, newlines - 1) : null;
		done({ action, rows: action === 'export_end' ? rows : csv ? Math.max(0, newlines - 1) : null, bytes, sha256: hash.digest('hex'), reason });
	};
	return new ReadableStream<Uint8Array>(
		{
			async pull(controller) {
				try {
					const { done: end, value } = await reader.read();
					if (end) {
						finish('export_end');
						controller.close();
						return;
					}
					hash.update(value);
					bytes += value.length;
					if (csv) for (const b of value) if (b === 10) newlines++;
					controller.enqueue(value);
				} catch (e) {
					finish('export_aborted', `the export failed: ${(e as Error).message.split('\n')[0]}`);
					controller.error(e);
				}
			},
			async cancel(reason) {
				finish('export_aborted', 'the client stopped reading (closed the connection or cancelled the download)');
				await reader.cancel(reason).catch(() => {});
			}
		},
		{ highWaterMark: 0 }
	);
}
