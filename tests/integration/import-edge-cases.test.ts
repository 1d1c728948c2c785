// Files of the field kinds that a fresh-eyes review built to break the importer (issue 10: "other
// files of the same kinds will be tried"). Each expected value is counted by hand from the
// file written in the test.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listRejects } from '../../src/lib/server/ingest/rejects-list.ts';
import { denialRates } from '../../src/lib/server/denials/get-denials.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { tempDirFor } from '../../src/lib/server/ingest/transcode.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const file = (name: string, content: string | Buffer) => {
	const p = join(db.dir, name);
	writeFileSync(p, content);
	return p;
};
const refusal = (p: Promise<unknown>) => p.then(() => '(not refused)', (e: Error) => e.message);
const HEADER = 'Claim #,Line,Rendering NPI,Specialty,DOS,CPT,Units,Billed Amount';

/** A one-interchange 835 (SE01 counted here). */
function remit(body: string[]): string {
	const st = ['ST*835*0001', ...body];
	return ['ISA*00*          *00*          *ZZ*PAYER          *ZZ*PROVIDER       *240301*1200*^*00501*000000101*0*T*:',
		'GS*HP*PAYER*PROVIDER*20240301*1200*1*X*005010X221A1', ...st, `SE*${st.length + 1}*0001`, 'GE*1*1', 'IEA*1*000000101'].join('~') + '~';
}

