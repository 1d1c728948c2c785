// Claim-clustered line accuracy (stats/cluster.ts). Expected values computed in Python from the
// per-claim counts: p = sum y / sum m, v_c = k/(k-1) sum (y - p m)^2 / n^2, deff = max(1, v_c /
// (p (1-p) / n)), Wilson (z 1.959964) on p n_eff of n_eff = n / deff.
import { describe, expect, it } from 'vitest';
import { clusteredWilson, designEffect, type ClusterMoments } from '../../src/lib/server/stats/cluster.ts';
import { wilson } from '../../src/lib/server/stats/wilson.ts';

/** The moments of a list of claims given as [lines, correct lines]. */
const moments = (claims: [number, number][]): ClusterMoments => ({
	lines: claims.reduce((s, [m]) => s + m, 0),
	correct: claims.reduce((s, [, y]) => s + y, 0),
	claims: claims.length,
	sum_y2: claims.reduce((s, [, y]) => s + y * y, 0),
	sum_ym: claims.reduce((s, [m, y]) => s + y * m, 0),
	sum_m2: claims.reduce((s, [m]) => s + m * m, 0)
});

describe('claim-clustered line accuracy', () => {
	it('whole claims right or wrong: deff 2.185714, a wider interval than the independent-lines Wilson', () => {
		const c = moments([[2, 2], [3, 2], [2, 0], [2, 0], [3, 0], [2, 2]]);
		expect(designEffect(c)).toBeCloseTo(2.185714285714286, 12);
		const i = clusteredWilson(c);
		expect(i?.n_eff).toBeCloseTo(6.405228758169934, 10);
		expect(i?.low).toBeCloseTo(0.15116444982057525, 10);
		expect(i?.high).toBeCloseTo(0.7595352106603386, 10);
		const naive = wilson(6, 14);
		expect(naive?.low).toBeCloseTo(0.21381, 4);
	});

	it('one line per claim: deff is only the small-sample factor k/(k-1)', () => {
		const c = moments([[1, 1], [1, 0], [1, 1], [1, 1]]);
		// sum (y - 0.75)^2 = 3 x 0.0625 + 0.5625 = 0.75; v_c = 4/3 x 0.75 / 16 = 0.0625;
		// p(1-p)/n = 0.1875 / 4 = 0.046875 -> deff = 0.0625 / 0.046875 = 4/3 = k/(k-1)
		expect(designEffect(c)).toBeCloseTo(4 / 3, 12);
		// lines spread evenly across claims (each claim half right): variance below binomial -> floored at 1
		expect(designEffect(moments([[2, 1], [2, 1], [2, 1], [2, 1]]))).toBe(1);
	});

	it('no estimate from one claim, or at 0% and 100%: deff 1 and the exact ends stay 0 and 1', () => {
		expect(designEffect(moments([[5, 3]]))).toBe(1);
		expect(clusteredWilson(moments([[3, 3], [2, 2]]))).toMatchObject({ high: 1, deff: 1 });
		expect(clusteredWilson(moments([[3, 0], [2, 0]]))).toMatchObject({ low: 0, deff: 1 });
		expect(clusteredWilson(moments([]))).toBeNull();
	});
});
