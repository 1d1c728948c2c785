// RAT-STATS appraisals checked against the user guide's worked example and hand-computed cases.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appraiseVariable, appraiseVariableSummary } from '../../src/lib/server/stats/appraisal-variable.ts';
import { appraiseAttributeStratified, appraiseAttributeUnrestricted, hypergeometricLimits } from '../../src/lib/server/stats/appraisal-attribute.ts';
import { criticalValue, zQuantile } from '../../src/lib/server/stats/appraisal.ts';
import { parseValues, parseStrataFile, valuesToStrata } from '../../src/lib/server/sampling/values-file.ts';

const dollars = (x: number) => Math.round(x);

describe('quantiles', () => {
	it('t(49) at 0.95 is the RAT-STATS 1.676550892617; z to full precision', () => {
		expect(criticalValue(0.95, 49)).toBeCloseTo(1.676550892617, 12);
		expect(zQuantile(0.95)).toBeCloseTo(1.6448536269514722, 14);
		expect(zQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
		expect(zQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
	});
});

describe('unrestricted variable appraisal: the RAT-STATS user guide example', () => {
	// N = 10,000, n = 50, mean difference 70.60, SD 48.2519:
	// point = 10,000 x 70.60 = 706,000
	// SE = 10,000 x 48.2519 / sqrt(50) x sqrt(9,950 / 10,000) = 68,238.62 x 0.997497 = 68,067.68
	// 90%: 706,000 -/+ 1.676550892617 x 68,067.68 = 706,000 -/+ 114,118.93 -> 591,881 to 820,119
	const a = appraiseVariableSummary([{ stratum: 1, universe: 10_000, n: 50, mean: 70.6, sd: 48.2519 }]);

	it('reproduces point, SE and the 90% interval to the dollar', () => {
		expect(a.design).toBe('unrestricted');
		expect(a.df).toBe(49);
		expect(dollars(a.point_estimate)).toBe(706_000);
		expect(dollars(a.standard_error)).toBe(68_068);
		const i90 = a.intervals.find((i) => i.confidence === 0.9);
		expect(i90?.critical).toBeCloseTo(1.676550892617, 12);
		expect(dollars(i90?.lower as number)).toBe(591_881);
		expect(dollars(i90?.upper as number)).toBe(820_119);
		expect(dollars(i90?.precision as number)).toBe(114_119);
		expect(i90?.precision_pct).toBeCloseTo(114_118.93 / 706_000, 6);
	});

	it('gives the OIG demand (lower two-sided 90%) and the CMS demand (lower one-sided 90%)', () => {
		expect(dollars(a.oig_demand.amount)).toBe(591_881);
		// one-sided 90%: t(49) at 0.90 = 1.299068785; 706,000 - 1.2990688 x 68,067.681 = 617,575.40
		expect(a.cms_demand.critical).toBeCloseTo(1.2990687847, 9);
		expect(dollars(a.cms_demand.amount)).toBe(dollars(706_000 - 1.29906878474775 * 68_067.68138172402));
	});

	it('names each recovery convention: OIG audit, CMS contractor, OIG Self-Disclosure (the point estimate)', () => {
		// RAT-STATS 2010 worked example (N 10,000, n 50): two-sided 90% lower limit 591,881;
		// one-sided 90% lower limit 706,000 - 1.2990688 x 68,067.681 = 617,575.40 (python); point 706,000
		expect(dollars(a.recovery.oig_audit.amount)).toBe(591_881);
		expect(dollars(a.recovery.cms_contractor.amount)).toBe(617_575);
		expect(a.recovery.self_disclosure).toEqual({ amount: 706_000, basis: 'OIG Self-Disclosure Protocol (2013, IV.B.2): the point estimate', critical: 0 });
		expect(a.recovery.oig_audit.basis).toBe('OIG audit recovery: lower limit of the two-sided 90% interval');
		expect(a.recovery.cms_contractor.basis).toBe('CMS contractor recovery: lower limit of the one-sided 90% interval (CMS Program Integrity Manual ch. 8, 8.4.5.1)');
		// the older keys carry the same amounts
		expect(a.oig_demand.amount).toBe(a.recovery.oig_audit.amount);
		expect(a.cms_demand.amount).toBe(a.recovery.cms_contractor.amount);
	});

	it('80% and 95% intervals use t(49) at 0.90 and 0.975', () => {
		const [i80, , i95] = a.intervals;
		expect(i80?.critical).toBeCloseTo(1.2990687847, 9);
		expect(i95?.critical).toBeCloseTo(2.009575237, 8); // R: qt(0.975, 49)
	});

	it('the same from the 50 differences themselves (fixture: mean 70.60, SD 48.25190)', () => {
		const text = readFileSync('tests/fixtures/sampling_ratstats_differences.txt', 'utf8');
		const { rows, differencesOnly } = parseValues(text, false);
		expect(differencesOnly).toBe(true);
		expect(rows).toHaveLength(50);
		const v = appraiseVariable(valuesToStrata(rows, 10_000));
		expect(v.mean_difference).toBeCloseTo(70.6, 10);
		expect(v.sd_difference).toBeCloseTo(48.2519, 4);
		expect(dollars(v.point_estimate)).toBe(706_000);
		expect(dollars(v.standard_error)).toBe(68_068);
		expect(dollars(v.intervals[1]?.lower as number)).toBe(591_881);
		expect(dollars(v.intervals[1]?.upper as number)).toBe(820_119);
	});
});

describe('stratified variable appraisal (hand-checked)', () => {
	// Stratum 1: N 100, differences 0, 10, 20, 30: mean 15, s^2 = (225+25+25+225)/3 = 166.67
	//   total 1,500; var = 100^2 x 166.67 / 4 x (96/100) = 400,000
	// Stratum 2: N 50, differences 100, 0, 50: mean 50, s^2 = (2500+2500+0)/2 = 2,500
	//   total 2,500; var = 50^2 x 2,500 / 3 x (47/50) = 1,958,333.33
	// Overall: 4,000; SE = sqrt(2,358,333.33) = 1,535.69; 90% with z 1.644854: 1,474.02 to 6,525.98
	const a = appraiseVariable([
		{ stratum: 1, universe: 100, examined: [0, 10, 20, 30], audited: [0, 0, 0, 0] },
		{ stratum: 2, universe: 50, examined: [100, 50, 80], audited: [0, 50, 30] }
	]);

	it('adds stratum totals and variances and uses z', () => {
		expect(a.design).toBe('stratified');
		expect(a.df).toBeNull();
		expect(a.point_estimate).toBeCloseTo(4000, 9);
		expect(a.strata[0]?.standard_error).toBeCloseTo(Math.sqrt(400_000), 6);
		expect(a.strata[1]?.standard_error).toBeCloseTo(Math.sqrt(1_958_333.333333), 4);
		expect(a.standard_error).toBeCloseTo(1535.6866, 3);
		expect(a.intervals[1]?.lower).toBeCloseTo(1474.0203, 3);
		expect(a.intervals[1]?.upper).toBeCloseTo(6525.9797, 3);
		expect(a.oig_demand.amount).toBeCloseTo(1474.0203, 3);
		// CMS: 4,000 - 1.281552 x 1,535.6866 = 2,031.94
		expect(a.cms_demand.amount).toBeCloseTo(2031.9384, 3);
		// examined totals: 100 x 15 + 50 x 76.67 = 5,333.33; audited: 0 + 50 x 26.67 = 1,333.33
		expect(a.examined_total).toBeCloseTo(5333.3333, 3);
		expect(a.audited_total).toBeCloseTo(1333.3333, 3);
		expect(a.nonzero_differences).toBe(5);
	});

	it('a stratum sampled in full adds no variance; one unit from a larger stratum is refused', () => {
		const full = appraiseVariable([{ stratum: 1, universe: 2, examined: [10, 20], audited: [0, 0] }]);
		expect(full.standard_error).toBe(0);
		expect(() => appraiseVariable([{ stratum: 1, universe: 10, examined: [5], audited: [0] }])).toThrow(/one sampled unit/);
	});

	it('reads a RAT-STATS style stratified value file', () => {
		const { rows } = parseValues('stratum,examined,audited\n1,0,0\n1,10,0\n1,20,0\n1,30,0\n2,100,0\n2,50,50\n2,80,30\n', true);
		const a2 = appraiseVariable(valuesToStrata(rows, parseStrataFile('stratum,universe\n1,100\n2,50\n')));
		expect(a2.point_estimate).toBeCloseTo(4000, 9);
		expect(a2.standard_error).toBeCloseTo(a.standard_error, 9);
	});
});

/** Exact limits by brute force over every M, in exact integer arithmetic (tail = 1/D). */
function choose(n: number, k: number): bigint {
	if (k < 0 || k > n) return 0n;
	let r = 1n;
	for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
	return r;
}
function bruteLimits(N: number, n: number, k: number, D: number) {
	const total = choose(N, n);
	const ways = (M: number, xs: number[]) => xs.reduce((s, x) => s + choose(M, x) * choose(N - M, n - x), 0n);
	const atLeast = (M: number) => ways(M, Array.from({ length: n - k + 1 }, (_, i) => k + i));
	const atMost = (M: number) => ways(M, Array.from({ length: k + 1 }, (_, i) => i));
	// P >= 1/D  <=>  ways x D >= C(N, n)
	let lower = 0;
	if (k > 0) for (let M = 0; M <= N; M++) if (atLeast(M) * BigInt(D) >= total) { lower = M; break; }
	let upper = N;
	if (k < n) for (let M = N; M >= 0; M--) if (atMost(M) * BigInt(D) >= total) { upper = M; break; }
	return { lower, upper };
}

describe('unrestricted attribute appraisal: exact hypergeometric interval', () => {
	it('N = 20, n = 5, 1 error (by hand)', () => {
		// C(20,5) = 15,504. Upper 90%: largest M with P(X <= 1) > 0.05:
		//   M = 12: (C(8,5) + 12 C(8,4)) / 15,504 = (56 + 840) / 15,504 = 0.0578 > 0.05
		//   M = 13: (C(7,5) + 13 C(7,4)) / 15,504 = (21 + 455) / 15,504 = 0.0307 < 0.05  -> upper 12
		// Lower: smallest M with P(X >= 1) > 0.05: M = 1 gives 1 - C(19,5)/15,504 = 0.25    -> lower 1
		const a = appraiseAttributeUnrestricted({ stratum: 1, universe: 20, sample_size: 5, errors: 1 });
		expect(a.rate).toBe(0.2);
		expect(a.projected_errors).toBe(4);
		expect(a.intervals[1]).toMatchObject({ confidence: 0.9, lower_count: 1, upper_count: 12, lower_rate: 0.05, upper_rate: 0.6 });
		expect(a.method).toBe('exact hypergeometric');
	});

	it('a tail exactly at a/2 counts as inside (N = 21, n = 2, 2 errors: P(X >= 2 | M = 7) = 21/210 = 0.1)', () => {
		expect(hypergeometricLimits(21, 2, 2, 0.1).lower).toBe(7);
	});

	it('0 errors: lower 0; all errors: upper N', () => {
		expect(hypergeometricLimits(100, 10, 0, 0.05).lower).toBe(0);
		expect(hypergeometricLimits(100, 10, 10, 0.05).upper).toBe(100);
	});

	it('property: the bisection agrees with brute force over every M', () => {
		fc.assert(
			fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom(10, 20, 40), (N, nRaw, kRaw, D) => {
				const n = Math.min(nRaw, N);
				const k = Math.min(kRaw, n);
				expect(hypergeometricLimits(N, n, k, 1 / D)).toEqual(bruteLimits(N, n, k, D));
			}),
			{ numRuns: 150 }
		);
	});
});

describe('stratified attribute appraisal: normal approximation (hand-checked)', () => {
	// W1 = 200/1000 = 0.2, p1 = 4/20 = 0.2; W2 = 0.8, p2 = 3/30 = 0.1; p = 0.04 + 0.08 = 0.12
	// var = 0.2^2 x 0.9 x 0.2 x 0.8 / 19 + 0.8^2 x (1 - 30/800) x 0.1 x 0.9 / 29
	//     = 0.000303158 + 0.001911724 = 0.002214882; SE = 0.0470625
	// 95%: 0.12 -/+ 1.959964 x 0.0470625 = 0.027759 to 0.212241
	const a = appraiseAttributeStratified([
		{ stratum: 1, universe: 200, sample_size: 20, errors: 4 },
		{ stratum: 2, universe: 800, sample_size: 30, errors: 3 }
	]);
	it('weights the stratum rates and adds their variances', () => {
		expect(a.method).toBe('normal approximation');
		expect(a.rate).toBeCloseTo(0.12, 12);
		expect(a.standard_error).toBeCloseTo(0.0470625332, 9);
		expect(a.intervals[2]?.lower_rate).toBeCloseTo(0.0277591299, 8);
		expect(a.intervals[2]?.upper_rate).toBeCloseTo(0.2122408701, 8);
		expect(a.projected_errors).toBeCloseTo(120, 9);
		expect(a.errors).toBe(7);
	});
});

describe('examined, audited and per-stratum intervals (RAT-STATS reports all three values)', () => {
	// hand example, computed in Python (statistics.stdev, n - 1) with t(3) quantiles 1.6377444,
	// 2.3533634, 3.1824463 and t(2) 2.9199856 at 0.90, 0.95, 0.975 and 0.95:
	// stratum A: N 10, examined 100 50 80 70, audited 100 40 80 50 -> differences 0 10 0 20
	//   examined: point 750, SE 80.6225774829855, 90% 560.2658 to 939.7342
	//   audited:  point 675, SE 106.65364503850772, 90% 424.0052 to 925.9948
	//   difference: point 75, SE 37.080992435478315, 90% -12.2651 to 162.2651
	// stratum B: N 20, examined 30 30 60, audited 30 20 60 -> differences 0 10 0
	//   difference: point 66.6667, SE 61.46362971528592, own 90% (t(2)) -112.8062 to 246.1396
	//   stratified examined total: 750 + 800 = 1550, SE 201.2461179749811, 90% lower (z) 1218.9796
	const A = { stratum: 'A', universe: 10, examined: [100, 50, 80, 70], audited: [100, 40, 80, 50] };
	const B = { stratum: 'B', universe: 20, examined: [30, 30, 60], audited: [30, 20, 60] };
	const at90 = (e: { intervals: { confidence: number; lower: number; upper: number }[] } | null) => e?.intervals.find((i) => i.confidence === 0.9);

	it('unrestricted: examined, audited and difference each with point, SE and 80/90/95% intervals', () => {
		const a = appraiseVariable([A]);
		expect(a.examined?.point_estimate).toBe(750);
		expect(a.examined?.standard_error).toBeCloseTo(80.6225774829855, 9);
		expect(at90(a.examined)?.lower).toBeCloseTo(560.2657769, 4);
		expect(at90(a.examined)?.upper).toBeCloseTo(939.7342231, 4);
		expect(a.audited?.point_estimate).toBe(675);
		expect(a.audited?.standard_error).toBeCloseTo(106.65364503850772, 9);
		expect(at90(a.audited)?.lower).toBeCloseTo(424.0052153, 4);
		expect(a.examined?.intervals.map((i) => i.confidence)).toEqual([0.8, 0.9, 0.95]);
		expect(a.examined?.intervals[0]?.lower).toBeCloseTo(617.9608252, 4);
		expect(a.audited?.intervals[2]?.lower).toBeCloseTo(335.5805020, 4);
		expect(a.point_estimate).toBe(75);
		expect(at90(a)?.lower).toBeCloseTo(-12.2650504, 4);
		expect(a.nonzero_differences).toBe(2);
	});

	it('stratified: each stratum has its own intervals, the totals add', () => {
		const a = appraiseVariable([A, B]);
		const b = a.strata[1];
		expect(b?.point_estimate).toBeCloseTo(66.6666667, 6);
		expect(b?.standard_error).toBeCloseTo(61.46362971528592, 9);
		expect(at90(b ?? null)?.lower).toBeCloseTo(-112.8062470, 4);
		expect(at90(b ?? null)?.upper).toBeCloseTo(246.1395804, 4);
		expect(a.examined?.point_estimate).toBe(1550);
		expect(a.examined?.standard_error).toBeCloseTo(201.2461179749811, 9);
		expect(at90(a.examined)?.lower).toBeCloseTo(1218.9795929, 4);
		expect(a.nonzero_differences).toBe(3);
	});

	it('has no examined or audited estimate when only the differences are known', () => {
		const a = appraiseVariableSummary([{ stratum: 1, universe: 10_000, n: 50, mean: 70.6, sd: 48.2519 }]);
		expect(a.examined).toBeNull();
		expect(a.audited).toBeNull();
		expect(a.strata[0]?.intervals).toHaveLength(3);
	});
});
