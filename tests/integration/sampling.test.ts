// Audit sampling on a hand-counted fixture (tests/fixtures/sampling_claims.csv):
//   provider A 1234567893 (name =HYPERLINK("http://x","y"), Internal Medicine, Medicare):
//     claims A01..A12 line 1 = 99215 paid 50 60 70 80 90 100 150 200 250 300 400 500 ($2,250),
//     service months Jan..Dec 2025; A13..A20 line 1 = 99214 paid $40 ($320); A01..A03 line 2 =
//     36415 paid $3 ($9). A's 23 lines = $2,579 on 20 claims.
//   provider B 2345678900: B01..B05 99215 $120 each, Aetna, 2024.
//   provider C 3456789015: C01..C03 99213 $70, Aetna; C04 repeats C01 (duplicate_line finding).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { getFlagLines } from '../../src/lib/server/rules/drilldown.ts';
import { createFrame, frameAmounts, frameUnitIds, parseDefinition, previewFrame } from '../../src/lib/server/sampling/frames.ts';
import { drawSample } from '../../src/lib/server/sampling/draw.ts';
import { openExport } from '../../src/lib/server/sampling/export.ts';
import { getManifest } from '../../src/lib/server/sampling/manifest.ts';
import { importFindings, FindingsRefused } from '../../src/lib/server/sampling/findings.ts';
import { getAppraisal } from '../../src/lib/server/sampling/appraise.ts';
import { parseCsv } from '../../src/lib/server/sampling/csv-parse.ts';
import { DrawRequest, type ExportFormat, type Tier } from '../../src/lib/schemas/sampling.ts';
import { tempDb } from '../helpers/temp-db.ts';

const A = '1234567893';
const C = '3456789015';
const db = tempDb();
afterAll(() => db.cleanup());
beforeAll(async () => {
	expect((await importFile('tests/fixtures/sampling_claims.csv', { dbPath: db.path })).rowsLoaded).toBe(32);
});

const frame = (def: Record<string, unknown>) => createFrame(parseDefinition(def), { dbPath: db.path });
const draw = (frameId: number, req: Record<string, unknown>) => drawSample(frameId, DrawRequest.parse(req), { dbPath: db.path });

async function exportBytes(sampleId: number, format: ExportFormat, tier: Tier) {
	const ex = await openExport(sampleId, { format, tier, exportedBy: 'tester', dbPath: db.path });
	const chunks: Uint8Array[] = [];
	for await (const c of ex.chunks) chunks.push(c);
	return { bytes: Buffer.concat(chunks), chunks: chunks.length, done: await ex.done };
}

