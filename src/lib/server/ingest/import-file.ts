// The one import path (CLI, Data page upload, demo loader, benchmark): detect format and kind,
// map headers, then in ONE transaction stage the file through DuckDB's CSV/Parquet reader,
// load the valid rows and record every rejected row with its line, column and reason.
// A failure rolls back and leaves earlier data as it was; the import log keeps the attempt.
// The transaction itself (read, rejects, derived tables, commit) is load-transaction.ts.
// A gzip'd file is first inflated once, counted and refused past its limits (size-limits.ts);
// an AbortSignal stops the import at the next step or interrupts DuckDB (cancel.ts).
import { cleanFileName } from '../http/scrub-paths.ts';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import type { ImportKind, MappingFile } from '../../schemas/fields.ts';
import { detectKind, mapHeaders, type HeaderMapping } from './header-mapping.ts';
import { detectFormat, sniffCsv, ImportRefused, type CsvDialect, type FileFormat, type TextEncoding } from './sniff.ts';
import { rm } from 'node:fs/promises';
import { detectDecimal } from './value-formats.ts';
import { DEFAULT_DATE_FORMATS, type ValueFormats } from './build-staging-sql.ts';
import { transcodeToUtf8 } from './transcode.ts';
import { recognisedDataset, unknownKindMessage } from './other-datasets.ts';
import { measureFile, type Measured } from './checksum.ts';
import { sizeLimits, SizeLimitExceeded, type SizeLimits } from './size-limits.ts';
import { ImportCancelled, ImportStop, abortReason } from './cancel.ts';
import { csvSourceFor, parquetSource, type SourceInfo } from './sources.ts';
import { typedColumns, type TypedColumn } from './typed-columns.ts';
import { isX12File, x12TransactionSet } from '../remit/x12-segments.ts';
import { importClaims837 } from '../claims837/load-837.ts';
import { importRemittance } from '../remit/load-remit.ts';
import { kindModule } from '../../import-kinds/index.ts';
import { DuplicateImport, ReadAgain, loadInTransaction } from './load-transaction.ts';

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

/** Rows of the import log, newest first (Data page, `claimlens imports`). */
export function listImports(dbPath?: string) {
	return withConnection((conn) => runQuery(conn, 'imports_list'), dbPath ?? defaultDbPath());
}
