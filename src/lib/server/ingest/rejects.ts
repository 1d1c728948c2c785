// Rejected rows: value problems found by the staging SELECT (bad date, NPI, number, missing
// required value...) and structural ones from DuckDB's CSV reject table (column count, quotes,
// encoding, line length). Each gets its file line number. The staging table's rowid is the
// data-row index in file order (insertion order is preserved; `rn` is that rowid less the first,
// as temp-table rowids start at a large offset: see checkedView); structurally rejected lines are
// absent from it, so a row's line = rowid + first data line + rejected lines before it.
// Assumes one physical line per record (a quoted field spanning lines shifts later numbers).
import type { DuckDBConnection } from '@duckdb/node-api';

export interface RejectCounts {
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
}

interface RejectJob {
	/** typed columns (header -> canonical field and reason) for the reader's CAST rejects */
	casts?: Map<string, { field: string; reason: string }>;
	id: number;
	fileName: string;
	stage: string;
	rejectsTable: string | null;
	firstDataLine: number;
	/** added to the reader's reject line numbers (records) to make them file lines (SourceInfo.rejectLineOffset) */
	rejectLineOffset?: number;
}

const STRUCTURAL_REASON = `CASE error_type
	WHEN 'MISSING COLUMNS' THEN 'wrong column count'
	WHEN 'TOO MANY COLUMNS' THEN 'wrong column count'
	WHEN 'UNQUOTED VALUE' THEN 'bad quoting'
	WHEN 'INVALID ENCODING' THEN 'not UTF-8 text'
	WHEN 'INVALID UNICODE' THEN 'not UTF-8 text'
	WHEN 'LINE SIZE OVER MAXIMUM' THEN 'line too long'
	ELSE lower(error_type::VARCHAR) END || ' (' || error_message || ')'`;

/**
 * Builds temp table `into` with the import_rejects rows of this import (value problems and
 * structural rejects), ready to be copied inside the import's transaction, and counts rows.
 */
export async function stageRejects(conn: DuckDBConnection, job: RejectJob & { into: string }): Promise<RejectCounts> {
	const { id, fileName, stage, rejectsTable, firstDataLine, into } = job;
	const off = job.rejectLineOffset ?? 0;
	// w = the data-row index each structurally rejected line displaced (see header comment)
	const skipped = rejectsTable
		? `SELECT line + ${off} - ${firstDataLine} - (row_number() OVER (ORDER BY line) - 1) AS w FROM (SELECT DISTINCT line FROM ${rejectsTable})`
		: `SELECT NULL::BIGINT AS w WHERE false`;
	await conn.run(`CREATE TEMP TABLE ${into} AS SELECT * FROM import_rejects LIMIT 0`);
	await conn.run(
		`INSERT INTO ${into}
		 WITH skipped AS (${skipped}),
		 bad AS (SELECT rn, unnest(problems) AS p FROM ${stage} WHERE len(problems) > 0)
		 SELECT $id, $f,
			bad.rn + ${firstDataLine} + (SELECT count(*) FROM skipped WHERE skipped.w <= bad.rn),
			split_part(p, '|', 1), split_part(p, '|', 2), array_to_string(string_split(p, '|')[3:], '|'), NULL
		 FROM bad`,
		{ id, f: fileName }
	);
	if (rejectsTable) {
		// a value the reader could not cast in a typed column is a bad value of that field
		const casts = [...(job.casts ?? new Map())];
		const lit = (t: string) => `'${t.replace(/'/g, "''")}'`;
		const column = casts.length
			? `CASE ${casts.map(([h, c]) => `WHEN error_type = 'CAST' AND column_name = ${lit(h)} THEN ${lit(c.field)}`).join(' ')} ELSE column_name END`
			: 'column_name';
		const reason = casts.length
			? `CASE ${casts.map(([h, c]) => `WHEN error_type = 'CAST' AND column_name = ${lit(h)} THEN ${lit(c.reason)}`).join(' ')} ELSE ${STRUCTURAL_REASON} END`
			: STRUCTURAL_REASON;
		await conn.run(
			`INSERT INTO ${into}
			 SELECT $id, $f, line + ${off}, ${column}, ${reason}, left(trim(csv_line, E'\r\n'), 200), left(trim(csv_line, E'\r\n'), 2000)
			 FROM ${rejectsTable}
			 -- DuckDB logs a short row once per missing column: keep the first per line
			 QUALIFY row_number() OVER (PARTITION BY line ORDER BY column_idx) = 1`,
			{ id, f: fileName }
		);
	}
	const structural = rejectsTable ? `(SELECT count(DISTINCT line) FROM ${rejectsTable})` : '0';
	const reader = await conn.runAndReadAll(
		`SELECT count(*) FILTER (WHERE len(problems) = 0)::BIGINT AS loaded,
			count(*) FILTER (WHERE len(problems) > 0)::BIGINT AS bad_values,
			${structural}::BIGINT AS structural
		 FROM ${stage}`
	);
	const row = reader.getRowObjectsJS()[0] as { loaded: bigint; bad_values: bigint; structural: bigint };
	const loaded = Number(row.loaded);
	const rejected = Number(row.bad_values) + Number(row.structural);
	return { rowsRead: loaded + rejected, rowsLoaded: loaded, rowsRejected: rejected };
}
