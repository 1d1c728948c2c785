// Seeded draws pinned to their exact units, and a frequency test that every unit of a frame,
// the last included, can be drawn with probability n / N.
// Expected units: computed outside the code by an independent Python 3 implementation of the
// documented algorithm (GENERATOR in src/lib/server/stats/sampling-prng.ts): SplitMix64 seeding
// of xoshiro128** (its first outputs for seed 20250101, 2071030430, 187737629, 2598607477, match
// the reference C values in tests/unit/sampling-prng.test.ts), integers in [0, m) by rejection
// of x >= 2^32 - (2^32 mod m), then x mod m, and a dense (full-array) Fisher-Yates shuffle over
// [1..N] where draw i swaps position i with i + uniform(N - i). The code keeps the shuffle sparse
// (a Map), so the dense version is a genuinely separate computation.
import { describe, expect, it } from 'vitest';
import { Xoshiro128, drawWithoutReplacement } from '../../src/lib/server/stats/sampling-prng.ts';
import { drawPositions, type PlannedStratum } from '../../src/lib/server/sampling/draw.ts';

const stratum = (h: number, size: number, sample: number, spares: number): PlannedStratum => ({ stratum: h, lower: null, upper: null, size, total_paid: 0, sample_size: sample, spares });

describe('seeded draws pinned to their units (independent Python computation)', () => {
	it('seed 20250101, N = 10: sample of 3 then 2 spares', () => {
		const drawn = drawPositions(20250101, [stratum(1, 10, 3, 2)]);
		expect(drawn.map((d) => [d.role, d.position])).toEqual([
			['sample', 1],
			['sample', 7],
			['sample', 8],
			['spare', 6],
			['spare', 2]
		]);
	});

	it('seed 1, N = 10, n = 3 draws the last unit (10)', () => {
		expect(drawWithoutReplacement(new Xoshiro128(1), 10, 3)).toEqual([7, 10, 4]);
	});

	it('seed 424242, N = 1,000, n = 12', () => {
		expect(drawWithoutReplacement(new Xoshiro128(424242), 1000, 12)).toEqual([53, 119, 946, 873, 930, 31, 642, 67, 30, 973, 818, 536]);
	});

	it('seed 7, three strata drawn in turn from one stream (the whole last stratum taken)', () => {
		const drawn = drawPositions(7, [stratum(1, 12, 4, 1), stratum(2, 30, 6, 2), stratum(3, 5, 5, 0)]);
		const by = (h: number) => drawn.filter((d) => d.stratum === h).map((d) => d.position);
		expect(by(1)).toEqual([6, 10, 5, 9, 11]);
		expect(by(2)).toEqual([2, 17, 5, 10, 12, 24, 15, 8]);
		expect(by(3)).toEqual([5, 4, 1, 2, 3]);
		expect(drawn.filter((d) => d.stratum === 2).map((d) => d.role)).toEqual(['sample', 'sample', 'sample', 'sample', 'sample', 'sample', 'spare', 'spare']);
	});
});

describe('every unit can be drawn, each with probability n / N', () => {
	it('N = 10, n = 3 over 20,000 seeds: each unit drawn 6,000 +/- 410 times', () => {
		// Seeds 0..S-1 give independent streams (SplitMix64 seeding), so a unit's count over S
		// seeds is Binomial(S, n/N) = Binomial(20,000, 0.3), mean 6,000. Hoeffding:
		// P(|count - 6,000| >= t) <= 2 exp(-2 t^2 / S); with t = 410 that is 2 exp(-16.81) = 1.0e-7
		// per unit, 1.0e-6 for all 10 (union bound). (The normal SD is 64.8, so 410 is 6.3 SD.)
		// A sampler that never draws unit 10 gives 0 for it and 6,667 for the others: both fail.
		const S = 20_000;
		const N = 10;
		const n = 3;
		const counts = new Array<number>(N + 1).fill(0);
		for (let seed = 0; seed < S; seed++) {
			for (const d of drawPositions(seed, [stratum(1, N, n, 0)])) counts[d.position] = (counts[d.position] ?? 0) + 1;
		}
		expect(counts[0]).toBe(0); // units are numbered 1..N
		const expected = (S * n) / N;
		for (let unit = 1; unit <= N; unit++) {
			expect(Math.abs((counts[unit] as number) - expected), `unit ${unit} drawn ${counts[unit]} times`).toBeLessThanOrEqual(410);
		}
		// the Python run of the same algorithm gives exactly these counts
		expect(counts.slice(1)).toEqual([5985, 5988, 6024, 6052, 5926, 5948, 6009, 6052, 5993, 6023]);
	});

	it('the last unit of the frame is reachable as the first draw and as the last draw', () => {
		// first draw: uniform over all N positions; last draw of a full shuffle: whatever is left
		let firstIsLast = false;
		let lastDrawIsLast = false;
		for (let seed = 0; seed < 200 && !(firstIsLast && lastDrawIsLast); seed++) {
			const all = drawWithoutReplacement(new Xoshiro128(seed), 10, 10);
			if (all[0] === 10) firstIsLast = true;
			if (all[9] === 10) lastDrawIsLast = true;
		}
		expect(firstIsLast).toBe(true);
		expect(lastDrawIsLast).toBe(true);
	});
});
