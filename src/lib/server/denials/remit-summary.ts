// What the 835 remittance imports hold, for the Denials page: per import, the file's payment
// total against its claim payments, and how many service lines matched imported claim lines.
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery } from '../db/query-files.ts';
import type { RemitImport, RemitSummary } from '../../schemas/denials.ts';

export type { RemitSummary };

export async function remitSummary(conn: DuckDBConnection): Promise<RemitSummary> {
	const imports = (await runQuery(conn, 'denials/remit_summary')) as unknown as RemitImport[];
	return {
		imports,
		service_lines: imports.reduce((s, i) => s + i.service_lines, 0),
		matched_lines: imports.reduce((s, i) => s + i.matched_lines, 0)
	};
}
