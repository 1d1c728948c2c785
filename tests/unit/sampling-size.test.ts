// Sample sizes, strata boundaries and allocation, checked by hand.
import { describe, expect, it } from 'vitest';
import { attributeMeets, attributeSize, presetSize, variableSize, variableSizeFromErrorRate } from '../../src/lib/server/stats/sampling-size.ts';
import { hypergeometricLimits } from '../../src/lib/server/stats/appraisal-attribute.ts';
import { allocate, equalDollarBoundaries, stratumOf } from '../../src/lib/server/stats/sampling-strata.ts';
import { computeSampleSize } from '../../src/lib/server/sampling/size.ts';
import { SizeRequest } from '../../src/lib/schemas/sampling.ts';

describe('variable sample size (RAT-STATS: rounded to the nearest unit)', () => {
	it('N 10,000, probe mean 70.60, SD 48.2519, 10% precision, 90% confidence -> 125', () => {
		// E = 0.10 x 70.60 x 10,000 = 70,600; E/z = 70,600 / 1.644854 = 42,921.6; (E/z)^2 = 1.842266e9
		// N s^2 = 10,000 x 2,328.2459 = 2.328246e7; (s N)^2 = 2.328246e11
		// n = 2.328246e11 / (1.842266e9 + 2.328246e7) = 124.80 -> 125
		const r = variableSize({ universe: 10_000, mean: 70.6, sd: 48.2519, precision: 0.1, confidence: 0.9 });
		expect(r.exact).toBeCloseTo(124.8015, 3);
		expect(r.sample_size).toBe(125);
	});

	it('rounds to the nearest unit, not up: 103.37 -> 103 and 86.9995 -> 87', () => {
		// same probe at 11% and 12% precision; exact values in Python with scipy.stats.norm.ppf(0.95):
		// (48.2519 x 10^4)^2 / ((0.11 x 70.6 x 10^4 / 1.6448536)^2 + 10^4 x 48.2519^2) = 103.3656
		// and at 12%: 86.99947
		const at11 = variableSize({ universe: 10_000, mean: 70.6, sd: 48.2519, precision: 0.11, confidence: 0.9 });
		expect(at11.exact).toBeCloseTo(103.3656, 3);
		expect(at11.sample_size).toBe(103);
		const at12 = variableSize({ universe: 10_000, mean: 70.6, sd: 48.2519, precision: 0.12, confidence: 0.9 });
		expect(at12.exact).toBeCloseTo(86.99947, 4);
		expect(at12.sample_size).toBe(87);
	});

	it('from an expected error rate uses the SD of the reported amounts: sigma_D = sqrt(p (sigma_R^2 + (1 - p) mu_R^2))', () => {
		// p 0.2, mu_R $100, sigma_R $60: sigma_D = sqrt(0.2 x (3,600 + 0.8 x 10,000)) = sqrt(2,320) = 48.166378
		// mean difference 0.2 x 100 = 20; N 5,000, 25%, 90%: E = 25,000, (E/z)^2 = 2.310044e8,
		// N s^2 = 1.16e7, (s N)^2 = 5.8e10 -> n = 5.8e10 / 2.426044e8 = 239.0696 -> 239 (up would be 240)
		const r = variableSizeFromErrorRate({ universe: 5000, error_rate: 0.2, mean_reported: 100, sd_reported: 60, precision: 0.25, confidence: 0.9 });
		expect(r.inputs.mean).toBeCloseTo(20, 12);
		expect(r.inputs.sd).toBeCloseTo(48.166378315, 8);
		expect(r.exact).toBeCloseTo(239.0696, 3);
		expect(r.sample_size).toBe(239);
	});

	it('with no SD of the reported amounts the size is the smallest it could be, and says so', () => {
		// sigma_R 0: sigma_D = 100 x sqrt(0.2 x 0.8) = 40 -> n = 4e10 / (2.310044e8 + 8e6) = 167.36 -> 167
		const r = variableSizeFromErrorRate({ universe: 5000, error_rate: 0.2, mean_reported: 100, sd_reported: 0, precision: 0.25, confidence: 0.9 });
		expect(r.inputs.sd).toBeCloseTo(40, 12);
		expect(r.sample_size).toBe(167);
		expect(r.notes.join(' ')).toMatch(/SD of the reported amounts is 0/);
	});

	it('never more than the universe', () => {
		expect(variableSize({ universe: 40, mean: 1, sd: 100, precision: 0.01, confidence: 0.95 }).sample_size).toBe(40);
	});
});

