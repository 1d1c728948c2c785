// Request-body ceilings per route (security issue: an anonymous 300 MB post to the sign-in form
// was read into memory). hooks.server.ts calls checkBody() before the session lookup and before
// anything reads the body, so an oversized request is refused from its headers alone.
// adapter-node's BODY_SIZE_LIMIT (set by `claimlens serve` to the upload ceiling) stays the
// outer bound and also stops a body that sends more bytes than its Content-Length declared.
import { MAX_UPLOAD_BYTES } from '../ingest/upload.ts';

/** Forms (sign-in, users, sample frames and draws) and small JSON: a few KB is plenty. */
export const FORM_BODY_LIMIT = 16 * 1024;

/** A findings worksheet for a drawn sample (one row per sampled unit; 10,000 units is ~1 MB). */
export const FINDINGS_BODY_LIMIT = 8 * 1024 ** 2;

/**
 * The largest body each route accepts, in bytes. Only the authenticated import route takes a
 * large body, and it streams it to disk (saveUpload) instead of reading it into memory.
 */
export function bodyLimitFor(routeId: string | null): number {
	if (routeId === '/api/imports') return MAX_UPLOAD_BYTES;
	if (routeId === '/api/samples/[id]/findings' || routeId === '/samples/[id]') return FINDINGS_BODY_LIMIT;
	return FORM_BODY_LIMIT;
}

export interface BodyRefusal {
	status: 411 | 413;
	message: string;
}

/**
 * null when the request may be read; else the refusal. A body without Content-Length (chunked)
 * is accepted only where the route streams it (the import route counts as it writes); elsewhere
 * 411, since its size cannot be judged before reading.
 */
export function checkBody(method: string, headers: Headers, routeId: string | null): BodyRefusal | null {
	if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return null;
	const limit = bodyLimitFor(routeId);
	const declared = headers.get('content-length');
	if (declared === null) {
		if (!headers.has('transfer-encoding')) return null; // no body at all
		return routeId === '/api/imports' ? null : { status: 411, message: 'send a Content-Length with the request body' };
	}
	const n = /^\d{1,15}$/.test(declared.trim()) ? Number(declared) : NaN;
	if (!Number.isSafeInteger(n)) return { status: 411, message: 'the Content-Length header is not a byte count' };
	if (n > limit) return { status: 413, message: `request body of ${n} bytes is over this address's limit of ${limit} bytes` };
	return null;
}
