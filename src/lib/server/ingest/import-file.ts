// The one import path (CLI, Data page upload, demo loader, benchmark): detect format and kind,
// map headers, then in ONE transaction stage the file through DuckDB's CSV/Parquet reader,
// load the valid rows and record every rejected row with its line, column and reason.
// A failure rolls back and leaves earlier data as it was; the import log keeps the attempt.
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery, readQuery } from '../db/query-files.ts';
import type { ImportKind, MappingFile } from '../../schemas/fields.ts';
import { detectKind, mapHeaders, type HeaderMapping } from './header-mapping.ts';
import { buildStagingSql, quoteIdent } from './build-staging-sql.ts';
import { detectFormat, sniffCsv, ImportRefused, type FileFormat } from './sniff.ts';
import { fileChecksum } from './checksum.ts';
import { csvSourceFor, parquetSource, type SourceInfo } from './sources.ts';
import { loadRejects } from './rejects.ts';

export { ImportRefused };

export interface ImportProgress {
	phase: 'reading' | 'loading' | 'done';
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
	onProgress?: (p: ImportProgress) => void;
}

export interface ImportResult {
	importId: number;
	fileName: string;
	checksum: string;
	kind: ImportKind;
	format: FileFormat;
	status: 'succeeded' | 'duplicate';
	rowsRead: number;
	rowsLoaded: number;
	rowsRejected: number;
	mapping: HeaderMapping;
	seconds: number;
	message: string;
}

const targetTable: Record<ImportKind, string> = {
	claims: 'claim_lines',
	audits: 'audit_lines',
	'cms-provider-service': 'provider_services'
};

async function describe(path: string, format: FileFormat, conn: DuckDBConnection): Promise<SourceInfo> {
	if (format === 'parquet') return parquetSource(conn, path);
	return csvSourceFor(path, await sniffCsv(path, format), format === 'csv.gz');
}

export async function importFile(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
	const started = Date.now();
	const fileName = opts.displayName ?? basename(path);
	const format = await detectFormat(path);
	return withConnection(async (conn) => {
		const source = await describe(path, format, conn);
		const kind = opts.kind ?? detectKind(source.headers, opts.mapping);
		if (!kind) {
			throw new ImportRefused(
				`${fileName}: cannot tell from its headers whether it holds claims, audits or a CMS provider-service file ` +
					`(headers: ${source.headers.slice(0, 12).join(', ')}${source.headers.length > 12 ? ', ...' : ''}); pass --kind or a --mapping file`
			);
		}
		let mapping: HeaderMapping;
		try {
			mapping = mapHeaders(source.headers, kind, opts.mapping);
		} catch (e) {
			throw new ImportRefused(`${fileName}: ${(e as Error).message}`);
		}
		if (mapping.missingRequired.length) {
			throw new ImportRefused(
				`${fileName}: no column for required ${kind} field(s) ${mapping.missingRequired.join(', ')} ` +
					`(file headers: ${source.headers.join(', ')}); name them in a --mapping file`
			);
		}
		const checksum = await fileChecksum(path);
		const mappingJson = JSON.stringify(mapping.columns);
		const [dup] = await conn
			.runAndReadAll(`SELECT import_id FROM imports WHERE checksum = $c AND kind = $k AND status = 'succeeded' LIMIT 1`, { c: checksum, k: kind })
			.then((r) => r.getRowObjectsJS());
		const [{ id }] = (await conn.runAndReadAll(`SELECT nextval('import_id_seq')::INTEGER AS id`)).getRowObjectsJS() as [{ id: number }];
		if (dup) {
			const message = `already imported as import #${dup.import_id} (same sha256); nothing added`;
			await conn.run(
				`INSERT INTO imports VALUES ($id, $f, $c, $k, $fmt, now()::TIMESTAMP, now()::TIMESTAMP, 'duplicate', 0, 0, 0, $m, $msg)`,
				{ id, f: fileName, c: checksum, k: kind, fmt: format, m: mappingJson, msg: message }
			);
			return { importId: id, fileName, checksum, kind, format, status: 'duplicate', rowsRead: 0, rowsLoaded: 0, rowsRejected: 0, mapping, seconds: (Date.now() - started) / 1000, message };
		}
		await conn.run(
			`INSERT INTO imports VALUES ($id, $f, $c, $k, $fmt, now()::TIMESTAMP, NULL, 'running', NULL, NULL, NULL, $m, NULL)`,
			{ id, f: fileName, c: checksum, k: kind, fmt: format, m: mappingJson }
		);
		try {
			const counts = await loadInTransaction(conn, { id, path, fileName, kind, source, mapping, onProgress: opts.onProgress, started });
			const message = `${counts.rowsRead} rows read = ${counts.rowsLoaded} loaded + ${counts.rowsRejected} rejected`;
			return { importId: id, fileName, checksum, kind, format, status: 'succeeded', ...counts, mapping, seconds: (Date.now() - started) / 1000, message };
		} catch (e) {
			const reason = (e as Error).message.split('\n')[0] ?? 'unknown error';
			await conn.run(`UPDATE imports SET status = 'failed', finished_at = now()::TIMESTAMP, message = $msg WHERE import_id = $id`, { id, msg: reason });
			throw e instanceof ImportRefused ? e : new ImportRefused(`${fileName}: import failed and nothing was kept: ${reason}`);
		}
	}, opts.dbPath ?? defaultDbPath());
}

