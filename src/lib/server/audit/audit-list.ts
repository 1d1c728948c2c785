// Listing the audit trail (admin page, `claimlens audit-log list`), newest first, filtered.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runSql } from '../db/query-files.ts';

export interface AuditFilter {
	action?: string;
	email?: string;
	limit?: number;
}

export function listAudit(filter: AuditFilter = {}, dbPath = defaultDbPath()) {
	return withConnection(
		(conn) =>
			runSql(
				conn,
				`SELECT seq, strftime(logged_at, '%Y-%m-%d %H:%M:%S') AS logged_at, email, action, target, details, hash
				 FROM audit_log
				 WHERE ($action = '' OR action = $action) AND ($email = '' OR email ILIKE '%' || $email || '%')
				 ORDER BY seq DESC LIMIT $limit`,
				{ action: filter.action ?? '', email: filter.email ?? '', limit: filter.limit ?? 200 }
			),
		dbPath
	);
}
