// Security issue 7: a compressed file past CLAIMLENS_MAX_DECOMPRESSED_BYTES or CLAIMLENS_MAX_ROWS is
// refused with nothing kept; an import cancelled through its AbortSignal (running or queued) ends
// 'cancelled' with nothing kept; earlier data stays as it was throughout.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importFile, ImportCancelled, type ImportResult } from '../../src/lib/server/ingest/import-file.ts';
import { SizeLimitExceeded } from '../../src/lib/server/ingest/size-limits.ts';
import { tempDirFor } from '../../src/lib/server/ingest/transcode.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());
afterEach(() => {
	delete process.env.CLAIMLENS_MAX_DECOMPRESSED_BYTES;
	delete process.env.CLAIMLENS_MAX_ROWS;
});

// the columns of tests/fixtures/claims_small.csv: a 175-character header (176 bytes with its line
// feed) and, with a 5-character claim id, 121-character lines (122 bytes)
const HEADER = 'Claim ID,Line,Patient ID,Rendering NPI,Provider Name,Specialty,Payer,POS,DOS,CPT/HCPCS,Mod 1,Mod 2,Units,Minutes,Diagnoses,Billed Amount,Allowed,Paid,Status,Denial Codes,Coder';
const line = (id: string) => `${id},1,P1,1234567893,"Doe, Jane",Internal Medicine,Medicare,11,2025-01-15,99215,,,1,,E11.9,250.00,184.00,147.20,paid,,K1`;
/** header + n lines with ids PREFIX0000.., every line ended by a line feed */
function claimsCsv(prefix: string, n: number, width = 4): string {
	const rows = [HEADER];
	for (let i = 0; i < n; i++) rows.push(line(`${prefix}${String(i).padStart(width, '0')}`));
	return `${rows.join('\n')}\n`;
}
const write = (name: string, content: string | Buffer) => {
	const p = join(db.dir, name);
	writeFileSync(p, content);
	return p;
};
const count = async (where = 'true') => Number((await db.query(`SELECT count(*)::INTEGER AS n FROM claim_lines WHERE ${where}`))[0]?.n);
const log = () => db.query('SELECT file_name, status, rows_loaded, message FROM imports ORDER BY import_id');
const earlierIntact = async () => {
	const rows = await db.query(`SELECT claim_id, line_number, charge_amount::VARCHAR AS charge FROM claim_lines WHERE import_id = 1 ORDER BY claim_id, line_number`);
	expect(rows).toEqual([
		{ claim_id: 'C1', line_number: 1, charge: '250.00' },
		{ claim_id: 'C1', line_number: 2, charge: '10.00' },
		{ claim_id: 'C2', line_number: 1, charge: '180.00' },
		{ claim_id: 'C3', line_number: 1, charge: '300.00' },
		{ claim_id: 'C3', line_number: 2, charge: '1200.50' }
	]);
};
const noDecodedCopies = () => {
	const dir = tempDirFor(db.path);
	expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
};
async function refusedWith<T extends Error>(p: Promise<unknown>, type: new (...a: never[]) => T): Promise<T> {
	const e = await p.then(() => null, (err: unknown) => err);
	expect(e).toBeInstanceOf(type);
	return e as T;
}

beforeAll(async () => {
	await importFile(join('tests', 'fixtures', 'claims_small.csv'), { dbPath: db.path });
	expect(await count()).toBe(5);
});

