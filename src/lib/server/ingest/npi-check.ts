// NPI validation at import: each distinct NPI of the staged rows is checked once in JS (a file
// of millions of lines has a few hundred providers; the same Luhn check in SQL, per row, cost
// a third of a second per million lines). Bad ones go to a small temp table (col, v, p) that
// checkedView joins to add "column|reason|value" problems.
import type { DuckDBConnection } from '@duckdb/node-api';
import { npiProblem } from '../../npi.ts';
import { quoteIdent } from './build-staging-sql.ts';
import { runSql } from '../db/query-files.ts';

export async function stageBadNpis(conn: DuckDBConnection, stage: string, npiColumns: string[], badTable: string): Promise<{ col: string }[]> {
	const bad: { col: string; v: string; p: string }[] = [];
	for (const col of npiColumns) {
		const c = quoteIdent(col);
		const reader = await conn.runAndReadAll(`SELECT DISTINCT ${c} AS v FROM ${stage} WHERE ${c} IS NOT NULL`);
		for (const [v] of reader.getRowsJS() as [string][]) {
			const reason = npiProblem(v);
			if (reason) bad.push({ col, v, p: `${col}|${reason}|${v.slice(0, 200)}` });
		}
	}
	if (bad.length) {
		await runSql(conn, `CREATE TEMP TABLE ${badTable} AS SELECT unnest($cols) AS col, unnest($vs) AS v, unnest($ps) AS p`, {
			cols: bad.map((b) => b.col),
			vs: bad.map((b) => b.v),
			ps: bad.map((b) => b.p)
		});
	}
	return bad;
}