describe('attribute sample size (RAT-STATS: exact hypergeometric search)', () => {
	// Expected sizes from an independent search in Python with scipy.stats.hypergeom (limits by
	// scanning every M; k = round(p n); smallest n with (upper - lower) / 2 <= w as rates):
	//   N 1,000, p 5%, w 3%, 95%  -> 186 (the normal approximation gave 169)
	//   N 2,000, p 10%, w 5%, 90% -> 110 (normal 93)
	//   N 500,  p 20%, w 5%, 95%  -> 170 (normal 166; 171 misses again: the width is not monotone)
	it.each([
		[1000, 0.05, 0.03, 0.95, 186, 169],
		[2000, 0.1, 0.05, 0.9, 110, 93],
		[500, 0.2, 0.05, 0.95, 170, 166]
	])('N %i, p %f, +/- %f at %f -> %i (normal approximation %i)', (universe, error_rate, precision, confidence, n, normal) => {
		const r = attributeSize({ universe, error_rate, precision, confidence });
		expect(r.sample_size).toBe(n);
		expect(r.inputs.normal_approximation).toBe(normal);
	});

	it('the boundary: 185 units miss +/- 3 points, 186 meet it exactly (N 1,000, p 5%, 95%)', () => {
		// scipy: n 185, k 9: limits 25..86 -> half-width (86 - 25) / 2 / 1,000 = 0.0305 > 0.03
		//        n 186, k 9: limits 25..85 -> (85 - 25) / 2 / 1,000 = 0.0300: at the precision, so it meets it
		expect(hypergeometricLimits(1000, 185, 9, 0.025)).toEqual({ lower: 25, upper: 86 });
		expect(hypergeometricLimits(1000, 186, 9, 0.025)).toEqual({ lower: 25, upper: 85 });
		expect(attributeMeets(1000, 185, 0.05, 0.03, 0.95)).toBe(false);
		expect(attributeMeets(1000, 186, 0.05, 0.03, 0.95)).toBe(true);
		expect(attributeMeets(1000, 187, 0.05, 0.03, 0.95)).toBe(true);
		expect(attributeSize({ universe: 1000, error_rate: 0.05, precision: 0.03, confidence: 0.95 }).sample_size).toBe(186);
	});

	it('the quick start (half the normal size) finds the same size as a search from 1', () => {
		const fromOne = (N: number, p: number, w: number, c: number) => {
			for (let n = 1; n < N; n++) {
				const k = Math.round(p * n);
				const { lower, upper } = hypergeometricLimits(N, n, k, (1 - c) / 2);
				if ((upper - lower) / N / 2 <= w + 1e-12) return n;
			}
			return N;
		};
		const differ: string[] = [];
		for (const N of [50, 1000, 20_000]) for (const p of [0.01, 0.1, 0.5]) for (const w of [0.02, 0.05, 0.1]) for (const c of [0.8, 0.95]) {
			const got = attributeSize({ universe: N, error_rate: p, precision: w, confidence: c }).exact;
			if (got !== fromOne(N, p, w, c)) differ.push(`${N} ${p} ${w} ${c}`);
		}
		expect(differ).toEqual([]);
	});
});

