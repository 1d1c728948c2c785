// Statistics checked against numbers computed by hand (working in comments).
import { describe, expect, it } from 'vitest';
import { wilson } from '../../src/lib/server/stats/wilson.ts';
import { median, percentileRank, quantile } from '../../src/lib/server/stats/percentile.ts';
import { binomialLimit, chiSquaredQuantile, exactZ, funnelPoint, midpLimit, normalQuantile, overDispersion, pooledRate, type OverDispersion } from '../../src/lib/server/stats/funnel.ts';

describe('Wilson interval', () => {
	it('8/10: centre (0.8 + 1.96^2/20) / (1 + 1.96^2/10) = 0.71674, half-width 0.22658', () => {
		const ci = wilson(8, 10);
		expect(ci?.low).toBeCloseTo(0.49016, 4);
		expect(ci?.high).toBeCloseTo(0.94332, 4);
	});
	it('0/10 and 10/10 stay inside [0, 1] and are not degenerate', () => {
		// 0/n: high = (z^2/n) / (1 + z^2/n) = 0.38415/1.38415 = 0.27753
		expect(wilson(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.27753, 4) });
		// n/n: low = 1 / (1 + z^2/n) = 0.72247
		expect(wilson(10, 10)).toEqual({ low: expect.closeTo(0.72247, 4), high: 1 });
	});
	it('is null without observations', () => expect(wilson(0, 0)).toBeNull());
});

describe('percentiles', () => {
	it('median, type-7 quantile and percentile rank', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
		expect(percentileRank(0.3, [0.1, 0.2, 0.3, 0.4])).toBe(0.75);
		expect(percentileRank(0.4, [0.1, 0.2, 0.3, 0.4])).toBe(1);
	});
});

