// Streaming XLSX writer for sample exports (exceljs WorkbookWriter: rows are committed as they
// arrive and zipped by archiver as they go, so memory does not grow with the row count).
// Sheets: "Sample" (the sampled units' claim lines), "Findings" (one row per sampled unit for
// the reviewer to fill in), "Manifest" (method, seed, generator, frame, strata).
// Every text cell goes through the formula guard (OWASP): numbers stay numeric.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { guardFormula } from '../export/csv.ts';
import type { Manifest } from '../../schemas/sampling.ts';

export type Scalar = string | number | boolean | null | undefined;

export function xlsxCell(value: Scalar): string | number | boolean | null {
	if (value === null || value === undefined) return null;
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value === 'boolean') return value;
	return guardFormula(String(value));
}

export const FINDINGS_COLUMNS = ['item', 'stratum', 'unit_no', 'unit_id', 'examined_amount', 'audited_amount', 'error', 'note'];

export function manifestPairs(m: Manifest): [string, Scalar][] {
	return [
		['sample_id', m.sample_id],
		['method', m.method],
		['seed', m.seed],
		['generator', `${m.generator.name} (${m.generator.version})`],
		['draw', m.generator.draw],
		['frame_id', m.frame.frame_id],
		['frame_name', m.frame.name],
		['frame_unit', m.frame.unit],
		['frame_definition', JSON.stringify(m.frame.definition)],
		['frame_size', m.frame.size],
		['frame_total_paid', m.frame.total_paid],
		['frame_checksum', m.frame.checksum],
		['checksum_method', m.frame.checksum_method],
		['frame_order', m.frame.order],
		['sample_size', m.sample_size],
		['spares_per_stratum', m.spares_per_stratum],
		['allocation', m.allocation],
		...m.strata.map((s): [string, Scalar] => [`stratum_${s.stratum}`, `${s.lower ?? '-inf'} < paid <= ${s.upper ?? 'inf'}: N=${s.size}, $${s.total_paid.toFixed(2)}, n=${s.sample_size}, spares=${s.spares}`]),
		['drawn_by', m.drawn_by],
		['drawn_at', m.drawn_at],
		['deidentification', m.deidentification.tier],
		['deidentification_description', m.deidentification.description]
	];
}

/** Yields the bytes of the workbook while rows are read. */
export async function* xlsxChunks(columns: string[], rows: AsyncIterable<Record<string, Scalar>[]>, manifest: Manifest, onRows: (n: number) => void): AsyncGenerator<Uint8Array> {
	const pass = new PassThrough();
	const queue: Buffer[] = [];
	pass.on('data', (b: Buffer) => queue.push(b));
	const ended = new Promise<void>((resolve, reject) => {
		pass.on('end', resolve);
		pass.on('error', reject);
	});
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: pass, useStyles: false, useSharedStrings: false });
	const sheet = wb.addWorksheet('Sample');
	sheet.addRow(columns).commit();
	const tick = () => new Promise<void>((r) => setImmediate(r));
	for await (const chunk of rows) {
		for (const r of chunk) sheet.addRow(columns.map((c) => xlsxCell(r[c]))).commit();
		onRows(chunk.length);
		await tick();
		while (queue.length) yield queue.shift() as Buffer;
	}
	sheet.commit();
	const findings = wb.addWorksheet('Findings');
	findings.addRow(FINDINGS_COLUMNS).commit();
	for (const u of manifest.units) {
		if (u.role !== 'sample') continue;
		findings.addRow([u.item, u.stratum, u.unit_no, xlsxCell(u.unit_id), u.examined_amount, null, null, null]).commit();
	}
	findings.commit();
	const meta = wb.addWorksheet('Manifest');
	meta.addRow(['field', 'value']).commit();
	for (const [k, v] of manifestPairs(manifest)) meta.addRow([k, xlsxCell(v)]).commit();
	meta.commit();
	await wb.commit();
	await ended;
	while (queue.length) yield queue.shift() as Buffer;
}
