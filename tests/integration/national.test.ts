// Own providers against national CMS peers (issue 11) on a tiny national file written below,
// whose percentiles can be counted by hand.
//   National file (CMS by-Provider-and-Service layout, data year 2023): 20 "Family Practice"
//   providers, provider i (1-20) with 10 + i of 100 established visits at 99215 (11% ... 30%):
//   pooled national rate = (11 + ... + 30) / 2,000 = 410 / 2,000 = 20.5%.
//   Own practice: two... three "Family Medicine" providers (mapped by default to Family Practice):
//     A 60 of 100 at 99215: national percentile 20 / 20 = 100%
//     B 15 of 100:          rates at or below 15%: 11, 12, 13, 14, 15 -> 5 / 20 = 25%
//     C 0 of 100:           none at or below 0% -> 0 / 20 = 0% (the low side)
//   Three own providers are under the minimum peer group of 5: no own-peer flags at all.
//   The national rates' spread (11%-30%) against binomial noise at n = 100 (SD 4.0%) gives
//   phi about 2.1: limits about 20.5% +/- 3.09 x 1.45 x 4.04% = 2.4% .. 38.6%; A is above
//   (flagged high), C below (flagged low), B inside.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi } from '../helpers/peer-fixture.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const RULE = 'em_established_level5';
const own = (i: number) => fixtureNpi(700 + i);
const nat = (i: number) => fixtureNpi(800 + i);

beforeAll(async () => {
	const head = 'Rndrng_NPI,Rndrng_Prvdr_Last_Org_Name,Rndrng_Prvdr_First_Name,Rndrng_Prvdr_Type,HCPCS_Cd,Place_Of_Srvc,Tot_Benes,Tot_Srvcs,Avg_Sbmtd_Chrg,Avg_Mdcr_Alowd_Amt,Avg_Mdcr_Pymt_Amt';
	const cms = [head];
	for (let i = 1; i <= 20; i++) {
		cms.push(`${nat(i)},Nat${i},Doc,Family Practice,99215,O,${10 + i},${10 + i},250,184,140`);
		cms.push(`${nat(i)},Nat${i},Doc,Family Practice,99214,O,${90 - i},${90 - i},180,131,100`);
	}
	const cmsPath = join(db.dir, 'national_2023.csv');
	writeFileSync(cmsPath, `${cms.join('\n')}\n`);
	const lines = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount'];
	let k = 0;
	for (const [p, level5] of [[1, 60], [2, 15], [3, 0]] as const) {
		for (let v = 0; v < 100; v++) lines.push(`N${++k},1,P${k},${own(p)},"Own ${p}",Family Medicine,2025-0${(v % 3) + 1}-10,${v < level5 ? '99215' : '99214'},${v < level5 ? '184.00' : '131.00'}`);
	}
	const claimsPath = join(db.dir, 'own.csv');
	writeFileSync(claimsPath, `${lines.join('\n')}\n`);
	expect((await importFile(claimsPath, { dbPath: db.path })).rowsLoaded).toBe(300);
	expect((await importFile(cmsPath, { kind: 'cms-provider-service', dbPath: db.path })).rowsLoaded).toBe(40);
});

const rows = async (benchmark?: 'own' | 'national' | 'both') => (await listFlags({ rule: RULE, all: true, benchmark }, db.path));

describe('own providers against national CMS peers', () => {
	it('own peers alone: three providers are too few for a flag', async () => {
		const r = await rows('own');
		expect(r.source).toBe('claims');
		expect(r.filtered.map((x) => x.flagged)).toEqual([false, false, false]);
		expect(r.filtered[0]?.national_rate).toBeUndefined();
	});
	it('national: rate, percentile and flags against the national Family Practice distribution', async () => {
		const r = await rows('national');
		expect(r.national).toMatchObject({ benchmark: 'national', year: 2023, years: [2023] });
		expect(r.national.mapping).toEqual([{ own: 'Family Medicine', cms: 'Family Practice', basis: 'default' }]);
		const by = new Map(r.filtered.map((x) => [x.provider_npi, x]));
		const a = by.get(own(1));
		const b = by.get(own(2));
		const c = by.get(own(3));
		expect(a).toMatchObject({ national_year: 2023, national_group: 'Family Practice', national_providers: 20, national_percentile: 1, national_flagged: true, national_direction: 'high', flagged: true, direction: 'high' });
		expect(a?.national_rate).toBeCloseTo(410 / 2000, 12);
		expect(a?.national_z as number).toBeGreaterThan(3.09);
		expect(b).toMatchObject({ national_percentile: 0.25, national_flagged: false, flagged: false });
		expect(c).toMatchObject({ national_percentile: 0, national_flagged: true, national_direction: 'low', flagged: true, direction: 'low' });
		expect(c?.national_z as number).toBeLessThan(-3.09);
		expect(a?.reasons.at(-1)).toMatch(/^national: Family Practice nationally \(CMS 2023\): 20 providers, rate 20\.5%/);
	});
	it('both: flagged by either benchmark', async () => {
		const r = await rows('both');
		expect(r.filtered.filter((x) => x.flagged).map((x) => x.provider_npi).sort()).toEqual([own(1), own(3)].sort());
	});
});

describe('the CMS year of the national benchmark', () => {
	it('--year names it on claim data (as --national-year does); an unknown year falls back to the newest', async () => {
		expect((await listFlags({ rule: RULE, all: true, benchmark: 'national', year: 2023 }, db.path)).national.year).toBe(2023);
		expect((await listFlags({ rule: RULE, all: true, benchmark: 'national', national_year: 1999 }, db.path)).national.year).toBe(2023);
	});
});

describe('national groups are computed once per data version', () => {
	it('another period under the national benchmark reuses them (no new scan of the national file)', async () => {
		const { processMap } = await import('../../src/lib/server/db/process-cache.ts');
		const mine = () => [...processMap<string, unknown>('national-groups').keys()].filter((k) => k.startsWith(`${db.path}|`) && k.endsWith(`|2023|${RULE}`));
		await listFlags({ rule: RULE, all: true, benchmark: 'national' }, db.path);
		expect(mine()).toHaveLength(1);
		const before = processMap<string, Promise<unknown>>('national-groups').get(mine()[0] as string);
		const q1 = await listFlags({ rule: RULE, all: true, benchmark: 'national', period: '2025-Q1' }, db.path);
		expect(mine()).toHaveLength(1);
		expect(processMap<string, Promise<unknown>>('national-groups').get(mine()[0] as string)).toBe(before);
		// the national rate is the file's whatever the own period (the own claims all fall in 2025-Q1)
		expect(q1.filtered.find((r) => r.provider_npi === own(1))?.national_rate).toBeCloseTo(410 / 2000, 12);
	});
});
