// Sample sizes, strata boundaries and allocation, checked by hand.
import { describe, expect, it } from 'vitest';
import { attributeSize, presetSize, variableSize, variableSizeFromErrorRate } from '../../src/lib/server/stats/sampling-size.ts';
import { allocate, equalDollarBoundaries, stratumOf } from '../../src/lib/server/stats/sampling-strata.ts';
import { computeSampleSize } from '../../src/lib/server/sampling/size.ts';
import { SizeRequest } from '../../src/lib/schemas/sampling.ts';

describe('variable sample size', () => {
	it('N 10,000, probe mean 70.60, SD 48.2519, 10% precision, 90% confidence -> 125', () => {
		// E = 0.10 x 70.60 x 10,000 = 70,600; E/z = 70,600 / 1.644854 = 42,921.6; (E/z)^2 = 1.842266e9
		// N s^2 = 10,000 x 2,328.2459 = 2.328246e7; (s N)^2 = 2.328246e11
		// n = 2.328246e11 / (1.842266e9 + 2.328246e7) = 124.80 -> 125
		const r = variableSize({ universe: 10_000, mean: 70.6, sd: 48.2519, precision: 0.1, confidence: 0.9 });
		expect(r.exact).toBeCloseTo(124.8015, 3);
		expect(r.sample_size).toBe(125);
	});

	it('from an expected error rate: p 0.2, a $100 -> mean 20, SD 40', () => {
		// mean = 0.2 x 100 = 20; s = 100 x sqrt(0.16) = 40; N = 5,000, 25% precision, 90%:
		// E = 0.25 x 20 x 5,000 = 25,000; (E/z)^2 = (15,198.9)^2 = 2.310044e8; N s^2 = 8e6; (sN)^2 = 4e10
		// n = 4e10 / (2.310044e8 + 8e6) = 167.36 -> 168
		const r = variableSizeFromErrorRate({ universe: 5000, error_rate: 0.2, avg_error: 100, precision: 0.25, confidence: 0.9 });
		expect(r.inputs.mean).toBeCloseTo(20, 12);
		expect(r.inputs.sd).toBeCloseTo(40, 12);
		expect(r.exact).toBeCloseTo(167.36, 2);
		expect(r.sample_size).toBe(168);
	});

	it('never more than the universe', () => {
		expect(variableSize({ universe: 40, mean: 1, sd: 100, precision: 0.01, confidence: 0.95 }).sample_size).toBe(40);
	});
});

describe('attribute sample size', () => {
	it('p 5%, +/- 3%, 95%, N 1,000 -> 169', () => {
		// n0 = 1.959964^2 x 0.05 x 0.95 / 0.03^2 = 3.841459 x 0.0475 / 0.0009 = 202.74
		// n = 202.74 / (1 + 201.74 / 1,000) = 168.71 -> 169
		const r = attributeSize({ universe: 1000, error_rate: 0.05, precision: 0.03, confidence: 0.95 });
		expect(r.inputs.n0).toBeCloseTo(202.7437, 3);
		expect(r.sample_size).toBe(169);
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
		expect(computeSampleSize(rate, 100).sample_size).toBe(168);
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
