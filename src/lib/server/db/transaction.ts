// One unit of work as one DuckDB transaction: committed when fn resolves, rolled back when it
// throws, so a half-applied change (a new password whose old sessions were not ended) never stays.
import type { DuckDBConnection } from '@duckdb/node-api';

export async function inTransaction<T>(conn: DuckDBConnection, fn: () => Promise<T>): Promise<T> {
	await conn.run('BEGIN TRANSACTION');
	try {
		const result = await fn();
		await conn.run('COMMIT');
		return result;
	} catch (e) {
		await conn.run('ROLLBACK').catch(() => {});
		throw e;
	}
}
