// The one import path (CLI, Data page upload, demo loader, benchmark): detect format and kind,
// map headers, then in ONE transaction stage the file through DuckDB's CSV/Parquet reader,
// load the valid rows and record every rejected row with its line, column and reason.
// A failure rolls back and leaves earlier data as it was; the import log keeps the attempt.
// A gzip'd file is first inflated once, counted and refused past its limits (size-limits.ts);
// an AbortSignal stops the import at the next step or interrupts DuckDB (cancel.ts).
import { cleanFileName } from '../http/scrub-paths.ts';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery, readQuery } from '../db/query-files.ts';
import type { ImportKind, MappingFile } from '../../schemas/fields.ts';
import { detectKind, mapHeaders, type HeaderMapping } from './header-mapping.ts';
import { buildStagingSql, checkedView, quoteIdent } from './build-staging-sql.ts';
import { stageBadNpis } from './npi-check.ts';
import { detectFormat, sniffCsv, ImportRefused, type CsvDialect, type FileFormat, type TextEncoding } from './sniff.ts';
import { rm } from 'node:fs/promises';
import { detectDecimal } from './value-formats.ts';
import { DEFAULT_DATE_FORMATS, type ValueFormats } from './build-staging-sql.ts';
import { transcodeToUtf8 } from './transcode.ts';
import { recognisedDataset, unknownKindMessage } from './other-datasets.ts';
import { measureFile, type Measured } from './checksum.ts';
import { sizeLimits, SizeLimitExceeded, type SizeLimits } from './size-limits.ts';
import { ImportCancelled, ImportStop, abortReason, interruptOnAbort } from './cancel.ts';
import { csvSourceFor, parquetSource, type SourceInfo } from './sources.ts';
import { stageRejects } from './rejects.ts';
import { typedColumns, type TypedColumn } from './typed-columns.ts';
import { isX12File, x12TransactionSet } from '../remit/x12-segments.ts';
import { importClaims837 } from '../claims837/load-837.ts';
import { importRemittance } from '../remit/load-remit.ts';
import { buildFactsInTransaction } from '../denials/facts.ts';
import { kindModule } from '../../import-kinds/index.ts';

export { ImportRefused, ImportCancelled };

export interface ImportProgress {
	/** checking: a gzip'd file is inflated and counted against the limits (percent of its bytes) */
	/** checking: a gzip's size; reading: DuckDB reads the file; loading: the steps after the read (named in `step`); warming: the page caches (warm.ts); done */
	phase: 'checking' | 'reading' | 'loading' | 'warming' | 'done';
	/** what the import is doing now, in words (loading and warming phases) */
	step?: string;
	percent: number;
	rowsEstimate: number;
	rowsPerSecond: number;
}

export interface ImportOptions {
	kind?: ImportKind;
	mapping?: MappingFile;
	/** name shown in the log and in reject messages (uploads are stored under random names) */
	displayName?: string;
	dbPath?: string;
	/** the file's text encoding when known (--encoding); else the mapping's, else detected */
	encoding?: TextEncoding;
	/** the file whose sha256 identifies the import (an 837's rows arrive as a hand-over CSV) */
	checksumPath?: string;
	/** the format recorded in the log when it is not the file's own ('x12' for an 837) */
	format?: 'x12';
	/** the data year of a CMS provider-and-service file (else read from its file name) */
	year?: number;
	onProgress?: (p: ImportProgress) => void;
	/**
	 * Cancels the import: queued, it never starts; running, it stops at the next step (a DuckDB
	 * statement is interrupted), rolls back and is logged 'cancelled'. The abort reason (a text:
	 * who or what cancelled) goes into the log and the refusal.
	 */
	signal?: AbortSignal;
}

export interface ImportResult {
	importId: number;
	fileName: string;
	checksum: string;
	/** 'remittance': an X12 835 file (src/lib/server/remit/) */
	kind: ImportKind | 'remittance';
	format: FileFormat | 'x12';
	status: 'succeeded' | 'duplicate';
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	mapping: HeaderMapping;
	seconds: number;
	message: string;
	/** what the user should know about how the file was read (notice lines skipped, encoding, decimal comma, repeats skipped) */
	notes: string[];
}


/** A Parquet file's source, or a CSV file's dialect (its source is built once the fast path is known). */
type Described = { parquet: SourceInfo; dialect: null } | { parquet: null; dialect: CsvDialect };

async function describe(path: string, format: FileFormat, conn: DuckDBConnection, encoding: TextEncoding | undefined, fileName: string): Promise<Described> {
	if (format === 'parquet') return { parquet: await parquetSource(conn, path, fileName), dialect: null };
	return { parquet: null, dialect: await sniffCsv(path, format, encoding) };
}

