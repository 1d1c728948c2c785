// X12 837P/837I claim files and the provider roster (issue 10): claims = CLM count, lines = SV1
// count, charges = sum of SV102, each counted here from the file's text, independently of the
// parser; a hand-written 837 pins where each field comes from (2420A over 2310B over 2010AA,
// 2320/2330 other-payer loops ignored, diagnosis pointers, several interchanges in one file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listRejects } from '../../src/lib/server/ingest/rejects-list.ts';
import { parse837 } from '../../src/lib/server/claims837/parse-837.ts';
import { readSegments } from '../../src/lib/server/remit/x12-segments.ts';
import { fixtureFolder, tempDb } from '../helpers/temp-db.ts';

const x12 = fixtureFolder('x12');

/** Independent counts from the raw text: segments split on the ISA's terminator. */
function textCounts(path: string) {
	const segs = readFileSync(path, 'latin1').split('~').map((s) => s.trim());
	const sv1 = segs.filter((s) => s.startsWith('SV1*'));
	const cents = sv1.reduce((t, s) => t + Math.round(Number(s.split('*')[2]) * 100), 0);
	return { clm: segs.filter((s) => s.startsWith('CLM*')).length, sv1: sv1.length, charges: cents / 100 };
}

describe.skipIf(!x12)('public 837P samples (shared/fixtures/x12)', () => {
	const db = tempDb();
	afterAll(() => db.cleanup());

	for (const [file, clm] of [['837p_valid.x12', 2], ['837p_many_claims.x12', 820]] as const) {
		it(`${file}: ${clm} claims, one line per SV1, charges = sum of SV102`, async () => {
			const path = join(x12 as string, file);
			const t = textCounts(path);
			expect(t.clm).toBe(clm);
			const r = await parse837(readSegments(path));
			expect(r.claims).toBe(t.clm);
			expect(r.lines).toHaveLength(t.sv1);
			expect(r.lines.reduce((s, l) => s + Math.round(Number(l.charge_amount) * 100), 0) / 100).toBe(t.charges);
			// both samples carry SE*25 for a longer set: read, and said
			expect(r.warnings.join(' ')).toContain('SE01 says 25 segments');
		});
	}

	it('without a roster the 837 is refused (no specialty); with one, its invalid NPI 1234567890 is rejected per line at the SV1 segment', async () => {
		const path = join(x12 as string, '837p_valid.x12');
		const refused = await importFile(path, { dbPath: db.path }).then(() => '', (e: Error) => e.message);
		expect(refused).toContain('import your provider roster first');
		const roster = join(db.dir, 'roster.csv');
		writeFileSync(roster, 'NPI,Provider Name,Specialty\n1234567893,Medical Group,Family Practice\n');
		expect(await importFile(roster, { dbPath: db.path })).toMatchObject({ kind: 'provider-roster', rowsLoaded: 1 });
		const r = await importFile(path, { dbPath: db.path });
		expect(r).toMatchObject({ kind: 'claims', format: 'x12', rowsRead: 2, rowsLoaded: 0, rowsRejected: 2 });
		const rejects = await listRejects(r.importId, db.path);
		// SV1 segments are the 25th and 34th of the file
		expect(rejects.filter((x) => x.column_name === 'rendering_npi').map((x) => [x.line, x.reason, x.value])).toEqual([
			[25, 'bad NPI check digit', '1234567890'], [34, 'bad NPI check digit', '1234567890']
		]);
	});

	it('837p_many_claims.x12 with a valid billing NPI and a roster: 820 lines loaded, charges and specialty as counted', async () => {
		const path = join(db.dir, 'many.x12');
		writeFileSync(path, readFileSync(join(x12 as string, '837p_many_claims.x12'), 'latin1').replaceAll('1234567890', '1234567893'), 'latin1');
		const t = textCounts(path);
		const r = await importFile(path, { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: t.sv1, rowsLoaded: t.sv1, rowsRejected: 0 });
		const [c] = await db.query(`SELECT count(*)::INTEGER AS lines, sum(charge_amount)::DOUBLE AS charges, list(DISTINCT specialty) AS sp FROM claim_lines WHERE import_id = $i`, { i: r.importId });
		expect(c).toEqual({ lines: 820, charges: t.charges, sp: ['Family Practice'] });
		// the same file again is a duplicate by its own checksum
		expect((await importFile(path, { dbPath: db.path })).status).toBe('duplicate');
	});
});

