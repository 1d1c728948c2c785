// DELETE /api/imports/running/TOKEN: cancel an upload or import in progress (the token is the
// first NDJSON line of POST /api/imports). Only its uploader or an admin may; the import then
// rolls back, is logged 'cancelled', and the cancel is in the audit trail.
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { cancelImport } from '$lib/server/ingest/running-imports';
import { assertSameOrigin } from '$lib/server/http/origin';
import { appendAudit } from '$lib/server/audit/audit-log';
import type { RequestHandler } from './$types';

const Token = z.uuid();

export const DELETE: RequestHandler = async ({ request, url, params, locals }) => {
	assertSameOrigin(request, url);
	if (!locals.user) error(401, 'sign in first');
	const token = Token.safeParse(params.token);
	if (!token.success) error(400, 'not an import token');
	const outcome = cancelImport(token.data, locals.user);
	if (!outcome.ok) error(outcome.status, outcome.status === 404 ? 'no such import in progress (it may have just finished)' : 'only the uploader or an admin can cancel this import');
	const { entry, reason, already } = outcome;
	if (!already) await appendAudit({
		userId: locals.user.user_id, email: locals.user.email, action: 'import_cancel', target: entry.fileName,
		details: { token: entry.token, uploader: entry.email, reason, state: entry.state }
	});
	return json({ cancelled: true, token: entry.token, fileName: entry.fileName }, { status: 202, headers: { 'cache-control': 'no-store' } });
};