/**
 * The reader met something the first reading plan did not expect, anywhere in the file: a
 * value of a typed fast-path column in a documented format the first 64 KB did not show
 * (2,450.00, $95.00, 01/05/2024), or bytes that are not UTF-8. The transaction is rolled back and
 * the file read again with those columns on the text path, or decoded as Windows-1252.
 */
class ReadAgain extends Error {
	constructor(readonly textColumns: string[], readonly notUtf8: boolean) {
		super('read again');
	}
}

// One import at a time per process: DuckDB has one writer anyway, and the speed settings an
// import toggles (preserve_insertion_order) are global to the database instance.
let queue: Promise<unknown> = Promise.resolve();

export function importFile(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
	let started = false;
	const run = queue.then(() => {
		started = true;
		return importOne(path, opts);
	});
	queue = run.catch(() => {});
	const signal = opts.signal;
	if (!signal) return run;
	// cancelled while queued: refused at once, and its turn does nothing (importOne checks first)
	return new Promise<ImportResult>((resolve, reject) => {
		const onAbort = () => {
			if (!started) reject(new ImportCancelled(opts.displayName ?? basename(path), abortReason(signal)));
		};
		if (signal.aborted) onAbort();
		else signal.addEventListener('abort', onAbort, { once: true });
		void run.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
	});
}

async function importOne(path: string, opts: ImportOptions): Promise<ImportResult> {
	// a label in the log, messages and the audit trail: no control characters (scrub-paths.ts)
	const fileName = cleanFileName(opts.displayName ?? basename(path));
	const stop = new ImportStop(fileName, opts.signal);
	try {
		stop.check();
		return await importChecked(path, opts, fileName, stop);
	} catch (e) {
		// an abort surfaces as whatever the step in flight threw (AbortError, a DuckDB interrupt)
		if (stop.stopped && !(e instanceof ImportCancelled) && !(e instanceof SizeLimitExceeded)) throw stop.error(e);
		throw e;
	}
}

/** Progress at most every 250 ms (a per-chunk callback would flood the NDJSON stream). */
function throttled(onProgress: ((p: ImportProgress) => void) | undefined): (p: ImportProgress) => void {
	let last = 0;
	return (p) => {
		const now = Date.now();
		if (!onProgress || now - last < 250) return;
		last = now;
		onProgress(p);
	};
}

async function importChecked(path: string, opts: ImportOptions, fileName: string, stop: ImportStop): Promise<ImportResult> {
	// X12 files (first non-blank bytes "ISA"): 835 remittances and 837 claims by their ST01
	if (await isX12File(path)) {
		if ((await x12TransactionSet(path)) === '837') return importClaims837(path, opts, importOne);
		return importRemittance(path, opts);
	}
	const started = Date.now();
	const declaredEncoding = opts.encoding ?? opts.mapping?.encoding;
	const format = await detectFormat(path, declaredEncoding);
	const dbPath = opts.dbPath ?? defaultDbPath();
	const limits = sizeLimits();
	stop.check();
	// a gzip'd file is inflated once before anything else reads it: counted against the limits
	// (refused the moment one passes) and hashed in the same pass
	let measured: Measured | null = null;
	if (format === 'csv.gz') {
		const report = throttled(opts.onProgress);
		measured = await measureFile(path, {
			gz: true, fileName, limits, signal: stop.signal,
			onRead: (read, size) => report({ phase: 'checking', percent: (100 * read) / Math.max(1, size), rowsEstimate: 0, rowsPerSecond: 0 })
		});
	}
	return withConnection(async (conn) => {
		let encoding = declaredEncoding;
		const textColumns = new Set<string>();
		for (let attempt = 0; ; attempt++) {
			stop.check();
			const described = await describe(path, format, conn, encoding, fileName);
			const dialect = described.dialect;
			// a file that is not UTF-8 is decoded once into a UTF-8 copy next to the database (it
			// holds PHI: removed when the import ends, whatever happens)
			const transcoded = dialect && dialect.encoding !== 'utf-8' ? await transcodeToUtf8(path, dialect.encoding, format === 'csv.gz', dbPath, stop.signal) : null;
			try {
				return await importPlan(conn, {
					path, readPath: transcoded ?? path, gz: format === 'csv.gz' && !transcoded, fileName, format, started, opts, described, textColumns,
					retryEncoding: Boolean(dialect && dialect.encoding === 'utf-8' && !dialect.utf8Evidence && !declaredEncoding),
					stop, limits, measured
				});
			} catch (e) {
				if (!(e instanceof ReadAgain) || attempt >= 2) throw e;
				for (const c of e.textColumns) textColumns.add(c);
				// a head in plain ASCII and a bad UTF-8 byte later: the file is Windows-1252 (ANSI)
				if (e.notUtf8) encoding = 'windows-1252';
			} finally {
				if (transcoded) await rm(transcoded, { force: true });
			}
		}
	}, dbPath);
}

