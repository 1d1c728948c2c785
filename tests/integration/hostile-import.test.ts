// Hostile input corpus (security.md "How to show it holds"): each file gives its documented
// result, nothing crashes, and earlier data is unchanged. Files are generated here (a 10 MB
// line and a Parquet bomb do not belong in git).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile, ImportRefused } from '../../src/lib/server/ingest/import-file.ts';
import { listRejects } from '../../src/lib/server/ingest/rejects-list.ts';
import { tempDb } from '../helpers/temp-db.ts';

const HEADER = 'claim_id,line_number,rendering_npi,specialty,service_date,procedure_code,units';
const GOOD = (i: number) => `H${i},1,1234567893,Internal Medicine,2025-01-0${(i % 9) + 1},99213,1`;

const db = tempDb();
const file = (name: string, content: string | Buffer) => {
	const p = join(db.dir, name);
	writeFileSync(p, content);
	return p;
};
const count = async () => Number((await db.query('SELECT count(*)::INTEGER AS n FROM claim_lines'))[0]?.n);
let baseline = 0;

beforeAll(async () => {
	await importFile(file('base.csv', [HEADER, GOOD(1), GOOD(2), GOOD(3)].join('\n') + '\n'), { dbPath: db.path });
	baseline = await count();
	expect(baseline).toBe(3);
});
afterAll(() => db.cleanup());

async function expectRows(name: string, content: string | Buffer, loaded: number, rejected: number) {
	const before = await count();
	const r = await importFile(file(name, content), { dbPath: db.path, kind: 'claims' });
	expect([r.rowsLoaded, r.rowsRejected]).toEqual([loaded, rejected]);
	expect(await count()).toBe(before + loaded);
	return r;
}

