// Periods and both directions (issue 11) on a hand-counted fixture written below: Internal
// Medicine, established visits (99214 / 99215), two quarters of 2025.
//   providers 1-10: each quarter 100 visits, 15 at 99215 (15%)
//   provider 11: Q1 60 of 100 at 99215, one of them on 2025-03-31 (the last day of Q1); Q2 15 of
//                100, one of them on 2025-04-01 (the first day of Q2)
//   provider 12: 0 of 100 at 99215 in each quarter (under-coding)
// Q2 by hand: 12 providers, provider 12 leave-one-out peer rate = (11 x 15) / 1,100 = 15.0%;
// expected 15 of 100, SD sqrt(100 x 0.15 x 0.85) = 3.57: z about -4.2 before over-dispersion;
// the others sit at 15% (z near 0), so phi is about (4.2^2) / 11 = 1.6 and the lower limit at
// z -3.09 is about 15% - 3.09 x 1.26 x 3.57% = 1.1%: 0% is below it, and 0% is the lowest of 12
// rates (percentile 1/12 = 8.3% <= 10%): a low-side flag.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { openCase } from '../../src/lib/server/cases/cases.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi as npi } from '../helpers/peer-fixture.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const RULE = 'em_established_level5';

beforeAll(async () => {
	const lines = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount'];
	let k = 0;
	const visit = (p: number, date: string, code: string) => lines.push(`V${++k},1,P${k},${npi(p)},"Doc ${p}",Internal Medicine,${date},${code},${code === '99215' ? '184.00' : '131.00'}`);
	const quarter = (p: number, months: string[], level5: number, firstLevel5Date?: string) => {
		for (let v = 0; v < 100; v++) {
			const date = v === 0 && firstLevel5Date ? firstLevel5Date : `2025-${months[v % 3]}-10`;
			visit(p, date, v < level5 ? '99215' : '99214');
		}
	};
	for (let p = 1; p <= 10; p++) (quarter(p, ['01', '02', '03'], 15), quarter(p, ['04', '05', '06'], 15));
	quarter(11, ['01', '02', '03'], 60, '2025-03-31');
	quarter(11, ['04', '05', '06'], 15, '2025-04-01');
	quarter(12, ['01', '02', '03'], 0);
	quarter(12, ['04', '05', '06'], 0);
	const path = join(db.dir, 'quarters.csv');
	writeFileSync(path, `${lines.join('\n')}\n`);
	expect((await importFile(path, { dbPath: db.path })).rowsLoaded).toBe(2400);
});

const row = async (p: number, q: Parameters<typeof listFlags>[0]) => (await listFlags({ rule: RULE, all: true, ...q }, db.path)).filtered.find((r) => r.provider_npi === npi(p));

describe('a period of whole months', () => {
	it('counts a line on the last day of a quarter in that quarter, and the next day in the next', async () => {
		expect(await row(11, { period: '2025-Q1' })).toMatchObject({ numerator: 60, denominator: 100, period_from: '2025-01-01', period_to: '2025-03-31', flagged: true, direction: 'high' });
		expect(await row(11, { period: '2025-Q2' })).toMatchObject({ numerator: 15, denominator: 100, period_from: '2025-04-01', period_to: '2025-06-30', flagged: false });
		expect(await row(11, { from: '2025-01-01', to: '2025-06-30' })).toMatchObject({ numerator: 75, denominator: 200 });
		expect(await row(11, {})).toMatchObject({ numerator: 75, denominator: 200, period_from: null, period_to: null });
		// March alone: 34 visits (v % 3 == 2: 33, plus v = 0 moved to 03-31), 21 at 99215 (v % 3 == 2 below 60: 20, plus v = 0)
		const march = await row(11, { from: '2025-03', to: '2025-03' });
		expect(march).toMatchObject({ numerator: 21, denominator: 34 });
	});
	it('flags the low side: under-coding, with its direction and reason', async () => {
		const low = await row(12, { period: '2025-Q2' });
		expect(low).toMatchObject({ numerator: 0, denominator: 100, rate: 0, direction: 'low', flagged: true });
		expect(low?.percentile).toBeCloseTo(1 / 12, 12);
		expect(low?.peer_rate).toBeCloseTo(165 / 1100, 12);
		expect(low?.reasons.join(' | ')).toMatch(/low side: rate 0\.0% below the lower funnel limit/);
		expect(low?.reasons.join(' | ')).toMatch(/under-coding: about 15 fewer services than at the peer rate/);
		const lows = (await listFlags({ rule: RULE, period: '2025-Q2', direction: 'low' }, db.path)).filtered;
		expect(lows.map((r) => r.provider_npi)).toEqual([npi(12)]);
		const highs = (await listFlags({ rule: RULE, period: '2025-Q1', direction: 'high' }, db.path)).filtered;
		expect(highs.map((r) => r.provider_npi)).toEqual([npi(11)]);
	});
	it('a case opened on a quarter keeps that quarter\'s flag, and compares with it', async () => {
		const { case: c } = await openCase({ npi: npi(11), ruleId: RULE, from: '2025-01-01', to: '2025-03-31', actor: { email: 'co@example.org' }, dbPath: db.path });
		expect(c).toMatchObject({ period_from: '2025-01-01', period_to: '2025-03-31', snapshot: { numerator: 60, denominator: 100, flagged: true }, flag_now: { state: 'flagged', changes: [] } });
		await expect(openCase({ npi: npi(11), ruleId: 'ed_level5', from: '2025-01-01', to: '2025-03-31', actor: { email: 'co@example.org' }, dbPath: db.path })).rejects.toThrow(`NPI ${npi(11)} has no result for rule ed_level5 in 2025-01-01 to 2025-03-31`);
	});
	it('refuses a period that is not whole months', async () => {
		await expect(listFlags({ from: '2025-01-15', to: '2025-03-31' }, db.path)).rejects.toThrow('from: 2025-01-15 is not the first day of a month');
	});
});
