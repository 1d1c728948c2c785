// Listing the audit trail (admin page, `claimlens audit-log list`), newest first, filtered.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';

export interface AuditFilter {
	action?: string;
	email?: string;
	limit?: number;
}

export function listAudit(filter: AuditFilter = {}, dbPath = defaultDbPath()) {
	return withConnection((conn) => runQuery(conn, 'audit/list', { action: filter.action ?? '', email: filter.email ?? '', limit: filter.limit ?? 200 }), dbPath);
}