describe('presets', () => {
	it('OIG Self-Disclosure: 100; CIA discovery: 50; CIA full: 90% / 25% from the discovery sample', () => {
		expect(presetSize({ preset: 'oig-sdp', universe: 5000 }).sample_size).toBe(100);
		expect(presetSize({ preset: 'oig-sdp', universe: 60 }).sample_size).toBe(60);
		expect(presetSize({ preset: 'cia-discovery', universe: 5000 })).toMatchObject({ sample_size: 50, method: 'probe' });
		const full = presetSize({ preset: 'cia-full', universe: 10_000, mean: 70.6, sd: 48.2519, net_error_rate: 0.03 });
		expect(full.sample_size).toBe(variableSize({ universe: 10_000, mean: 70.6, sd: 48.2519, precision: 0.25, confidence: 0.9 }).sample_size);
		expect(full.notes.join(' ')).toMatch(/under 5%/);
	});

	it('the request schema and dispatcher agree with the calculators', () => {
		const req = SizeRequest.parse({ type: 'variable', universe: '10000', mean: '70.60', sd: '48.2519', precision: '0.1', confidence: '0.9' });
		expect(computeSampleSize(req).sample_size).toBe(125);
		const rate = SizeRequest.parse({ type: 'variable', universe: '5000', error_rate: '0.2', precision: '0.25' });
		// the frame's mean and SD of paid amounts are the defaults (239 above)
		expect(computeSampleSize(rate, { mean_paid: 100, sd_paid: 60 }).sample_size).toBe(239);
		// with an error rate, --mean and --sd are the reported amounts' (RAT-STATS' inputs), not a probe's
		const rateWithSd = SizeRequest.parse({ type: 'variable', universe: '5000', error_rate: '0.2', mean: '100', sd: '60', precision: '0.25' });
		expect(computeSampleSize(rateWithSd).sample_size).toBe(239);
		expect(() => computeSampleSize(SizeRequest.parse({ type: 'variable', universe: '5000' }))).toThrow(/probe sample/);
	});
});

describe('strata by paid amount', () => {
	// The fixture provider's twelve 99215 lines: 50 60 70 80 90 100 150 200 250 300 400 500 ($2,250).
	const groups = [50, 60, 70, 80, 90, 100, 150, 200, 250, 300, 400, 500].map((amount) => ({ amount, count: 1 }));

	it('equal-dollar boundaries: running totals reach 750 at 200 and 1,500 at 400', () => {
		// 50, 110, 180, 260, 350, 450, 600, 800 (>= 750 -> 200), 1050, 1350, 1750 (>= 1500 -> 400), 2250
		expect(equalDollarBoundaries(groups, 3)).toEqual([200, 400]);
		expect(stratumOf(200, [200, 400])).toBe(1);
		expect(stratumOf(250, [200, 400])).toBe(2);
		expect(stratumOf(500, [200, 400])).toBe(3);
	});

	it('one repeated amount cannot be stratified', () => {
		expect(equalDollarBoundaries([{ amount: 40, count: 30 }], 3)).toEqual([]);
	});

	// Strata: <= 200: 8 units $800; (200, 400]: 3 units $950; > 400: 1 unit $500.
	const strata = [{ size: 8, dollars: 800 }, { size: 3, dollars: 950 }, { size: 1, dollars: 500 }];

	it('proportional allocation of 6: targets 4, 1.5, 0.5 -> 4, 2, 0 -> floors (2, 2, 1) -> 3, 2, 1', () => {
		expect(allocate(6, strata, 'proportional')).toEqual([3, 2, 1]);
	});

	it('allocation by dollars of 6: targets 2.13, 2.53, 1.33 -> 2, 3, 1', () => {
		expect(allocate(6, strata, 'dollars')).toEqual([2, 3, 1]);
	});

	it('refuses samples smaller than 2 per stratum or larger than the frame', () => {
		expect(() => allocate(4, strata, 'proportional')).toThrow(/at least 2 units per stratum/);
		expect(() => allocate(13, strata, 'proportional')).toThrow(/larger than the frame/);
	});
});
