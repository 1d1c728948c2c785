// Peer-rule boundaries and severity pinned to exact values, on tests/fixtures/peer_boundaries.csv
// (rule em_established_level5 = 99215 / 99211-99215; catalog defaults: min_volume 30,
// min_peer_group 5, z > 3.0902 (99.8%), percentile >= 90%, severity high at z >= 6 or
// $50,000, medium at z >= 4 or $10,000; src/lib/schemas/rules.ts).
// The fixture, counted by hand (one claim per provider, services = units; allowed per service
// $184 for 99215 and $131 for 99214 unless said otherwise):
//   Internal Medicine, 45 providers: 40 ordinary at 100 / 1,000 (10%), then
//     3100000413 "IM low"               22 / 100
//     3100000421 "IM medium by z"       26 / 100
//     3100000439 "IM high by z"         40 / 100
//     3100000447 "IM medium by dollars" 22 / 100, 99215 at $2,131 a service
//     3100000454 "IM high by dollars"   22 / 100, 99215 at $6,131 a service
//     p0 = (40*100 + 22 + 26 + 40 + 22 + 22) / (40*1,000 + 5*100) = 4,132 / 40,500.
//   Family Medicine, 43 providers: 40 ordinary at 100 / 1,000, and three providers billing only
//     99215 with denominators at the minimum volume: 29 / 29 (3200000412), 30 / 30 (3200000420),
//     31 / 31 (3200000438). p0 = (4,000 + 29 + 30 + 31) / (40,000 + 90) = 4,090 / 40,090.
//   Cardiology (4 providers), Dermatology (5), Neurology (6): ordinary providers at 100 / 1,000
//     and one outlier at 22 / 100 (3300000098, 3400000097, 3500000096). These groups are under
//     the rule's loo_below (20): each provider is judged against the OTHER providers' rate, so
//     the outlier's peer rate is exactly 100 / 1,000 = 0.1 in all three (the 40+ groups keep the
//     pooled rate).
// Expected z: exact binomial mid-p z, z = Phi^-1(1 - (P(X >= x) + P(X > x)) / 2), X ~ Bin(n, p0),
// computed outside the code with SciPy 1.17 (norm.isf((binom.sf(x-1,n,p0) + binom.sf(x,n,p0))/2));
// every group here is too tight for the over-dispersion factor to apply (phi = 1), asserted
// below, so these are the reported z. Dollars = (x - n p0) x (mean allowed 99215 - mean 99214).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import type { FlagRow } from '../../src/lib/schemas/flags.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

let rows: FlagRow[] = [];
const row = (npi: string) => {
	const r = rows.find((x) => x.provider_npi === npi);
	expect(r, `a row for ${npi}`).toBeDefined();
	return r as FlagRow;
};

beforeAll(async () => {
	// 203 lines: 45 + 40 + 3 + 3 + 4 + 5 ordinary-or-outlier providers with two lines, minus the
	// three 99215-only providers (see the fixture)
	expect((await importFile(join('tests', 'fixtures', 'peer_boundaries.csv'), { dbPath: db.path })).rowsLoaded).toBe(203);
	rows = (await listFlags({ rule: 'em_established_level5', all: true }, db.path)).filtered;
	expect(rows).toHaveLength(45 + 43 + 4 + 5 + 6);
});

describe('minimum volume at n - 1, n, n + 1 (n = 30 services)', () => {
	// the three pass every other test by far: rate 100% (percentile 100%), z about 11.3-11.7
	const cases = [
		{ npi: '3200000412', n: 29, z: 11.272884729046183, flagged: false },
		{ npi: '3200000420', n: 30, z: 11.472078463216674, flagged: true },
		{ npi: '3200000438', n: 31, z: 11.667921056917924, flagged: true }
	];
	it.each(cases)('denominator $n: flagged $flagged', ({ npi, n, z, flagged }) => {
		const r = row(npi);
		expect(r).toMatchObject({ numerator: n, denominator: n, rate: 1, percentile: 1, peer_count: 43, phi: 1, flagged });
		expect(r.peer_rate).toBeCloseTo(4090 / 40090, 12);
		expect(r.z).toBeCloseTo(z, 6);
		expect(r.severity).toBe(flagged ? 'high' : 'none'); // z >= 6
		expect(r.reasons).toContain(n >= 30 ? `volume ${n} >= 30` : `volume ${n} below the minimum 30`);
	});

	it('exactly the providers at or above the minimum are flagged in Family Medicine', async () => {
		const { filtered } = await listFlags({ rule: 'em_established_level5', specialty: 'Family Medicine' }, db.path);
		expect(filtered.map((r) => r.provider_npi).sort()).toEqual(['3200000420', '3200000438']);
	});
});