interface LoadJob {
	id: number;
	path: string;
	fileName: string;
	kind: ImportKind;
	source: SourceInfo;
	mapping: HeaderMapping;
	started: number;
	onProgress?: (p: ImportProgress) => void;
}

async function loadInTransaction(conn: DuckDBConnection, job: LoadJob) {
	const { id, kind, source } = job;
	const stage = `stage_${id}`;
	const { selectList, targetColumns } = buildStagingSql(kind, job.mapping.columns);
	const rejectsTable = `rejects_${id}`;
	await conn.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0');
	await conn.run('BEGIN TRANSACTION');
	try {
		const timer = job.onProgress ? setInterval(() => reportProgress(conn, job), 250) : null;
		try {
			await conn.run(
				`CREATE TEMP TABLE ${stage} AS SELECT ${selectList} FROM ${source.relation(rejectsTable)}`,
				{ path: job.path }
			);
		} finally {
			if (timer) clearInterval(timer);
		}
		job.onProgress?.({ phase: 'loading', percent: 100, rowsEstimate: source.rowsEstimate, rowsPerSecond: 0 });
		const cols = targetColumns.map(quoteIdent).join(', ');
		if (kind === 'cms-provider-service') {
			await conn.run(`INSERT INTO provider_services (source, import_id, ${cols}) SELECT 'cms', $id, ${cols} FROM ${stage} WHERE len(problems) = 0`, { id });
		} else {
			await conn.run(`INSERT INTO ${targetTable[kind]} (import_id, ${cols}) SELECT $id, ${cols} FROM ${stage} WHERE len(problems) = 0`, { id });
		}
		const counts = await loadRejects(conn, { id, fileName: job.fileName, stage, rejectsTable: source.hasRejectsTable ? rejectsTable : null, firstDataLine: source.firstDataLine });
		if (kind === 'claims') await conn.run(readQuery('rebuild_claim_provider_services'));
		await conn.run(
			`UPDATE imports SET status = 'succeeded', finished_at = now()::TIMESTAMP, rows_read = $read, rows_loaded = $loaded,
			 rows_rejected = $rejected, message = $msg WHERE import_id = $id`,
			{ id, read: counts.rowsRead, loaded: counts.rowsLoaded, rejected: counts.rowsRejected, msg: `${counts.rowsRejected} rows rejected` }
		);
		await conn.run(`DROP TABLE ${stage}`);
		await conn.run('COMMIT');
		job.onProgress?.({ phase: 'done', percent: 100, rowsEstimate: counts.rowsRead, rowsPerSecond: counts.rowsRead / Math.max(0.001, (Date.now() - job.started) / 1000) });
		return counts;
	} catch (e) {
		await conn.run('ROLLBACK').catch(() => {});
		throw e;
	} finally {
		await conn.run(`DROP TABLE IF EXISTS ${stage}; DROP TABLE IF EXISTS ${rejectsTable}; DROP TABLE IF EXISTS ${rejectsTable}_scan`).catch(() => {});
	}
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
