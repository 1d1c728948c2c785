// Import path on hand-counted fixtures: tests/fixtures/claims_small.csv (5 good lines, export
// headers) and claims_broken.csv (11 data rows: 2 good, 9 rejected, each for a known reason).
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile, ImportRefused } from '../../src/lib/server/ingest/import-file.ts';
import { listRejects } from '../../src/lib/server/ingest/rejects-list.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const fx = (name: string) => join(process.cwd(), 'tests', 'fixtures', name);

describe('importing claim lines', () => {
	it('maps export headers and loads every good line with typed values', async () => {
		const r = await importFile(fx('claims_small.csv'), { dbPath: db.path });
		expect(r).toMatchObject({ kind: 'claims', status: 'succeeded', rowsRead: 5, rowsLoaded: 5, rowsRejected: 0 });
		const rows = await db.query(`SELECT claim_id, line_number, service_date, modifiers, units, minutes, charge_amount::DOUBLE AS charge, denial_codes, line_status
			FROM claim_lines ORDER BY claim_id, line_number`);
		expect(rows[0]).toEqual({ claim_id: 'C1', line_number: 1, service_date: '2025-01-15', modifiers: ['25'], units: 1, minutes: null, charge: 250, denial_codes: [], line_status: 'paid' });
		expect(rows[2]).toMatchObject({ claim_id: 'C2', service_date: '2025-01-20', denial_codes: ['CO-97', 'PR-204'], line_status: 'denied' });
		expect(rows[4]).toMatchObject({ claim_id: 'C3', line_number: 2, modifiers: ['59', 'XU'], units: 2, charge: 1200.5 });
	});

	it('rolls claim lines up into provider_services', async () => {
		const rows = await db.query(`SELECT rendering_npi, procedure_code, services, beneficiaries FROM provider_services WHERE source = 'claims' AND procedure_code = '90785'`);
		expect(rows).toEqual([{ rendering_npi: '1245319599', procedure_code: '90785', services: 2, beneficiaries: 1 }]);
	});

	it('does not duplicate rows when the same file is imported again', async () => {
		const r = await importFile(fx('claims_small.csv'), { dbPath: db.path });
		expect(r.status).toBe('duplicate');
		expect(r.message).toMatch(/already imported as import #1/);
		expect((await db.query('SELECT count(*)::INTEGER AS n FROM claim_lines'))[0]?.n).toBe(5);
	});

	it('reports each rejected row with line, column and reason: rows read = loaded + rejected', async () => {
		const r = await importFile(fx('claims_broken.csv'), { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: 11, rowsLoaded: 2, rowsRejected: 9 });
		const rejects = (await listRejects(r.importId, db.path)).map((x) => `${x.line}|${x.column_name ?? ''}|${String(x.reason).replace(/ \(.*/, '')}`);
		expect(rejects).toEqual([
			'3|rendering_npi|bad NPI check digit',
			'4|service_date|bad date',
			'5|units|wrong column count',
			'6|procedure_code|missing required value',
			'7|units|unparsable number',
			'8|charge_amount|unparsable number',
			'9||wrong column count',
			'10|rendering_npi|NPI must be 10 digits',
			'11|line_status|unknown line status'
		]);
		expect((await db.query(`SELECT claim_id FROM claim_lines WHERE claim_id LIKE 'B%' ORDER BY claim_id`)).map((x) => x.claim_id)).toEqual(['B1', 'B11']);
		const log = await db.query(`SELECT status, rows_read, rows_loaded, rows_rejected FROM imports WHERE import_id = ${r.importId}`);
		expect(log[0]).toEqual({ status: 'succeeded', rows_read: 11, rows_loaded: 2, rows_rejected: 9 });
	});

	it('reads gzip-compressed CSV and semicolon-delimited CSV', async () => {
		const text = readFileSync(fx('claims_small.csv'), 'utf8').replace(/^Claim ID/, 'Claim Number').replace(/C(\d),/g, 'G$1,');
		const gz = join(db.dir, 'export.csv.gz');
		writeFileSync(gz, gzipSync(text));
		expect(await importFile(gz, { dbPath: db.path })).toMatchObject({ format: 'csv.gz', rowsLoaded: 5, rowsRejected: 0 });
		const semi = join(db.dir, 'semi.csv');
		writeFileSync(semi, 'claim_id;line_number;rendering_npi;specialty;service_date;procedure_code\nS1;1;1234567893;Family Practice;03/04/2025;99213\n');
		expect(await importFile(semi, { dbPath: db.path })).toMatchObject({ rowsLoaded: 1, rowsRejected: 0 });
		expect((await db.query(`SELECT service_date FROM claim_lines WHERE claim_id = 'S1'`))[0]?.service_date).toBe('2025-03-04');
	});

	it('loads Parquet through the same validation', async () => {
		const pq = join(db.dir, 'claims.parquet');
		await db.query(`COPY (SELECT 'P' || claim_id AS claim_id, line_number, rendering_npi, specialty, service_date, procedure_code, modifiers FROM claim_lines WHERE claim_id LIKE 'C%') TO '${pq}' (FORMAT parquet)`);
		expect(await importFile(pq, { dbPath: db.path })).toMatchObject({ format: 'parquet', rowsRead: 5, rowsLoaded: 5 });
		expect((await db.query(`SELECT modifiers FROM claim_lines WHERE claim_id = 'PC3' AND line_number = 2`))[0]?.modifiers).toEqual(['59', 'XU']);
	});

	it('refuses unreadable files with a clear message and changes nothing', async () => {
		const before = (await db.query('SELECT count(*)::INTEGER AS n FROM claim_lines'))[0]?.n;
		const empty = join(db.dir, 'empty.csv');
		writeFileSync(empty, '');
		await expect(importFile(empty, { dbPath: db.path })).rejects.toThrow(/empty\.csv: the file is empty/);
		const unknown = join(db.dir, 'mystery.csv');
		writeFileSync(unknown, 'foo,bar\n1,2\n');
		await expect(importFile(unknown, { dbPath: db.path })).rejects.toThrow(/cannot tell .* pass --kind/);
		const fake = join(db.dir, 'fake.parquet');
		copyFileSync(fx('claims_small.csv'), fake);
		await expect(importFile(fake, { dbPath: db.path })).rejects.toBeInstanceOf(ImportRefused);
		const missing = join(db.dir, 'missing.csv');
		writeFileSync(missing, 'claim_id,procedure_code,service_date\n1,99213,2025-01-01\n');
		await expect(importFile(missing, { dbPath: db.path, kind: 'claims' })).rejects.toThrow(/no column for required claims field\(s\) line_number, rendering_npi, specialty/);
		expect((await db.query('SELECT count(*)::INTEGER AS n FROM claim_lines'))[0]?.n).toBe(before);
	});

	it('a header-only file loads zero rows', async () => {
		const header = join(db.dir, 'header.csv');
		writeFileSync(header, 'claim_id,line_number,rendering_npi,specialty,service_date,procedure_code,units\n');
		expect(await importFile(header, { dbPath: db.path })).toMatchObject({ rowsRead: 0, rowsLoaded: 0, rowsRejected: 0 });
	});
});