describe('frames', () => {
	it("a provider's 99215 lines: 12 units, $2,250, numbered by claim id, checksum over the ids", async () => {
		const f = await frame({ npis: [A], codes: ['99215'] });
		expect(f).toMatchObject({ size: 12, total_paid: 2250, unit: 'line' });
		const ids = await frameUnitIds(f.frame_id, db.path);
		expect(ids).toEqual(Array.from({ length: 12 }, (_, i) => `A${String(i + 1).padStart(2, '0')}:1`));
		expect(f.checksum).toBe(createHash('sha256').update(ids.map((id) => `${id}\n`).join('')).digest('hex'));
		// mean and population SD of 50 60 70 80 90 100 150 200 250 300 400 500 (Python statistics.pstdev)
		const amounts = await frameAmounts(f.frame_id, db.path);
		expect(amounts.units).toBe(12);
		expect(amounts.mean_paid).toBe(187.5);
		expect(amounts.sd_paid).toBeCloseTo(141.0156610687858, 9);
	});

	it("a flag's frame (provider + rule numerator) is exactly the drill-down's lines", async () => {
		const f = await frame({ npis: [A], rule: 'em_established_level5' });
		const lines = await getFlagLines({ npi: A, ruleId: 'em_established_level5', page: 1, pageSize: 1000 }, db.path);
		expect(f.size).toBe(lines.total);
		expect((await frameUnitIds(f.frame_id, db.path)).sort()).toEqual(lines.rows.map((r) => `${r.claim_id}:${r.line_number}`).sort());
		const dup = await frame({ npis: [C], rule: 'duplicate_line' });
		expect(await frameUnitIds(dup.frame_id, db.path)).toEqual(['C04:1']);
	});

	it('filters: claims, dates, payer, amounts', async () => {
		expect(await previewFrame(parseDefinition({ unit: 'claim', npis: [A] }), db.path)).toEqual({ size: 20, total_paid: 2579, lines: 23 });
		// 99215 lines from July: A07..A12 = 150 + 200 + 250 + 300 + 400 + 500
		expect(await previewFrame(parseDefinition({ npis: [A], codes: ['99215'], date_from: '2025-07-01' }), db.path)).toMatchObject({ size: 6, total_paid: 1800 });
		// Aetna: B's five $120 lines and C's four $70 lines
		expect(await previewFrame(parseDefinition({ payer: 'Aetna' }), db.path)).toMatchObject({ size: 9, total_paid: 880 });
		// paid 200..400 among A's 99215: 200, 250, 300, 400
		expect(await previewFrame(parseDefinition({ npis: [A], codes: ['99215'], amount_min: 200, amount_max: 400 }), db.path)).toMatchObject({ size: 4, total_paid: 1150 });
		// claim amounts are claim totals: A01..A03 are 53, 63, 73 with their 36415 lines
		expect(await previewFrame(parseDefinition({ unit: 'claim', npis: [A], amount_min: 53, amount_max: 73 }), db.path)).toMatchObject({ size: 3, total_paid: 189, lines: 6 });
	});

	it('refuses an empty frame and an unknown rule', async () => {
		await expect(frame({ npis: [A], codes: ['99285'] })).rejects.toThrow(/empty/);
		await expect(frame({ rule: 'no_such_rule' })).rejects.toThrow(/unknown rule/);
		expect(() => parseDefinition({ npis: ['123'] })).toThrow(/NPI is 10 digits/);
	});
});

describe('draws', () => {
	it('same seed + same frame = same sample; spares follow in draw order', async () => {
		const f1 = await frame({ npis: [A], codes: ['99215'] });
		const f2 = await frame({ npis: [A], codes: ['99215'] });
		const a = await draw(f1.frame_id, { size: 5, seed: 424242, spares: 3 });
		const b = await draw(f2.frame_id, { size: 5, seed: 424242, spares: 3 });
		expect(b.sample_ids).toEqual(a.sample_ids);
		expect(b.spare_ids).toEqual(a.spare_ids);
		expect(a.sample_ids).toHaveLength(5);
		expect(a.spare_ids).toHaveLength(3);
		expect(new Set([...(a.sample_ids ?? []), ...(a.spare_ids ?? [])]).size).toBe(8);
		const c = await draw(f1.frame_id, { size: 5, seed: 424243, spares: 3 });
		expect(c.sample_ids).not.toEqual(a.sample_ids);
		expect(a.generator.name).toMatch(/xoshiro128\*\*/);
		expect(a.frame.checksum).toBe(f1.checksum);
	});

	it('stratified, automatic equal-dollar boundaries 200 and 400, proportional: 3, 2, 1', async () => {
		const f = await frame({ npis: [A], codes: ['99215'] });
		const m = await draw(f.frame_id, { method: 'stratified', size: 6, seed: 42, spares: 1, strata: 3 });
		expect(m.strata.map((s) => [s.lower, s.upper, s.size, s.total_paid, s.sample_size, s.spares])).toEqual([
			[null, 200, 8, 800, 3, 1],
			[200, 400, 3, 950, 2, 1],
			[400, null, 1, 500, 1, 0]
		]);
		for (const u of m.units) {
			const s = m.strata[u.stratum - 1];
			expect(u.examined_amount > (s?.lower ?? -Infinity) && u.examined_amount <= (s?.upper ?? Infinity)).toBe(true);
		}
		const dollars = await draw(f.frame_id, { method: 'stratified', size: 6, seed: 42, boundaries: [200, 400], allocation: 'dollars' });
		expect(dollars.strata.map((s) => s.sample_size)).toEqual([2, 3, 1]);
		expect(dollars.boundaries).toBe('user');
	});

	it('refuses samples larger than the frame, and strata without units', async () => {
		const f = await frame({ npis: [A], codes: ['99215'] });
		await expect(draw(f.frame_id, { size: 13, seed: 1 })).rejects.toThrow(/larger than the frame/);
		await expect(draw(f.frame_id, { method: 'probe', size: 30, seed: 1 })).rejects.toThrow(/larger than the frame/);
		await expect(draw(f.frame_id, { method: 'stratified', size: 6, seed: 1, boundaries: [10, 20] })).rejects.toThrow(/stratum 1 .* has no units/);
	});
});

