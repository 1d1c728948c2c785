// The sampling generator against the reference C code, and the draw's invariants as properties.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Xoshiro128, drawWithoutReplacement, MAX_SEED } from '../../src/lib/server/stats/sampling-prng.ts';
import { drawPositions, type PlannedStratum } from '../../src/lib/server/sampling/draw.ts';

// Expected values: https://prng.di.unimi.it/splitmix64.c and xoshiro128starstar.c compiled with
// gcc -O2; state words s0 = low and s1 = high 32 bits of the first SplitMix64 output, s2/s3 of the
// second, then the first eight next() outputs.
const REFERENCE: Record<number, { state: number[]; outputs: number[] }> = {
	20250101: {
		state: [3255809289, 2889023322, 1088808583, 958099853],
		outputs: [2071030430, 187737629, 2598607477, 3467376369, 581173964, 1172584757, 142573982, 2330796602]
	},
	0: {
		state: [2065550767, 3793791033, 2713282036, 1853398634],
		outputs: [3737715805, 2584255861, 2876756834, 3286328325, 1553311962, 1625202774, 3260698944, 2754151956]
	},
	[MAX_SEED]: {
		state: [4021704095, 616124332, 3074421144, 818148089],
		outputs: [1233166643, 1287031142, 661813442, 2960669951, 2601079046, 1036114921, 2300589652, 2591400186]
	}
};

describe('xoshiro128** seeded by SplitMix64', () => {
	for (const [seed, ref] of Object.entries(REFERENCE)) {
		it(`matches the reference C implementation for seed ${seed}`, () => {
			const rng = new Xoshiro128(Number(seed));
			expect(rng.state()).toEqual(ref.state);
			expect(Array.from({ length: 8 }, () => rng.nextUint32())).toEqual(ref.outputs);
		});
	}

	it('refuses seeds that are not whole numbers in 0 .. 2^53 - 1', () => {
		expect(() => new Xoshiro128(-1)).toThrow(RangeError);
		expect(() => new Xoshiro128(1.5)).toThrow(RangeError);
		expect(() => new Xoshiro128(2 ** 53)).toThrow(RangeError);
	});

	it('uniformInt stays in range and hits every value of a small range', () => {
		const rng = new Xoshiro128(7);
		const seen = new Set<number>();
		for (let i = 0; i < 2000; i++) {
			const x = rng.uniformInt(7);
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThan(7);
			seen.add(x);
		}
		expect(seen.size).toBe(7);
		expect(new Xoshiro128(7).uniformInt(1)).toBe(0);
	});
});

describe('draws without replacement', () => {
	it('the whole frame drawn is a permutation of 1..N', () => {
		const all = drawWithoutReplacement(new Xoshiro128(99), 50, 50);
		expect([...all].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
	});

	it('refuses more draws than units', () => {
		expect(() => drawWithoutReplacement(new Xoshiro128(1), 5, 6)).toThrow(RangeError);
	});

	it('property: every id is in the frame, no duplicates, spares disjoint from the sample, same seed = same draw', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: MAX_SEED }),
				fc.array(fc.record({ size: fc.integer({ min: 1, max: 400 }), n: fc.integer({ min: 0, max: 400 }), spares: fc.integer({ min: 0, max: 50 }) }), { minLength: 1, maxLength: 4 }),
				(seed, raw) => {
					const strata: PlannedStratum[] = raw.map((r, h) => {
						const n = Math.min(r.n, r.size);
						return { stratum: h + 1, lower: null, upper: null, size: r.size, total_paid: 0, sample_size: n, spares: Math.min(r.spares, r.size - n) };
					});
					const drawn = drawPositions(seed, strata);
					expect(drawPositions(seed, strata)).toEqual(drawn);
					expect(drawn.map((d) => d.item)).toEqual(drawn.map((_, i) => i + 1));
					for (const s of strata) {
						const mine = drawn.filter((d) => d.stratum === s.stratum);
						const sample = mine.filter((d) => d.role === 'sample').map((d) => d.position);
						const spares = mine.filter((d) => d.role === 'spare').map((d) => d.position);
						expect(sample).toHaveLength(s.sample_size);
						expect(spares).toHaveLength(s.spares);
						for (const p of [...sample, ...spares]) expect(p >= 1 && p <= s.size).toBe(true);
						expect(new Set(sample).size).toBe(sample.length);
						expect(new Set(spares).size).toBe(spares.length);
						expect(sample.filter((p) => spares.includes(p))).toEqual([]);
						// spares come after the sample in draw order
						expect(mine.map((d) => d.role)).toEqual([...sample.map(() => 'sample'), ...spares.map(() => 'spare')]);
					}
				}
			),
			{ numRuns: 200 }
		);
	});

	it('spares are the next draws: the sample of n + k with no spares starts with the sample of n', () => {
		const s = (n: number, spares: number): PlannedStratum[] => [{ stratum: 1, lower: null, upper: null, size: 1000, total_paid: 0, sample_size: n, spares }];
		const withSpares = drawPositions(2025, s(30, 5)).map((d) => d.position);
		const longer = drawPositions(2025, s(35, 0)).map((d) => d.position);
		expect(withSpares).toEqual(longer);
	});
});