describe('minimum peer group at 4, 5 and 6 providers (min_peer_group = 5)', () => {
	// the same outlier (22 / 100 against ordinary 100 / 1,000) passes funnel and percentile in
	// each group; only the group of 4 is too small. Leave-one-out: p0 = 0.1, so the same z in
	// each (SciPy: norm.isf((binom.sf(21,100,0.1) + binom.sf(22,100,0.1)) / 2) = 3.523383524250146;
	// with the pooled rate it was 3.379 / 3.414 / 3.435, the outlier pulling its own benchmark up)
	const cases = [
		{ npi: '3300000098', k: 4, p0: 0.1, z: 3.523383524250146, flagged: false },
		{ npi: '3400000097', k: 5, p0: 0.1, z: 3.523383524250146, flagged: true },
		{ npi: '3500000096', k: 6, p0: 0.1, z: 3.523383524250146, flagged: true }
	];
	it.each(cases)('peer group of $k: flagged $flagged', ({ npi, k, p0, z, flagged }) => {
		const r = row(npi);
		expect(r).toMatchObject({ numerator: 22, denominator: 100, peer_count: k, percentile: 1, phi: 1, flagged });
		expect(r.peer_rate).toBeCloseTo(p0, 12);
		expect(r.z).toBeCloseTo(z, 6);
		expect(r.z as number).toBeGreaterThan(3.090232306167813);
		expect(r.severity).toBe(flagged ? 'low' : 'none'); // z < 4, dollars < $10,000
		expect(r.reasons).toContain(k >= 5 ? `peer group of ${k} providers` : `peer group of ${k} is below 5: no flags`);
		expect(r.reasons).toContain(`peer rate 10.0% of the other ${k - 1} providers (leave-one-out: groups under 20)`);
		expect(r.dollars_at_risk).toBeCloseTo((22 - 100 * p0) * 53, 2);
	});

	it('the rule status names only the group of 4 as too small', async () => {
		const { rules } = await listFlags({ rule: 'em_established_level5' }, db.path);
		expect(rules.find((r) => r.rule_id === 'em_established_level5')?.small_peer_groups).toEqual(['Cardiology']);
	});
});

describe('severity of each flagged row', () => {
	const p0 = 4132 / 40500;
	// z from SciPy as above; dollars by hand from p0 and the per-service allowed amounts
	const cases = [
		{ label: 'low: z < 4 and dollars < $10,000', npi: '3100000413', x: 22, perService: 53, z: 3.4475010362934304, severity: 'low' },
		{ label: 'medium by z only', npi: '3100000421', x: 26, perService: 53, z: 4.473385373593785, severity: 'medium' },
		{ label: 'high by z only (dollars < $10,000)', npi: '3100000439', x: 40, perService: 53, z: 7.789784351077421, severity: 'high' },
		{ label: 'medium by dollars only (z < 4)', npi: '3100000447', x: 22, perService: 2000, z: 3.4475010362934304, severity: 'medium' },
		{ label: 'high by dollars only (z < 4)', npi: '3100000454', x: 22, perService: 6000, z: 3.4475010362934304, severity: 'high' }
	];
	it.each(cases)('$label', ({ npi, x, perService, z, severity }) => {
		const r = row(npi);
		expect(r).toMatchObject({ numerator: x, denominator: 100, peer_count: 45, phi: 1, flagged: true, severity });
		expect(r.peer_rate).toBeCloseTo(p0, 12);
		expect(r.z).toBeCloseTo(z, 6);
		expect(r.excess_services).toBeCloseTo(x - 100 * p0, 10);
		// (x - 100 p0) x per-service: 625.27, 837.27, 1,579.27, 23,595.06, 70,785.19
		expect(r.dollars_at_risk).toBeCloseTo(Math.round((x - 100 * p0) * perService * 100) / 100, 2);
	});

	it('dollars at risk by hand for the two dollar-driven rows', () => {
		expect(row('3100000447').dollars_at_risk).toBe(23595.06);
		expect(row('3100000454').dollars_at_risk).toBe(70785.19);
	});

	it('exactly the five outliers are flagged in Internal Medicine, ordinary providers are not', async () => {
		const { filtered } = await listFlags({ rule: 'em_established_level5', specialty: 'Internal Medicine' }, db.path);
		// worst first: severity, then dollars
		expect(filtered.map((r) => [r.provider_npi, r.severity])).toEqual([
			['3100000454', 'high'],
			['3100000439', 'high'],
			['3100000447', 'medium'],
			['3100000421', 'medium'],
			['3100000413', 'low']
		]);
		expect(row('3100000017')).toMatchObject({ rate: 0.1, flagged: false, severity: 'none' });
	});
});