describe('funnel statistics', () => {
	it('quantiles', () => {
		expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 5);
		expect(chiSquaredQuantile(0.95, 9)).toBeCloseTo(16.919, 3);
	});
	it('exact mid-p z for one event where 0.027 were expected is about 2.2, not 7', () => {
		// n = 133, p0 = 0.0002: P(X=0) = 0.9998^133 = 0.973752; P(X=1) = 133 * 0.0002 * 0.9998^132 = 0.025902
		// mid-p = P(X<1) + P(X=1)/2 = 0.986703 -> z = qnorm(0.986703) = 2.217
		// (the normal approximation would say (1/133 - 0.0002) / sqrt(0.0002 * 0.9998 / 133) = 5.9)
		const p0 = 0.0002;
		const p0x = 0.9998 ** 133;
		const p1x = 133 * p0 * 0.9998 ** 132;
		expect(exactZ({ x: 1, n: 133 }, p0)).toBeCloseTo(normalQuantile(p0x + p1x / 2), 8);
		expect(exactZ({ x: 1, n: 133 }, p0)).toBeCloseTo(2.217, 2);
	});
	it('exact z sits a little below the normal z (binomial right skew) and converges with n', () => {
		// 35/100 vs p0 0.2: normal z = 0.15 / 0.04 = 3.75; P(X >= 35) = 0.000336 -> exact about 3.49
		const z = exactZ({ x: 35, n: 100 }, 0.2) as number;
		expect(z).toBeGreaterThan(3.4);
		expect(z).toBeLessThan(3.6);
		// 2,350/10,000 vs 0.2: normal z = 0.035 / 0.004 = 8.75; skew matters less
		expect(Math.abs((exactZ({ x: 2350, n: 10000 }, 0.2) as number) - 8.75)).toBeLessThan(0.4);
		expect(exactZ({ x: 20, n: 100 }, 0.2)).toBeCloseTo(0, 1);
	});
	it('Spiegelhalter interpolated binomial limit', () => {
		// n = 10, p0 = 0.5, prob 0.975: P(X<=7) = 0.945313, P(X<=8) = 0.989258 -> r = 8,
		// alpha = (0.989258 - 0.975) / 0.043945 = 0.324444, limit = (8 - 0.324444) / 10 = 0.767556
		expect(binomialLimit(10, 0.5, 0.975)).toBeCloseTo(0.767556, 5);
	});
	it('mid-p limits, from an independent SciPy computation', () => {
		// smallest r with (binom.sf(r-1,n,p0) + binom.sf(r,n,p0)) / 2 <= norm.sf(z), then linear
		// interpolation between r - 1 and r: n 100, p0 0.2 at z 3.0902 -> 0.33236606705678207,
		// at z 2 x 3.0902 -> 0.47792788476781056; the lower limit at 3.0902 is 1 - the upper limit
		// of p0 0.8 -> 0.08421873806161173
		expect(midpLimit(100, 0.2, 3.090232306167813)).toBeCloseTo(0.33236606705678207, 9);
		expect(midpLimit(100, 0.2, 2 * 3.090232306167813)).toBeCloseTo(0.47792788476781056, 9);
		expect(midpLimit(100, 0.2, -3.090232306167813)).toBeCloseTo(0.08421873806161173, 9);
	});
	it('over-dispersion phi shrinks z by sqrt(phi) and puts the limit where z / sqrt(phi) reaches the threshold', () => {
		const a = funnelPoint({ x: 35, n: 100 }, 0.2, 1);
		const b = funnelPoint({ x: 35, n: 100 }, 0.2, 4);
		expect(b.z).toBeCloseTo((a.z as number) / 2, 10);
		expect(a.upperLimit).toBeCloseTo(0.33236606705678207, 9);
		expect(b.upperLimit).toBeCloseTo(0.47792788476781056, 9);
	});
	it('additive random effects: tau^2 from the winsorized phi and the inverse-variance weights (SciPy/NumPy)', () => {
		// x = 20 30 40 50 60 70 80 45 55 50 of n = 100 each, p0 = 0.5; mid-p z, winsorized at the
		// 10th / 90th percentiles (numpy.quantile, linear), phi = mean z^2 = 7.850025254636495;
		// w_i = 100 / 0.25 = 400: tau^2 = (10 phi - 9) / (4,000 - 160,000 / 4,000) = 0.019305625707323595;
		// x = 80: widening sqrt(1 + tau^2 x 100 / 0.25) = 2.9533456084463663, z = 2.088362784883169
		const units = [20, 30, 40, 50, 60, 70, 80, 45, 55, 50].map((x) => ({ x, n: 100 }));
		const mult = overDispersion(units, 0.5);
		expect(mult.phi).toBeCloseTo(7.850025254636495, 7);
		const add = overDispersion(units, 0.5, 'additive');
		expect(add).toMatchObject({ model: 'additive', phi: 1, applied: true, k: 10 });
		expect(add.tau2).toBeCloseTo(0.019305625707323595, 9);
		expect(funnelPoint({ x: 80, n: 100 }, 0.5, add).z).toBeCloseTo(2.088362784883169, 6);
		// no over-dispersion, no tau^2
		expect(overDispersion([48, 50, 52, 49, 51].map((x) => ({ x, n: 100 })), 0.5, 'additive')).toMatchObject({ tau2: 0, applied: false });
	});
	it('the drawn limit and the z decide alike: above the upper limit exactly when z is above the threshold', () => {
		const disagree: string[] = [];
		const models: OverDispersion[] = [
			{ model: 'multiplicative', phi: 1, tau2: 0, applied: false, k: 10 },
			{ model: 'multiplicative', phi: 4.7, tau2: 0, applied: true, k: 10 },
			{ model: 'additive', phi: 1, tau2: 0.002, applied: true, k: 10 }
		];
		for (const n of [10, 37, 100, 1000]) for (const p0 of [0.01, 0.2, 0.5]) for (const d of models) {
			for (let x = 0; x <= n; x++) {
				const f = funnelPoint({ x, n }, p0, d, 3.090232306167813);
				const byZ = (f.z as number) > 3.090232306167813;
				const byLimit = x / n > (f.upperLimit as number);
				if (byZ !== byLimit) disagree.push(`n ${n} p0 ${p0} ${d.model} ${d.phi} x ${x}: z ${f.z} limit ${f.upperLimit}`);
			}
		}
		expect(disagree).toEqual([]);
	});
	it('over-dispersion is detected in spread-out peers and not in binomial-looking ones', () => {
		const spread = overDispersion([20, 30, 40, 50, 60, 70, 80, 45, 55, 50].map((x) => ({ x, n: 100 })), 0.5);
		expect(spread.applied).toBe(true);
		expect(spread.phi).toBeGreaterThan(4);
		const calm = overDispersion([48, 50, 52, 49, 51].map((x) => ({ x, n: 100 })), 0.5);
		expect(calm).toMatchObject({ phi: 1, applied: false });
	});
	it('pooled rate is sum x / sum n', () => {
		expect(pooledRate([{ x: 1, n: 10 }, { x: 9, n: 30 }])).toBe(0.25);
		expect(pooledRate([])).toBeNull();
	});
});