interface Plan {
	path: string;
	/** the file DuckDB reads: the upload itself, or its UTF-8 copy */
	readPath: string;
	gz: boolean;
	fileName: string;
	format: FileFormat;
	started: number;
	opts: ImportOptions;
	described: Described;
	/** columns a first attempt found values outside the fast path in: read as text */
	textColumns: ReadonlySet<string>;
	/** bytes that are not UTF-8 make the file be read again as Windows-1252 (nothing declared, head plain ASCII) */
	retryEncoding: boolean;
	stop: ImportStop;
	limits: SizeLimits;
	/** a gzip'd file's checksum and counts, from the pass before any reading */
	measured: Measured | null;
}

async function importPlan(conn: DuckDBConnection, plan: Plan): Promise<ImportResult> {
	const { path, fileName, started, opts, described } = plan;
	const format = opts.format ?? plan.format;
	const dialect = described.dialect;
	const headers = dialect ? dialect.headers : described.parquet.headers;
	const notes: string[] = [];
	// another CMS dataset (or a layout we know we cannot read) is named, not mapped
	if (!opts.kind && !opts.mapping && recognisedDataset(headers)) throw new ImportRefused(unknownKindMessage(fileName, headers));
	const kind = opts.kind ?? detectKind(headers, opts.mapping);
	if (!kind) throw new ImportRefused(unknownKindMessage(fileName, headers));
	let mapping: HeaderMapping;
	try {
		mapping = mapHeaders(headers, kind, opts.mapping);
	} catch (e) {
		throw new ImportRefused(`${fileName}: ${(e as Error).message}`);
	}
	// claim lines need a specialty (the peer group): from the file, else the provider roster
	const hasRoster = kind === 'claims' && Number((await runQuery(conn, 'provider_roster_count'))[0]?.n ?? 0) > 0;
	const missing = [...mapping.missingRequired, ...(kind === 'claims' && !mapping.columns.specialty && !hasRoster ? ['specialty'] : [])];
	if (opts.format === 'x12' && missing.includes('specialty')) {
		throw new ImportRefused(`${fileName}: X12 837 claim lines carry no specialty (the peer group); import your provider roster first (kind provider-roster: NPI and specialty or taxonomy code), then this file; nothing was imported`);
	}
	if (missing.length) {
		throw new ImportRefused(
			`${fileName}: no column for required ${kind} field(s) ${missing.join(', ')} ` +
				`(file headers: ${headers.join(', ')}); name them in a --mapping file` +
				(missing.includes('specialty') ? ', or import a provider roster (kind provider-roster) for the specialty' : '')
		);
	}
	// a yearly CMS file states its data year: given, else the one year its file name names
	let dataYear: number | null = null;
	if (kindModule(kind).dataYear) {
		dataYear = opts.year ?? yearFromFileName(fileName);
		if (!dataYear) throw new ImportRefused(`${fileName}: which data year is this CMS file? Its name names no single year (e.g. Medicare_Physician_2019.csv); pass --year YYYY (or the Data page's data year)`);
		notes.push(`data year ${dataYear}`);
	}
	// decimal separator: declared in the mapping, else judged from the sample, else refused
	let decimal: '.' | ',' = opts.mapping?.decimal ?? '.';
	if (!opts.mapping?.decimal && dialect) {
		const verdict = detectDecimal(kind, mapping.columns, dialect.headers, dialect.sample, dialect.firstDataLine);
		if (verdict.conflict) throw new ImportRefused(`${fileName}: ${verdict.conflict}`);
		decimal = verdict.decimal;
	}
	const formats: ValueFormats = {
		decimal,
		dateFormats: [...(opts.mapping?.dateFormats ?? []), ...DEFAULT_DATE_FORMATS]
	};
	// typed fast path: clean numeric and date columns are parsed by the CSV reader itself
	let typed = dialect ? typedColumns(kind, mapping.columns, dialect.headers, dialect.sample) : new Map<string, TypedColumn>();
	typed = new Map([...typed].filter(([h, c]) => !plan.textColumns.has(h) && !(decimal === ',' && c.duckType !== 'DATE' && c.duckType !== 'INTEGER')));
	const source = dialect ? await csvSourceFor(plan.readPath, dialect, plan.gz, typed) : described.parquet;
	if (dialect?.noticeLines) notes.push(`skipped ${dialect.noticeLines} above the header (a notice, not data)`);
	if (dialect && dialect.encoding !== 'utf-8') notes.push(`read as ${dialect.encoding}`);
	if (decimal === ',') notes.push('amounts read with a decimal comma (1.234,56)');
	// The sha256 is computed while DuckDB reads the file (hashing 1.5 GB takes seconds) and
	// checked against earlier imports just before the commit: a duplicate is rolled back.
	// A plain file's lines are counted in the same pass: past CLAIMLENS_MAX_ROWS the running read
	// is interrupted and the import refused (a gzip'd file was measured before this point).
	const { stop } = plan;
	const checksumP = plan.measured && !opts.checksumPath
		? Promise.resolve(plan.measured.checksum)
		: measureFile(opts.checksumPath ?? path, { gz: false, countLines: !opts.checksumPath, fileName, limits: plan.limits, signal: stop.signal }).then((m) => m.checksum);
	checksumP.catch((e: unknown) => {
		if (e instanceof SizeLimitExceeded) stop.limitPassed(e);
	});
	stop.check();
	const mappingJson = JSON.stringify(mapping.columns);
	const [{ id }] = (await conn.runAndReadAll(`SELECT nextval('import_id_seq')::INTEGER AS id`)).getRowObjectsJS() as [{ id: number }];
	await conn.run(
		`INSERT INTO imports VALUES ($id, $f, '', $k, $fmt, now()::TIMESTAMP, NULL, 'running', NULL, NULL, NULL, $m, NULL)`,
		{ id, f: fileName, k: kind, fmt: format, m: mappingJson }
	);
	const duplicateOf = async (): Promise<number | null> => {
		const [dup] = (await conn.runAndReadAll(`SELECT import_id FROM imports WHERE checksum = $c AND kind = $k AND status = 'succeeded' LIMIT 1`, { c: await checksumP, k: kind })).getRowObjectsJS();
		return dup ? Number(dup.import_id) : null;
	};
	try {
		const counts = await loadInTransaction(conn, { stop, id, path: plan.readPath, fileName, kind, source, mapping, typed, formats, hasRoster, dataYear, retryEncoding: plan.retryEncoding, onProgress: opts.onProgress, started, checksum: checksumP, duplicateOf, notes });
		const message = `${counts.rowsRead} rows read = ${counts.rowsLoaded} loaded + ${counts.rowsRejected} rejected${notes.length ? `; ${notes.join('; ')}` : ''}`;
		return { importId: id, fileName, checksum: await checksumP, kind, format, status: 'succeeded', ...counts, mapping, seconds: (Date.now() - started) / 1000, message, notes };
	} catch (e) {
		if (e instanceof DuplicateImport) {
			const message = `already imported as import #${e.earlierId} (same sha256); nothing added`;
			await conn.run(
				`UPDATE imports SET status = 'duplicate', checksum = $c, finished_at = now()::TIMESTAMP, rows_read = 0, rows_loaded = 0, rows_rejected = 0, message = $msg WHERE import_id = $id`,
				{ id, c: await checksumP, msg: message }
			);
			return { importId: id, fileName, checksum: await checksumP, kind, format, status: 'duplicate', rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, mapping, seconds: (Date.now() - started) / 1000, message, notes: [] };
		}
		if (stop.stopped) {
			// cancelled, or a limit found while reading: rolled back, logged, refused
			const err = stop.error(e);
			await conn.run(`UPDATE imports SET status = $status, finished_at = now()::TIMESTAMP, rows_read = 0, rows_loaded = 0, rows_rejected = 0, message = $msg WHERE import_id = $id`, {
				id, status: err instanceof ImportCancelled ? 'cancelled' : 'failed', msg: err instanceof ImportCancelled ? `cancelled (${err.reason}); nothing was kept` : err.message
			});
			throw err;
		}
		if (e instanceof ReadAgain) {
			await conn.run(`DELETE FROM imports WHERE import_id = $id`, { id });
			throw e;
		}
		const reason = (e as Error).message.split('\n')[0] ?? 'unknown error';
		await conn.run(`UPDATE imports SET status = 'failed', finished_at = now()::TIMESTAMP, message = $msg WHERE import_id = $id`, { id, msg: reason });
		throw e instanceof ImportRefused ? e : new ImportRefused(`${fileName}: import failed and nothing was kept: ${reason}`);
	}
}

/** The single year (1990-2099) a file name names, e.g. mohs_2019_noCPTdesc.csv -> 2019; null when none or several. */
export function yearFromFileName(name: string): number | null {
	const years = new Set([...basename(name).matchAll(/(?<![0-9])(19[9][0-9]|20[0-9]{2})(?![0-9])/g)].map((m) => Number(m[1])));
	return years.size === 1 ? ([...years][0] as number) : null;
}

class DuplicateImport extends Error {
	constructor(readonly earlierId: number) {
		super(`duplicate of import #${earlierId}`);
	}
}

interface LoadJob {
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
async function loadInTransaction(conn: DuckDBConnection, job: LoadJob) {
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

/** Rows of the import log, newest first (Data page, `claimlens imports`). */
export function listImports(dbPath?: string) {
	return withConnection((conn) => runQuery(conn, 'imports_list'), dbPath ?? defaultDbPath());
}
