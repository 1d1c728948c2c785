// Seeded pseudo-random numbers for the demo generator. Never Math.random: the same seed must
// give byte-identical files. Generator: mulberry32 (Tommy Ettinger, public domain), a 32-bit
// state that advances by the Weyl constant 0x6D2B79F5 and is mixed by two multiply-xorshifts.
// Period 2^32, far more than the ~30 draws per claim line we take from any one stream.

/** Mixes two 32-bit integers into a seed for an independent sub-stream (splitmix32-style). */
export function deriveSeed(seed: number, stream: number): number {
	let h = (seed ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [lo, hi], both inclusive. */
	int(lo: number, hi: number): number {
		return lo + Math.floor(this.next() * (hi - lo + 1));
	}

	/** Uniform real in [lo, hi). */
	uniform(lo: number, hi: number): number {
		return lo + (hi - lo) * this.next();
	}

	/** Mean of two uniforms: a gentle triangular spread in [lo, hi), peaked at the middle. */
	tri(lo: number, hi: number): number {
		return lo + ((hi - lo) * (this.next() + this.next())) / 2;
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return at(items, Math.floor(this.next() * items.length));
	}

	/** Index drawn with probability proportional to weights[i]. */
	weighted(weights: readonly number[]): number {
		let total = 0;
		for (const w of weights) total += w;
		let r = this.next() * total;
		for (let i = 0; i < weights.length; i++) {
			r -= at(weights, i);
			if (r < 0) return i;
		}
		return weights.length - 1;
	}

	/** Fisher-Yates shuffle of a copy. */
	shuffled<T>(items: readonly T[]): T[] {
		const out = items.slice();
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			const tmp = at(out, i);
			out[i] = at(out, j);
			out[j] = tmp;
		}
		return out;
	}
}

/** Checked array access (the project compiles with noUncheckedIndexedAccess). */
export function at<T>(items: readonly T[], i: number): T {
	const v = items[i];
	if (v === undefined) throw new RangeError(`index ${i} outside 0..${items.length - 1}`);
	return v;
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest-remainder method), so the
 * parts always add up to exactly `total`. Ties break by index, which keeps it deterministic.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
	const sum = weights.reduce((a, b) => a + b, 0);
	if (sum <= 0) return weights.map(() => 0);
	const exact = weights.map((w) => (total * w) / sum);
	const parts = exact.map((x) => Math.floor(x));
	let left = total - parts.reduce((a, b) => a + b, 0);
	const order = exact
		.map((x, i) => ({ i, frac: x - Math.floor(x) }))
		.sort((a, b) => b.frac - a.frac || a.i - b.i);
	for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
		const i = at(order, k).i;
		parts[i] = at(parts, i) + 1;
	}
	return parts;
}