describe('decompressed limits', () => {
	// 176 + 100 x 122 = 12,376 bytes, 101 lines
	const text = claimsCsv('G', 100);
	it('the test file is the size worked out by hand', () => {
		expect([Buffer.byteLength(text), text.split('\n').length - 1]).toEqual([12_376, 101]);
	});

	it('a .csv.gz one byte over CLAIMLENS_MAX_DECOMPRESSED_BYTES is refused, nothing kept; at the limit it imports', async () => {
		const gz = write('g.csv.gz', gzipSync(text));
		process.env.CLAIMLENS_MAX_DECOMPRESSED_BYTES = '12375';
		const e = await refusedWith(importFile(gz, { dbPath: db.path }), SizeLimitExceeded);
		expect(e.message).toBe(
			'g.csv.gz: decompresses to more than 12.08 KiB, the limit (CLAIMLENS_MAX_DECOMPRESSED_BYTES=12375); nothing was imported. ' +
				"Split the file, or raise CLAIMLENS_MAX_DECOMPRESSED_BYTES in the server's (or the CLI's) environment and import it again"
		);
		expect(await count()).toBe(5);
		// refused before anything was read: no log entry
		expect((await log()).map((r) => r.file_name)).toEqual(['claims_small.csv']);
		await earlierIntact();
		noDecodedCopies();

		process.env.CLAIMLENS_MAX_DECOMPRESSED_BYTES = '12376';
		const r = await importFile(gz, { dbPath: db.path });
		expect([r.status, r.rowsLoaded]).toEqual(['succeeded', 100]);
		expect(await count("claim_id LIKE 'G%'")).toBe(100);
	});

	it('a .csv.gz over CLAIMLENS_MAX_ROWS is refused, nothing kept; at the limit it imports', async () => {
		const gz = write('r.csv.gz', gzipSync(claimsCsv('R', 100)));
		process.env.CLAIMLENS_MAX_ROWS = '100';
		const e = await refusedWith(importFile(gz, { dbPath: db.path }), SizeLimitExceeded);
		expect([e.limit, e.counted]).toEqual(['lines', 101]);
		expect(e.message).toBe(
			'r.csv.gz: has more than 100 lines once decompressed, the limit (CLAIMLENS_MAX_ROWS=100); nothing was imported. ' +
				"Split the file, or raise CLAIMLENS_MAX_ROWS in the server's (or the CLI's) environment and import it again"
		);
		expect(await count("claim_id LIKE 'R%'")).toBe(0);
		await earlierIntact();
		process.env.CLAIMLENS_MAX_ROWS = '101';
		expect((await importFile(gz, { dbPath: db.path })).rowsLoaded).toBe(100);
	});

	it('a plain CSV over CLAIMLENS_MAX_ROWS is refused while it is read: rolled back and logged failed', async () => {
		const csv = write('p.csv', claimsCsv('P', 100));
		process.env.CLAIMLENS_MAX_ROWS = '100';
		const before = await count();
		const e = await refusedWith(importFile(csv, { dbPath: db.path }), SizeLimitExceeded);
		expect(e.message).toMatch(/^p\.csv: has more than 100 lines, the limit \(CLAIMLENS_MAX_ROWS=100\); nothing was imported/);
		expect(await count()).toBe(before);
		expect((await log()).at(-1)).toEqual({ file_name: 'p.csv', status: 'failed', rows_loaded: 0, message: e.message });
		await earlierIntact();
	});

	it('a Parquet file whose metadata declares more rows than CLAIMLENS_MAX_ROWS is refused before it is read', async () => {
		const pq = join(db.dir, 'rows.parquet');
		await db.query(`COPY (SELECT 'Q' || range AS claim_id, 1 AS line_number, '1234567893' AS rendering_npi, 'Internal Medicine' AS specialty, DATE '2025-01-01' AS service_date, '99213' AS procedure_code FROM range(50)) TO '${pq}' (FORMAT parquet)`);
		process.env.CLAIMLENS_MAX_ROWS = '49';
		await expect(importFile(pq, { dbPath: db.path })).rejects.toThrow(
			'rows.parquet: declares 50 rows, more than the limit (CLAIMLENS_MAX_ROWS=49); nothing was imported. Split the file, or raise CLAIMLENS_MAX_ROWS and import it again'
		);
		process.env.CLAIMLENS_MAX_ROWS = '50';
		expect((await importFile(pq, { dbPath: db.path })).rowsLoaded).toBe(50);
	});
});

