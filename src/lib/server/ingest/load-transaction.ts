// The load step of an import (import-file.ts decides what to read and how; this writes it):
// one pass and one transaction that reads the file into its target table with each row's
// problems, moves the rejected rows to import_rejects, builds what the kind feeds (denial
// facts) and commits, reporting progress and each step's name.
import type { DuckDBConnection } from '@duckdb/node-api';
import { readQuery } from '../db/query-files.ts';
import type { ImportKind } from '../../schemas/fields.ts';
import type { HeaderMapping } from './header-mapping.ts';
import { buildStagingSql, checkedView, quoteIdent, type ValueFormats } from './build-staging-sql.ts';
import { stageBadNpis } from './npi-check.ts';
import { interruptOnAbort, type ImportStop } from './cancel.ts';
import type { SourceInfo } from './sources.ts';
import { stageRejects } from './rejects.ts';
import type { TypedColumn } from './typed-columns.ts';
import { buildFactsInTransaction } from '../denials/facts.ts';
import { kindModule } from '../../import-kinds/index.ts';
import type { ImportProgress } from './import-file.ts';

/**
 * The reader met something the first reading plan did not expect, anywhere in the file: a
 * value of a typed fast-path column in a documented format the first 64 KB did not show
 * (2,450.00, $95.00, 01/05/2024), or bytes that are not UTF-8. The transaction is rolled back and
 * the file read again with those columns on the text path, or decoded as Windows-1252.
 */
export class ReadAgain extends Error {
	constructor(readonly textColumns: string[], readonly notUtf8: boolean) {
		super('read again');
	}
}

export class DuplicateImport extends Error {
	constructor(readonly earlierId: number) {
		super(`duplicate of import #${earlierId}`);
	}
}

export interface LoadJob {
	stop: ImportStop;
	typed: Map<string, TypedColumn>;
	formats: ValueFormats;
	/** bytes that are not UTF-8 make the file be read again as Windows-1252 (nothing declared, head plain ASCII) */
	retryEncoding: boolean;
	notes: string[];
	hasRoster: boolean;
	dataYear: number | null;
	checksum: Promise<string>;
	duplicateOf: () => Promise<number | null>;
	id: number;
	path: string;
	fileName: string;
	kind: ImportKind;
	source: SourceInfo;
	mapping: HeaderMapping;
	started: number;
	onProgress?: (p: ImportProgress) => void;
}

/** CLAIMLENS_PROFILE=1 prints each import step's duration on stderr (benchmark tuning). */
const profile = process.env.CLAIMLENS_PROFILE === '1';
async function step<T>(label: string, fn: () => Promise<T>): Promise<T> {
	if (!profile) return fn();
	const t0 = performance.now();
	try {
		return await fn();
	} finally {
		process.stderr.write(`  [import] ${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s\n`);
	}
}

/**
 * One pass and one transaction: DuckDB reads the file and writes every row, converted, straight
 * into the target table together with its list of problems (`import_problems`), in file order
 * (so rowids give line numbers). Then, still inside the transaction, the rejected rows are
 * copied to import_rejects and deleted, the provider-service roll-up is added and the log
 * updated. Nobody else ever sees the rejected rows; a failure rolls everything back. Writing
 * once, instead of staging in a temp table and copying, keeps the import near bare DuckDB speed.
 */