describe('exports', () => {
	let sampleId = 0;
	beforeAll(async () => {
		const f = await frame({ npis: [A] });
		sampleId = (await draw(f.frame_id, { size: 6, seed: 99, spares: 2 })).sample_id;
	});

	it('CSV: one row per sampled line, the formula guard on text, numbers unquoted', async () => {
		const { bytes, done } = await exportBytes(sampleId, 'csv', 'full');
		const rows = parseCsv(bytes.toString('utf8'));
		expect(rows).toHaveLength(1 + 8);
		expect(done.rows).toBe(8);
		const header = rows[0] as string[];
		const col = (name: string) => header.indexOf(name);
		expect(rows.slice(1).every((r) => r[col('provider_name')] === `'=HYPERLINK("http://x","y")`)).toBe(true);
		expect(bytes.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
		const manifest = await getManifest(sampleId, { dbPath: db.path });
		expect(rows.slice(1).map((r) => r[col('unit_id')])).toEqual(manifest.units.map((u) => u.unit_id));
		expect(rows.slice(1).every((r) => /^\d+(\.\d+)?$/.test(r[col('paid_amount')] as string))).toBe(true);
		expect(rows.slice(1).map((r) => r[col('role')])).toEqual(['sample', 'sample', 'sample', 'sample', 'sample', 'sample', 'spare', 'spare']);
		// logged, with the checksum of the bytes
		const logged = manifest.exports.at(-1);
		expect(logged).toMatchObject({ format: 'csv', tier: 'full', rows: 8, exported_by: 'tester' });
		expect(logged?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
	});

	it('XLSX: the name is inert text, amounts are numbers; Findings and Manifest sheets', async () => {
		const { bytes } = await exportBytes(sampleId, 'xlsx', 'full');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(bytes as unknown as ArrayBuffer);
		const sheet = wb.getWorksheet('Sample');
		const header = (sheet?.getRow(1).values as string[]).slice(1);
		const cell = (r: number, name: string) => sheet?.getRow(r).getCell(header.indexOf(name) + 1);
		expect(sheet?.rowCount).toBe(9);
		expect(cell(2, 'provider_name')?.value).toBe(`'=HYPERLINK("http://x","y")`);
		expect(cell(2, 'provider_name')?.type).toBe(ExcelJS.ValueType.String);
		expect(cell(2, 'provider_name')?.formula).toBeUndefined();
		expect(typeof cell(2, 'paid_amount')?.value).toBe('number');
		expect(wb.getWorksheet('Findings')?.rowCount).toBe(1 + 6);
		const meta = wb.getWorksheet('Manifest');
		const pairs = new Map<string, unknown>();
		meta?.eachRow((row) => pairs.set(String(row.getCell(1).value), row.getCell(2).value));
		expect(pairs.get('seed')).toBe(99);
		expect(pairs.get('method')).toBe('simple');
	});

	it('Parquet: typed columns, read back by DuckDB', async () => {
		const { bytes } = await exportBytes(sampleId, 'parquet', 'limited');
		expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
		const file = join(db.dir, 'check.parquet');
		writeFileSync(file, bytes);
		const rows = await db.query(`SELECT count(*)::INTEGER AS n, typeof(any_value(paid_amount)) AS t, count(*) FILTER (WHERE patient_id LIKE 'P-%')::INTEGER AS surrogates FROM read_parquet('${file}')`);
		expect(rows[0]).toEqual({ n: 8, t: 'DOUBLE', surrogates: 8 });
	});

	it('de-identification: limited keeps dates, safe harbor keeps the year; surrogate ids random per export', async () => {
		const read = async (tier: Tier) => {
			const rows = parseCsv((await exportBytes(sampleId, 'csv', tier)).bytes.toString('utf8'));
			const h = rows[0] as string[];
			return rows.slice(1).map((r) => Object.fromEntries(h.map((k, i) => [k, r[i] as string])));
		};
		const full = await read('full');
		const limited = await read('limited');
		const safe = await read('safe_harbor');
		const again = await read('safe_harbor');
		expect(full.map((r) => r.patient_id)).toEqual(full.map((r) => `P${r.claim_id}`));
		expect(limited.every((r, i) => /^P-[0-9a-f-]{36}$/.test(r.patient_id as string) && r.service_date === full[i]?.service_date)).toBe(true);
		expect(limited.every((r) => /^C-[0-9a-f-]{36}$/.test(r.claim_id as string) && r.unit_id === `${r.claim_id}:${r.line_number}`)).toBe(true);
		expect(safe.every((r) => r.service_date === '2025')).toBe(true);
		expect(safe.every((r) => !JSON.stringify(r).includes('PA') && !/A\d\d:/.test(r.unit_id as string))).toBe(true);
		// the same claim keeps one surrogate within an export, a new one in the next export
		const byItem = new Map(safe.map((r) => [r.item, r.claim_id]));
		expect(safe.every((r) => byItem.get(r.item) === r.claim_id)).toBe(true);
		expect(again[0]?.claim_id).not.toBe(safe[0]?.claim_id);
		// providers are not patients: kept
		expect(safe[0]?.rendering_npi).toBe(A);
		const m = await getManifest(sampleId, { tier: 'safe_harbor', dbPath: db.path });
		expect(m.sample_ids).toBeNull();
		expect(m.units.every((u) => u.unit_id === null)).toBe(true);
		expect(m.deidentification.tier).toBe('safe_harbor');
	});

	it('streams: a 5,000-line sample leaves the database in several chunks', async () => {
		const big = tempDb();
		try {
			const path = join(big.dir, 'big.csv');
			const lines = ['claim_id,line_number,patient_id,rendering_npi,specialty,service_date,procedure_code,paid_amount'];
			for (let i = 0; i < 5000; i++) lines.push(`Z${String(i).padStart(5, '0')},1,Q${i},${A},Internal Medicine,2025-01-0${(i % 9) + 1},99213,${(50 + (i % 97)).toFixed(2)}`);
			writeFileSync(path, `${lines.join('\n')}\n`);
			await importFile(path, { dbPath: big.path });
			const f = await createFrame(parseDefinition({ npis: [A] }), { dbPath: big.path });
			const m = await drawSample(f.frame_id, DrawRequest.parse({ size: 5000, seed: 5 }), { dbPath: big.path });
			const ex = await openExport(m.sample_id, { format: 'csv', tier: 'safe_harbor', exportedBy: 't', dbPath: big.path });
			let chunks = 0;
			let newlines = 0;
			for await (const c of ex.chunks) {
				chunks++;
				for (const b of c) if (b === 10) newlines++;
			}
			expect(newlines).toBe(5001);
			expect(chunks).toBeGreaterThanOrEqual(3); // header + 2,048-row DuckDB chunks
		} finally {
			big.cleanup();
		}
	});
});

describe('findings and appraisal', () => {
	it('refuses units outside the sample, then appraises once every sampled unit is reviewed', async () => {
		const f = await frame({ npis: [A], codes: ['99215'] });
		const m = await draw(f.frame_id, { size: 4, seed: 2025, spares: 1 });
		const sampled = m.units.filter((u) => u.role === 'sample');
		const spare = m.units.find((u) => u.role === 'spare');
		const outside = (await frameUnitIds(f.frame_id, db.path)).find((id) => !m.units.some((u) => u.unit_id === id));
		await expect(importFindings(m.sample_id, `unit_id,audited_amount\n${outside},0\n`, { dbPath: db.path })).rejects.toThrow(FindingsRefused);
		await expect(importFindings(m.sample_id, `unit_id,audited_amount\n${spare?.unit_id},0\n`, { dbPath: db.path })).rejects.toThrow(/spare/);
		// first batch: two units, audited at half their paid amount
		const half = (u: (typeof sampled)[number]) => `${u.item},${(u.examined_amount / 2).toFixed(2)}`;
		const first = await importFindings(m.sample_id, `item,audited_amount\n${sampled.slice(0, 2).map(half).join('\n')}\n`, { dbPath: db.path });
		expect(first).toMatchObject({ imported: 2, reviewed: 2, sample_size: 4 });
		expect((await getAppraisal(m.sample_id, { dbPath: db.path })).status).toBe('incomplete');
		await importFindings(m.sample_id, `item,audited_amount\n${sampled.slice(2).map(half).join('\n')}\n`, { dbPath: db.path });
		const a = await getAppraisal(m.sample_id, { dbPath: db.path });
		expect(a.status).toBe('complete');
		// differences = half the paid amounts; point = 12 x their mean
		const d = sampled.map((u) => u.examined_amount / 2);
		const mean = d.reduce((s, x) => s + x, 0) / 4;
		expect(a.variable?.point_estimate).toBeCloseTo(12 * mean, 6);
		const sd = Math.sqrt(d.reduce((s, x) => s + (x - mean) ** 2, 0) / 3);
		expect(a.variable?.standard_error).toBeCloseTo(((12 * sd) / 2) * Math.sqrt(8 / 12), 6);
		expect(a.attribute?.errors).toBe(4);
		expect(a.warnings).toEqual([]);
	});

	it('a draw smaller than the recommended size is warned about in the manifest, every tier, and the appraisal', async () => {
		const f = await frame({ npis: [A], codes: ['99215'] });
		const target = { recommended_size: 5, target_basis: 'variable', target_precision: '0.25', target_confidence: '0.9' };
		const atTarget = await draw(f.frame_id, { size: 5, seed: 7, ...target });
		expect(atTarget.design_target).toEqual({ recommended_size: 5, basis: 'variable', precision: 0.25, confidence: 0.9 });
		expect(atTarget.warnings).toEqual([]);
		const small = await draw(f.frame_id, { size: 4, seed: 7, ...target });
		const said = 'Drew 4 units, fewer than the 5 the sample-size calculator recommended for ±25% of the point estimate at 90% confidence: the appraisal\'s precision is likely to be worse than that target.';
		expect(small.warnings).toEqual([said]);
		expect((await getManifest(small.sample_id, { tier: 'safe_harbor', dbPath: db.path })).warnings).toEqual([said]);
		// every unit audited at $0: differences = the paid amounts, whose spread (4 of 12 units)
		// is far wider than +/-25%, so the appraisal adds its own warning after the draw's
		const sampled = small.units.filter((u) => u.role === 'sample');
		await importFindings(small.sample_id, `item,audited_amount\n${sampled.map((u) => `${u.item},0`).join('\n')}\n`, { dbPath: db.path });
		const a = await getAppraisal(small.sample_id, { dbPath: db.path });
		const p90 = a.variable?.intervals.find((i) => i.confidence === 0.9)?.precision_pct as number;
		expect(p90).toBeGreaterThan(0.25);
		expect(a.warnings).toEqual([said, `The overpayment's precision at 90% confidence is ±${(p90 * 100).toFixed(2)}% of the point estimate, worse than the ±25% the sample was sized for.`]);
	});
});

describe('reading the stored manifest', () => {
	it('is the draw as recorded, with its frame definition', async () => {
		const f = await frame({ name: 'A 99215 2025', npis: [A], codes: ['99215'], date_from: '2025-01-01', date_to: '2025-12-31' });
		const m = await draw(f.frame_id, { size: 3, seed: 7, drawn_by: 'Pat Auditor' });
		const back = await getManifest(m.sample_id, { dbPath: db.path });
		expect(back).toMatchObject({ seed: 7, method: 'simple', drawn_by: 'Pat Auditor', sample_size: 3 });
		expect(back.frame.definition).toMatchObject({ name: 'A 99215 2025', codes: ['99215'], date_from: '2025-01-01' });
	});
});