/** An 837P interchange from segments (SE01 counted here). */
function interchange(control: string, body: string[]): string {
	const isa = `ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240101*1200*^*00501*${control}*0*T*:`;
	const st = ['ST*837*0001*005010X222A1', ...body];
	return [isa, 'GS*HC*SENDER*RECEIVER*20240101*1200*1*X*005010X222A1', ...st, `SE*${st.length + 1}*0001`, 'GE*1*1', `IEA*1*${control}`].join('~\n') + '~\n';
}

describe('837P loops: where each field comes from', () => {
	const db = tempDb();
	afterAll(() => db.cleanup());
	const claim1 = [
		'BHT*0019*00*1*20240101*1200*CH', 'HL*1**20*1', 'NM1*85*2*GROUP*****XX*1234567893',
		'HL*2*1*22*1', 'SBR*P*18*******CI', 'NM1*IL*1*DOE*JANE****MI*M100', 'NM1*PR*2*ACME HEALTH*****PI*P1',
		'CLM*C1*300***11:B:1*Y*A*Y*Y', 'HI*ABK:E119*ABF:I10*ABF:N183',
		'NM1*82*1*SMITH*ANN****XX*1000000012',
		// 2320/2330: another payer and its provider are not this claim's
		'SBR*S*18*******CI', 'NM1*IL*1*DOE*JOHN****MI*OTHER', 'NM1*PR*2*OTHER PAYER*****PI*P2', 'NM1*82*1*NOT*HIM****XX*1000000020',
		'LX*1', 'SV1*HC:99214:25*200*UN*1***2:1', 'DTP*472*D8*20240105',
		'LX*2', 'SV1*HC:36415*100*UN*2*81**3', 'DTP*472*D8*20240105', 'NM1*82*1*LINE*LEVEL****XX*1000000038'
	];
	const claim2 = [
		'BHT*0019*00*2*20240101*1200*CH', 'HL*1**20*1', 'NM1*85*2*GROUP*****XX*1234567893',
		'HL*2*1*22*1', 'SBR*P*18*******CI', 'NM1*IL*1*ROE*RAY****MI*M200', 'NM1*PR*2*ACME HEALTH*****PI*P1',
		'CLM*C2*50***11:B:1*Y*A*Y*Y', 'HI*ABK:J069', 'LX*1', 'SV1*HC:99213*50*MJ*30', 'DTP*472*RD8*20240110-20240111'
	];

	it('reads two interchanges appended in one file into claim lines', async () => {
		const path = join(db.dir, 'two.837');
		writeFileSync(path, interchange('000000001', claim1) + interchange('000000002', claim2));
		const r = await parse837(readSegments(path));
		expect(r.claims).toBe(2);
		expect(r.warnings).toEqual([]);
		expect(r.lines.map((l) => [l.claim_id, l.line_number, l.patient_id, l.rendering_npi, l.payer, l.place_of_service, l.service_date, l.procedure_code, l.modifiers, l.units, l.minutes, l.diagnosis_codes, l.charge_amount])).toEqual([
			// 2310B rendering (not the 2330 one), payer from 2010BB, pointers 2:1 -> I10, E119
			['C1', 1, 'M100', '1000000012', 'ACME HEALTH', '11', '2024-01-05', '99214', ['25'], '1', '', ['I10', 'E119'], '200.00'],
			// 2420A line rendering wins; SV105 place of service 81; pointer 3 -> N183
			['C1', 2, 'M100', '1000000038', 'ACME HEALTH', '81', '2024-01-05', '36415', [], '2', '', ['N183'], '100.00'],
			// no 2310B: the billing NPI; MJ = minutes, units 1; RD8 -> its start; no pointers -> every dx
			['C2', 1, 'M200', '1234567893', 'ACME HEALTH', '11', '2024-01-10', '99213', [], '1', '30', ['J069'], '50.00']
		]);
	});

	it('a repeated interchange (same sender and ISA13) is read once, and said', async () => {
		const path = join(db.dir, 'again.837');
		writeFileSync(path, interchange('000000001', claim1) + interchange('000000001', claim1));
		const r = await parse837(readSegments(path));
		expect(r.claims).toBe(1);
		expect(r.lines).toHaveLength(2);
		expect(r.warnings[0]).toContain('interchange ISA13 000000001 from sender SENDER repeats the one at segment 1 (ISA)');
	});

	it('errors name the segment: SV101 with a separator the ISA does not declare', async () => {
		const path = join(db.dir, 'bad.837');
		writeFileSync(path, interchange('000000003', claim2.map((s) => s.replace('SV1*HC:99213', 'SV1*HC>99213'))));
		const msg = await importFile(path, { dbPath: db.path }).then(() => '', (e: Error) => e.message);
		expect(msg).toContain('segment 14 (SV1): SV101 "HC>99213" uses ">"');
		expect(msg).toContain('ISA16 declares ":"');
	});
});