describe('files built to break the importer', () => {
	it('a claim-level 835 denial (CLP without SVC) adjudicates the claim lines it pays, not a third line', async () => {
		await importFile(file('k9.csv', 'Claim #,Line,Rendering NPI,Specialty,Payer,DOS,CPT,Units,Billed Amount,Paid,Status\nK9,1,1000000012,FP,ACME,2024-02-01,99213,1,120.00,0,paid\nK9,2,1000000012,FP,ACME,2024-02-01,36415,1,80.00,0,paid\n'), { dbPath: db.path });
		// CLP03 200.00 - CLP04 0 = CAS CO-29 200.00
		await importFile(file('k9.835', remit(['BPR*H*0*C*NON************20240301', 'TRN*1*T9*1', 'N1*PR*ACME', 'N1*PE*GROUP*XX*1000000012', 'CLP*K9*4*200*0*0*MC*PCN9', 'CAS*CO*29*200'])), { dbPath: db.path });
		const rates = await denialRates({ by: 'payer' }, db.path);
		const acme = rates.rows.find((r) => r.group === 'ACME');
		// two lines, $200, both denied by the payer's word; no extra claim-level row
		expect(acme).toMatchObject({ claims: 1, denied_claims: 1, lines: 2, denied_lines: 2, charges: 200, denied_charges: 200 });
		const excluded = await denialRates({ by: 'payer', exclude: ['timely_filing'] }, db.path);
		expect(excluded.rows.find((r) => r.group === 'ACME')).toMatchObject({ denied_lines: 0 });
	});

	it('1.234 is never rounded to 1.23: rejected, with the thousands-point hint', async () => {
		const r = await importFile(file('points.csv', 'Claim #;Line;Rendering NPI;Specialty;DOS;CPT;Units;Billed Amount\nP1;1;1000000012;FP;2024-01-05;99213;1;1.234\nP2;1;1000000012;FP;2024-01-05;99213;1;95\n'), { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
		const [rej] = await listRejects(r.importId, db.path);
		expect(rej).toMatchObject({ line: 2, column_name: 'charge_amount', value: '1.234' });
		expect(rej?.reason).toContain('a thousands point?');
	});

	it('a UTF-8 file with one stray byte late keeps its UTF-8 names; only that line is rejected', async () => {
		const rows = Array.from({ length: 1500 }, (_, i) => `U${i},1,1000000012,FP,2024-01-05,99213,1,95.00`);
		const content = Buffer.concat([Buffer.from(`${HEADER}\nJ1,1,1000000012,Médecine,2024-01-05,99213,1,95.00\n${rows.join('\n')}\nBAD,1,1000000012,M`), Buffer.from([0xe9]), Buffer.from('d,2024-01-05,99213,1,95.00\n')]);
		const r = await importFile(file('mixed.csv', content), { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: 1502, rowsLoaded: 1501, rowsRejected: 1 });
		const [row] = await db.query(`SELECT specialty FROM claim_lines WHERE claim_id = 'J1'`);
		expect(row?.specialty).toBe('Médecine');
		const [rej] = await listRejects(r.importId, db.path);
		expect(rej?.line).toBe(1503);
		expect(rej?.reason).toMatch(/not UTF-8/);
	});

	it('a UTF-16 LE tab-delimited export ("Unicode text") loads', async () => {
		const text = '\ufeffClaim #\tLine\tRendering NPI\tSpecialty\tDOS\tCPT\tUnits\tBilled Amount\r\nW1\t1\t1000000012\tPédiatrie\t2024-01-05\t99213\t1\t95.00\r\n';
		const r = await importFile(file('unicode.txt', Buffer.from(text, 'utf16le')), { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: 1, rowsLoaded: 1 });
		expect((await db.query(`SELECT specialty FROM claim_lines WHERE claim_id = 'W1'`))[0]?.specialty).toBe('Pédiatrie');
	});

	it('a truncated gzip in Windows-1252 is refused naming the file; no decoded copy is left', async () => {
		const body = Buffer.concat([Buffer.from(`${HEADER}\n`), ...Array.from({ length: 3000 }, (_, i) => Buffer.concat([Buffer.from(`T${i},1,1000000012,Ib`), Buffer.from([0xe1]), Buffer.from(`ez,2024-01-05,99213,1,95.00\n`)]))]);
		const gz = gzipSync(body);
		const msg = await refusal(importFile(file('cut.csv.gz', gz.subarray(0, Math.floor(gz.length / 2))), { dbPath: db.path }));
		// the decompressed-size check (size-limits.ts) inflates every gzip first and meets the cut there
		expect(msg).toBe('cut.csv.gz: cannot be read as gzip (unexpected end of file); nothing was imported');
		const tmp = tempDirFor(db.path);
		expect(existsSync(tmp) ? readdirSync(tmp) : []).toEqual([]);
	});

	it('two-digit years are years of this century, not the year 24', async () => {
		const r = await importFile(file('yy.csv', `${HEADER}\nY1,1,1000000012,FP,1/5/24,99213,1,95.00\nY2,1,1000000012,FP,30-May-15,99213,1,95.00\n`), { dbPath: db.path });
		expect(r.rowsLoaded).toBe(2);
		expect(await db.query(`SELECT service_date::VARCHAR AS d FROM claim_lines WHERE claim_id IN ('Y1', 'Y2') ORDER BY claim_id`)).toEqual([{ d: '2024-01-05' }, { d: '2015-05-30' }]);
	});

	it('a claim export whose claim-id header is not recognised is refused as claims, not loaded as a roster', async () => {
		const msg = await refusal(importFile(file('visits.csv', 'Visit,Line,Rendering NPI,Specialty,DOS,CPT,Units,Billed Amount\nV1,1,1000000012,FP,2024-01-05,99213,1,95.00\n'), { dbPath: db.path }));
		expect(msg).toContain('no column for required claims field(s) claim_id');
	});

	it('a report title with commas above the header is a notice; reject lines count physical lines', async () => {
		const r = await importFile(file('titled.csv', `Charges report, run 2024-02-01, Clinic A, all providers\n"Claim\n#",Line,Rendering NPI,Specialty,DOS,CPT,Units,Billed Amount\nN1,1,1000000012,FP,2024-01-05,99213,1,95.00\nN2,1,1000000012,FP,BADDATE,99213,1,95.00\nN3,1,1000000012,FP,2024-01-05,99213,1,95.00,EXTRA\nN4,x,1000000012,FP,2024-01-05,99213,1,95.00\n`), { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });
		expect(r.message).toContain('skipped line 1 above the header');
		// N2 is on line 5, N3 on 6, N4 on 7 (the header spans lines 2-3)
		expect((await listRejects(r.importId, db.path)).map((x) => [x.line, x.column_name])).toEqual([[5, 'service_date'], [6, null], [7, 'line_number']]);
	});

	it('MUE MAI 2 lines without a patient id are not added up across patients', async () => {
		await importFile(file('mue.csv', 'HCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator\n99203,1,2 Date of Service Edit: Policy\n'), { dbPath: db.path });
		await importFile(file('nopatient.csv', `${HEADER}\nA1,1,1000000012,FP,2024-03-01,99203,1,95.00\nA2,1,1000000012,FP,2024-03-01,99203,1,95.00\nA3,1,1000000012,FP,2024-03-01,99203,2,95.00\n`), { dbPath: db.path });
		const { filtered } = await listFlags({ rule: 'mue_exceeded', all: true }, db.path);
		// only A3 (2 units on its own line, MUE 1)
		expect(filtered.flatMap((f) => f.claim_ids ?? [])).toEqual(['A3']);
	});
});
