// The rejected rows of one import: Data page table, CSV download and `claimlens rejects`.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';

export const rejectColumns = ['file_name', 'line', 'column_name', 'reason', 'value', 'raw'];

export function listRejects(importId: number, dbPath = defaultDbPath()) {
	return withConnection((conn) => runQuery(conn, 'import_rejects', { import_id: importId }), dbPath);
}