describe('hostile CSV input', () => {
	it('wrong column counts: the short and long rows are rejected, the rest load', async () => {
		await expectRows('columns.csv', [HEADER, GOOD(4), 'H5,1,1234567893', `${GOOD(6)},extra,more`, GOOD(7)].join('\n'), 2, 2);
	});
	it('broken quotes: rejected with their line numbers', async () => {
		const r = await expectRows('quotes.csv', [HEADER, GOOD(8), 'H9,1,1234567893,"Internal Medicine,2025-01-01,99213,1', GOOD(10)].join('\n'), 1, 1);
		expect((await listRejects(r.importId, db.path))[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/bad quoting/) });
	});
	it('bad dates and NPIs: each row rejected for its own reason', async () => {
		// B5/B6: digits-only dates must be all eight of YYYYMMDD (2025013 is not 2025-01-03; 202501031 is not a date)
		const r = await expectRows('values.csv', [HEADER, 'B1,1,1234567893,IM,2025-13-01,99213,1', 'B2,1,1234567890,IM,2025-01-01,99213,1', 'B3,1,12345,IM,2025-01-01,99213,1', 'B4,1,1234567893,IM,31/01/2025,99213,1', 'B5,1,1234567893,IM,2025013,99213,1', 'B6,1,1234567893,IM,202501031,99213,1', 'B7,1,1234567893,IM,20250103,99213,1'].join('\n'), 1, 6);
		expect((await listRejects(r.importId, db.path)).map((x) => x.reason)).toEqual(['bad date', 'bad NPI check digit', 'NPI must be 10 digits', 'bad date', 'bad date', 'bad date']);
	});
	it('non-UTF-8 bytes anywhere: the whole file is read as Windows-1252, no row dropped (issue 10)', async () => {
		const r = await expectRows('latin1.csv', Buffer.concat([Buffer.from(`${HEADER}\n${GOOD(11)}\nL1,1,1234567893,M`), Buffer.from([0xe9, 0xff]), Buffer.from('decine,2025-01-01,99213,1\n')]), 2, 0);
		expect(r.message).toContain('read as windows-1252');
		// E9 = é, FF = ÿ in Windows-1252
		const [row] = await db.query(`SELECT specialty FROM claim_lines WHERE claim_id = 'L1'`);
		expect(row?.specialty).toBe('M\u00e9\u00ffdecine');
	});
	it('non-UTF-8 bytes after the first 64 KB: re-read as Windows-1252, no row dropped', async () => {
		const good = Array.from({ length: 1500 }, (_, i) => GOOD(100 + i)).join('\n');
		const r = await expectRows('late-latin1.csv', Buffer.concat([Buffer.from(`${HEADER}\n${good}\nL2,1,1234567893,M`), Buffer.from([0xe9]), Buffer.from('decine,2025-01-01,99213,1\n')]), 1501, 0);
		expect(r.message).toContain('read as windows-1252');
	});
	it('an empty file is refused and a header-only file loads nothing', async () => {
		await expect(importFile(file('empty.csv', ''), { dbPath: db.path })).rejects.toBeInstanceOf(ImportRefused);
		await expectRows('header.csv', `${HEADER}\n`, 0, 0);
	});
	it('a 10 MB line is rejected as too long, without reading it whole', async () => {
		const huge = `X1,1,1234567893,${'A'.repeat(10 * 1024 * 1024)},2025-01-01,99213,1`;
		const r = await expectRows('long.csv', [HEADER, GOOD(12), huge, GOOD(13)].join('\n') + '\n', 2, 1);
		expect((await listRejects(r.importId, db.path))[0]?.reason).toMatch(/line too long/);
	});
	it('a CSV with 1,000 columns loads the known ones and lists the rest as unused', async () => {
		const extra = Array.from({ length: 993 }, (_, i) => `extra_${i}`);
		const header = `${HEADER},${extra.join(',')}`;
		const row = `${GOOD(14)},${extra.map(() => 'x').join(',')}`;
		const r = await expectRows('wide.csv', `${header}\n${row}\n`, 1, 0);
		expect(r.mapping.unused).toHaveLength(993);
	});
	it('typed fast path: a bad value after the sampled first 64 KB is still rejected with its line and field', async () => {
		const rows = Array.from({ length: 2000 }, (_, i) => `T${i},1,1234567893,Internal Medicine,2025-01-0${(i % 9) + 1},99213,1`);
		rows.push('T-bad-date,1,1234567893,Internal Medicine,2025-13-45,99213,1', 'T-bad-units,1,1234567893,Internal Medicine,2025-01-02,99213,x1');
		const r = await expectRows('typed.csv', [HEADER, ...rows].join('\n') + '\n', 2000, 2);
		expect((await listRejects(r.importId, db.path)).map((x) => [x.line, x.column_name, x.reason])).toEqual([
			[2002, 'service_date', 'bad date'],
			[2003, 'units', 'unparsable number']
		]);
	});
	it('a binary file named .csv is refused', async () => {
		await expect(importFile(file('bin.csv', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00])), { dbPath: db.path })).rejects.toThrow(/binary/);
	});
});

describe('hostile Parquet input', () => {
	it('a Parquet bomb (tiny file, huge when decompressed) is refused before it is read', async () => {
		const bomb = join(db.dir, 'bomb.parquet');
		await db.query(`COPY (SELECT 'C' AS claim_id, 1 AS line_number, '1234567893' AS rendering_npi, repeat('x', 1000) AS specialty, DATE '2025-01-01' AS service_date, '99213' AS procedure_code FROM range(300000)) TO '${bomb}' (FORMAT parquet)`);
		// 300,000 rows x 1,000-character text = 300 MB decoded from a file of a few KB
		process.env.CLAIMLENS_MAX_PARQUET_BYTES = String(50 * 1024 * 1024);
		try {
			await expect(importFile(bomb, { dbPath: db.path })).rejects.toThrow(/bomb\.parquet: .*decompresses to/);
		} finally {
			delete process.env.CLAIMLENS_MAX_PARQUET_BYTES;
		}
	});
	it('earlier data is unchanged after the whole corpus', async () => {
		const rows = await db.query(`SELECT claim_id FROM claim_lines WHERE claim_id IN ('H1', 'H2', 'H3') ORDER BY 1`);
		expect(rows.map((r) => r.claim_id)).toEqual(['H1', 'H2', 'H3']);
	});
});
