// Exports of a sample: the sampled units with their claim lines as CSV, XLSX or Parquet, at a
// de-identification tier, streamed so a 100,000-row export never sits in memory: CSV and XLSX
// from DuckDB's streaming result (2,048 rows at a time), Parquet written by DuckDB's COPY to a
// temporary file under the data directory, then read out in 256 KB pieces and deleted. Each
// finished export is logged with its row count and sha256 (sampling_exports). Used by
// GET /api/samples/ID/export and `claimlens sample --out`.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { defaultDbPath, getInstance, withConnection } from '../db/database.ts';
import { readQuery, runQuery } from '../db/query-files.ts';
import { csvCell } from '../export/csv.ts';
import type { ExportFormat, Manifest, Tier } from '../../schemas/sampling.ts';
import { getManifest } from './manifest.ts';
import { SamplingError } from './frames.ts';
import { xlsxChunks, type Scalar } from './export-xlsx.ts';

export const EXPORT_COLUMNS = [
	'item', 'role', 'stratum', 'draw', 'unit_no', 'unit_id', 'examined_amount', 'claim_id', 'line_number', 'patient_id',
	'rendering_npi', 'provider_name', 'specialty', 'payer', 'place_of_service', 'service_date', 'procedure_code', 'modifiers',
	'units', 'minutes', 'diagnosis_codes', 'charge_amount', 'allowed_amount', 'paid_amount', 'line_status', 'denial_codes', 'coder_id'
];

export const CONTENT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	parquet: 'application/vnd.apache.parquet'
};

export interface ExportResult {
	rows: number;
	sha256: string;
}

export interface OpenExport {
	filename: string;
	contentType: string;
	/** the file's bytes; the export is logged when the last chunk has been taken */
	chunks: AsyncGenerator<Uint8Array>;
	/** resolves when the export finished (row count and checksum) */
	done: Promise<ExportResult>;
}

const encoder = new TextEncoder();
const csvLine = (values: (Scalar | undefined)[]) => `${values.map((v) => csvCell(v ?? null)).join(',')}\r\n`;

/** Validates the sample and prepares the stream (nothing runs until the first chunk is read). */
export async function openExport(sampleId: number, opts: { format: ExportFormat; tier: Tier; exportedBy: string; dbPath?: string }): Promise<OpenExport> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	// only the XLSX needs the manifest (its Findings and Manifest sheets); the others just check
	// that the sample exists, since a manifest grows with the sample
	let manifest: Manifest | null = null;
	if (opts.format === 'xlsx') manifest = await getManifest(sampleId, { tier: opts.tier, dbPath });
	else if (!(await withConnection((conn) => runQuery(conn, 'sampling/sample_exists', { sample_id: sampleId }), dbPath)).length) throw new SamplingError(`no sample ${sampleId}`);
	let settle: { resolve: (r: ExportResult) => void; reject: (e: unknown) => void } = { resolve: () => {}, reject: () => {} };
	const done = new Promise<ExportResult>((resolve, reject) => (settle = { resolve, reject }));
	done.catch(() => {});
	async function* run(): AsyncGenerator<Uint8Array> {
		const conn = await (await getInstance(dbPath)).connect();
		const hash = createHash('sha256');
		let rows = 0;
		let finished = false;
		const emit = (b: Uint8Array) => {
			hash.update(b);
			return b;
		};
		const params = { sample_id: sampleId, tier: opts.tier };
		try {
			await conn.run(readQuery('sampling/export_surrogates'), params);
			const select = readQuery('sampling/export_rows').replace(/;\s*$/, '');
			if (opts.format === 'parquet') {
				const dir = dbPath === ':memory:' ? tmpdir() : join(dirname(dbPath), 'sampling-exports');
				mkdirSync(dir, { recursive: true });
				const file = join(dir, `${randomUUID()}.parquet`);
				// DuckDB writes the file itself (streaming, row groups); the path is ours (a random
				// UUID under the data directory), never user input
				const copied = await conn.runAndReadAll(`COPY (${select}) TO '${file.replace(/'/g, "''")}' (FORMAT parquet)`, params);
				rows = Number(copied.getRowObjectsJS()[0]?.Count ?? 0);
				try {
					for await (const buf of createReadStream(file, { highWaterMark: 256 * 1024 })) yield emit(buf as Buffer);
				} finally {
					rmSync(file, { force: true });
				}
			} else {
				const result = await conn.stream(select, params);
				const batches = (async function* () {
					for await (const batch of result.yieldRowObjectJs()) yield batch as Record<string, Scalar>[];
				})();
				if (opts.format === 'csv') {
					yield emit(encoder.encode(csvLine(EXPORT_COLUMNS)));
					for await (const batch of batches) {
						rows += batch.length;
						yield emit(encoder.encode(batch.map((r) => csvLine(EXPORT_COLUMNS.map((c) => r[c]))).join('')));
					}
				} else {
					for await (const b of xlsxChunks(EXPORT_COLUMNS, batches, manifest as Manifest, (n) => (rows += n))) yield emit(b);
				}
			}
			finished = true;
			const result = { rows, sha256: hash.digest('hex') };
			await runQuery(conn, 'sampling/export_log', { sample_id: sampleId, format: opts.format, tier: opts.tier, rows, sha256: result.sha256, exported_by: opts.exportedBy });
			settle.resolve(result);
		} catch (e) {
			settle.reject(e);
			throw e;
		} finally {
			if (!finished) settle.reject(new Error('export stopped before its end'));
			conn.closeSync();
		}
	}
	const ext = opts.format;
	return {
		filename: `claimlens-sample-${sampleId}-${opts.tier.replace('_', '-')}.${ext}`,
		contentType: CONTENT_TYPES[opts.format],
		chunks: run(),
		done
	};
}

/** A web ReadableStream over an export (pull-based: DuckDB reads only as fast as the client). */
export function toWebStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { value, done } = await chunks.next();
			if (done) controller.close();
			else controller.enqueue(value);
		},
		async cancel() {
			await chunks.return(undefined);
		}
	});
}