describe('cancellation', () => {
	// 300,000 lines: about 3 s of import, so the first progress report (after 1 s) comes mid-read
	let big = '';
	beforeAll(() => {
		big = write('big.csv', claimsCsv('B', 300_000, 6));
	});

	it('an abort during the read interrupts DuckDB: logged cancelled, nothing kept, earlier data intact', async () => {
		const before = await count();
		const ac = new AbortController();
		const e = await refusedWith(
			importFile(big, { dbPath: db.path, signal: ac.signal, onProgress: (p) => { if (p.phase === 'reading') ac.abort('test cancel'); } }),
			ImportCancelled
		);
		expect(ac.signal.aborted).toBe(true);
		expect(e.message).toBe('big.csv: import cancelled (test cancel); nothing was kept');
		// the statement in flight was interrupted, not run to its end
		expect(String((e.cause as Error | undefined)?.message)).toMatch(/INTERRUPT.*Interrupted/);
		const [entry] = await db.query(`SELECT import_id, status, rows_read, rows_loaded, message, finished_at IS NOT NULL AS finished FROM imports WHERE file_name = 'big.csv'`);
		expect(entry).toMatchObject({ status: 'cancelled', rows_read: 0, rows_loaded: 0, message: 'cancelled (test cancel); nothing was kept', finished: true });
		expect(await count(`import_id = ${Number(entry?.import_id)}`)).toBe(0);
		expect(Number((await db.query(`SELECT count(*)::INTEGER AS n FROM import_rejects WHERE import_id = ${Number(entry?.import_id)}`))[0]?.n)).toBe(0);
		expect(await count()).toBe(before);
		await earlierIntact();
		noDecodedCopies();
	});

	it('a queued import cancelled before its turn is refused at once and never starts; the running one completes', async () => {
		const small = write('queued.csv', claimsCsv('Z', 3));
		const before = await count();
		const order: string[] = [];
		const running = importFile(big, { dbPath: db.path }).then((r: ImportResult) => {
			order.push('running done');
			return r;
		});
		const ac = new AbortController();
		const queued = importFile(small, { dbPath: db.path, signal: ac.signal, displayName: 'queued.csv' });
		ac.abort('by test, while queued');
		const e = await refusedWith(queued, ImportCancelled);
		order.push('queued refused');
		expect(e.message).toBe('queued.csv: import cancelled (by test, while queued); nothing was kept');
		const r = await running;
		expect(order).toEqual(['queued refused', 'running done']);
		// the file cancelled in the previous test imports in full: nothing of it was kept then
		expect([r.status, r.rowsLoaded]).toEqual(['succeeded', 300_000]);
		expect(await count("claim_id LIKE 'Z%'")).toBe(0);
		expect(await db.query(`SELECT status FROM imports WHERE file_name = 'queued.csv'`)).toEqual([]);
		expect(await count()).toBe(before + 300_000);
		await earlierIntact();
	});

	it('an X12 835 with a signal already aborted is not read: no log entry, no remittance rows', async () => {
		const ac = new AbortController();
		ac.abort('before start');
		const entries = (await log()).length;
		await expect(importFile(join('tests', 'fixtures', 'denials_match.835'), { dbPath: db.path, signal: ac.signal })).rejects.toThrow('denials_match.835: import cancelled (before start); nothing was kept');
		// the queue runs the cancelled import's turn after the refusal: wait for it with another import
		await importFile(write('after.csv', claimsCsv('A', 1)), { dbPath: db.path });
		expect((await log()).length).toBe(entries + 1);
		expect(await db.query(`SELECT kind FROM imports WHERE kind = 'remittance'`)).toEqual([]);
	});

	it('a signal already aborted imports nothing and leaves no log entry', async () => {
		const ac = new AbortController();
		ac.abort('before start');
		const entries = (await log()).length;
		await expect(importFile(write('never.csv', claimsCsv('N', 2)), { dbPath: db.path, signal: ac.signal })).rejects.toThrow('never.csv: import cancelled (before start); nothing was kept');
		expect((await log()).length).toBe(entries);
		expect(await count("claim_id LIKE 'N%'")).toBe(0);
	});
});