export async function loadInTransaction(conn: DuckDBConnection, job: LoadJob) {
	const { id, kind, source } = job;
	const t = { bad: `bad_npi_${id}`, rejects: `rej_${id}`, csvRejects: `rejects_${id}` };
	const mod = kindModule(kind);
	const { innerList, outerList, targetColumns, npiColumns } = buildStagingSql(kind, job.mapping.columns, new Set(job.typed.keys()), job.formats, { hasRoster: job.hasRoster });
	const cols = targetColumns.map(quoteIdent).join(', ');
	const table = mod.target;
	const mine = mod.tag ? `import_id = ${id} AND ${quoteIdent(mod.tag.column)} = '${mod.tag.value}'` : `import_id = ${id}`;
	// settings are speed hints only: a locked configuration (web server) refuses them, harmlessly;
	// progress is sampled from 1 s on (tracking it from 0 s slowed the read by a third)
	const trySet = (sql: string) => conn.run(sql).then(() => undefined, () => undefined);
	await trySet('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 1000');
	const cleanup = `DROP VIEW IF EXISTS import_rows; DROP VIEW IF EXISTS import_rows_raw; DROP TABLE IF EXISTS ${t.bad}; DROP TABLE IF EXISTS ${t.rejects};
		DROP TABLE IF EXISTS ${t.csvRejects}; DROP TABLE IF EXISTS ${t.csvRejects}_scan`;
	// interrupts the statement in flight when the import is stopped; off before ROLLBACK and after COMMIT
	let interrupts: { stop: () => void } | null = null;
	try {
		await conn.run('BEGIN TRANSACTION');
		interrupts = interruptOnAbort(conn, job.stop.signal);
		const timer = job.onProgress ? setInterval(() => reportProgress(conn, job), 250) : null;
		try {
			const prefix = [mod.tag ? quoteIdent(mod.tag.column) : null, 'import_id', job.dataYear ? 'data_year' : null].filter(Boolean).join(', ');
			const values = [mod.tag ? `'${mod.tag.value}'` : null, '$id', job.dataYear ? String(job.dataYear) : null].filter(Boolean).join(', ');
			await step('read + convert + write', () =>
				conn.run(
					`INSERT INTO ${table} (${prefix}, ${cols}, import_problems)
					 SELECT ${values}, * FROM (SELECT ${outerList} FROM (SELECT ${innerList} FROM ${source.relation(t.csvRejects)}))`,
					{ path: job.path, id }
				)
			);
		} finally {
			if (timer) clearInterval(timer);
		}
		job.stop.check();
		if (source.hasRejectsTable) await checkReaderRejects(conn, t.csvRejects, job.typed, job.retryEncoding);
		// after the read the percentage says nothing more: name each step instead
		const say = (step: string) => job.onProgress?.({ phase: 'loading', percent: 100, rowsEstimate: source.rowsEstimate, rowsPerSecond: 0, step });
		say('checking NPIs');
		await conn.run(`CREATE OR REPLACE TEMP VIEW import_rows_raw AS SELECT *, import_problems AS problems, rowid AS rid FROM ${table} WHERE ${mine}`);
		const badNpis = await step('check NPIs', () => stageBadNpis(conn, 'import_rows_raw', npiColumns, t.bad));
		const firstRowid = Number((await conn.runAndReadAll(`SELECT coalesce(min(rowid), 0)::BIGINT AS r FROM ${table} WHERE ${mine}`)).getRowObjectsJS()[0]?.r ?? 0);
		// import_rows: this import's rows with `rn` (data-row index) and NPI problems added
		await conn.run(checkedView('import_rows_raw', 'import_rows', firstRowid, badNpis, t.bad));
		say('recording rejected rows');
		const counts = await step('rejects', async () => {
			const c = await stageRejects(conn, { casts: job.typed, id, fileName: job.fileName, stage: 'import_rows', rejectsTable: source.hasRejectsTable ? t.csvRejects : null, firstDataLine: source.firstDataLine, rejectLineOffset: source.rejectLineOffset, into: t.rejects });
			if (c.rowsRejected) {
				await conn.run(`INSERT INTO import_rejects SELECT * FROM ${t.rejects} ORDER BY line`);
				await conn.run(`DELETE FROM ${table} WHERE rowid IN (SELECT rid FROM import_rows WHERE len(problems) > 0)`);
			}
			return c;
		});
		for (const q of mod.afterLoad ?? []) {
			await step(q, () => conn.run(readQuery(q), { import_id: id }));
		}
		const earlier = await step('checksum', () => job.duplicateOf());
		if (earlier !== null) throw new DuplicateImport(earlier);
		await conn.run(
			`UPDATE imports SET status = 'succeeded', checksum = $c, finished_at = now()::TIMESTAMP, rows_read = $read, rows_loaded = $loaded,
			 rows_rejected = $rejected, message = $msg WHERE import_id = $id`,
			{ id, c: await job.checksum, read: counts.rowsRead, loaded: counts.rowsLoaded, rejected: counts.rowsRejected, msg: [`${counts.rowsRejected} rows rejected`, ...job.notes].join('; ') }
		);
		// derived tables are built before the commit: rows that would break them refuse the import
		if (mod.feedsDenials) {
			say('building the denial tables');
			await step('denial facts', () => buildFactsInTransaction(conn));
		}
		say('saving');
		job.stop.check();
		await step('commit', () => conn.run('COMMIT'));
		// committed: a cancel arriving now is too late, and must not interrupt the clean-up
		interrupts.stop();
		job.onProgress?.({ phase: 'done', percent: 100, rowsEstimate: counts.rowsRead, rowsPerSecond: counts.rowsRead / Math.max(0.001, (Date.now() - job.started) / 1000) });
		return counts;
	} catch (e) {
		interrupts?.stop();
		await conn.run('ROLLBACK').catch(() => {});
		throw e;
	} finally {
		interrupts?.stop();
		await conn.run(cleanup).catch(() => {});
	}
}

/**
 * Throws ReadAgain when the reader rejected a value of a typed fast-path column (a format the
 * sample did not show: the text path accepts every documented one) or met bytes that are not
 * UTF-8; real problems are then reported by the text path, with their values.
 */
async function checkReaderRejects(conn: DuckDBConnection, table: string, typed: Map<string, TypedColumn>, retryEncoding: boolean): Promise<void> {
	const r = await conn.runAndReadAll(
		`SELECT list(DISTINCT column_name) FILTER (WHERE error_type = 'CAST') AS casts,
			count(*) FILTER (WHERE error_type IN ('INVALID ENCODING', 'INVALID UNICODE')) AS encoding
		 FROM ${table}`
	);
	const row = r.getRowObjectsJS()[0] as { casts: string[] | null; encoding: bigint } | undefined;
	const casts = (row?.casts ?? []).filter((c) => typed.has(c));
	// a UTF-8 file (its head shows UTF-8 characters) keeps its bad-byte lines as rejects
	const notUtf8 = retryEncoding && Number(row?.encoding ?? 0) > 0;
	if (casts.length || notUtf8) throw new ReadAgain(casts, notUtf8);
}

function reportProgress(conn: DuckDBConnection, job: LoadJob): void {
	const p = conn.progress;
	if (p.percentage < 0) return;
	const seconds = Math.max(0.001, (Date.now() - job.started) / 1000);
	const rows = Math.round((job.source.rowsEstimate * p.percentage) / 100);
	job.onProgress?.({ phase: 'reading', percent: p.percentage, rowsEstimate: rows, rowsPerSecond: rows / seconds });
}

