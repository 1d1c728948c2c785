// The audit-sampling random number generator: xoshiro128** 1.0 (D. Blackman and S. Vigna,
// "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021; reference C code at
// https://prng.di.unimi.it/xoshiro128starstar.c), seeded as its authors recommend by running
// SplitMix64 (https://prng.di.unimi.it/splitmix64.c) from the user's seed: the first 64-bit
// output gives state words s0 (low 32 bits) and s1 (high 32 bits), the second gives s2 and s3.
// Pure 32-bit integer arithmetic, so every machine and JS engine gives the same stream; the
// unit test checks the first outputs against the reference C code compiled with gcc.
// Integers in [0, m) come from rejection of the top partial range (unbiased, no floating point).

export const GENERATOR = {
	name: 'xoshiro128** 1.0 seeded by SplitMix64',
	version: 'claimlens-sampling/1',
	reference: 'Blackman & Vigna, ACM TOMS 47(4) 2021; https://prng.di.unimi.it/',
	draw: 'partial Fisher-Yates (Durstenfeld) shuffle over unit numbers 1..N: draw i takes position i + uniform(N - i); integers by rejection (x < 2^32 - 2^32 mod m, then x mod m)'
} as const;

/** Largest seed accepted: seeds are whole numbers 0 .. 2^53 - 1 so they survive JSON. */
export const MAX_SEED = Number.MAX_SAFE_INTEGER;

const MASK64 = (1n << 64n) - 1n;

function splitMix64(state: bigint): { state: bigint; value: bigint } {
	const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
	let z = next;
	z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
	z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
	return { state: next, value: z ^ (z >> 31n) };
}

const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

export class Xoshiro128 {
	private s: Uint32Array;

	constructor(seed: number) {
		if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a whole number from 0 to ${MAX_SEED}`);
		const a = splitMix64(BigInt(seed));
		const b = splitMix64(a.state);
		this.s = new Uint32Array([Number(a.value & 0xffffffffn), Number(a.value >> 32n), Number(b.value & 0xffffffffn), Number(b.value >> 32n)]);
		// an all-zero state would stay zero; SplitMix64 cannot give two zero outputs in a row, but be explicit
		if (this.s.every((w) => w === 0)) this.s[0] = 1;
	}

	/** The state words (for tests against the reference implementation). */
	state(): number[] {
		return [...this.s];
	}

	/** Next 32-bit output, as an unsigned integer. */
	nextUint32(): number {
		const s = this.s;
		const s0 = s[0] as number;
		const s1 = s[1] as number;
		const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
		const t = (s1 << 9) >>> 0;
		s[2] = (s[2] as number) ^ s0;
		s[3] = (s[3] as number) ^ s1;
		s[1] = s1 ^ (s[2] as number);
		s[0] = s0 ^ (s[3] as number);
		s[2] = (s[2] as number) ^ t;
		s[3] = rotl(s[3] as number, 11);
		return result;
	}

	/** Uniform integer in [0, m), 1 <= m <= 2^32, without modulo bias. */
	uniformInt(m: number): number {
		if (!Number.isInteger(m) || m < 1 || m > 2 ** 32) throw new RangeError('uniformInt range must be 1 .. 2^32');
		const limit = 2 ** 32 - (2 ** 32 % m);
		for (;;) {
			const x = this.nextUint32();
			if (x < limit) return x % m;
		}
	}
}

/**
 * The first `count` draws without replacement from unit numbers 1..size, in draw order:
 * a partial Fisher-Yates shuffle, kept sparse (a Map of moved positions) so a frame of
 * millions of units costs memory only for the draws.
 */
export function drawWithoutReplacement(rng: Xoshiro128, size: number, count: number): number[] {
	if (!Number.isInteger(size) || size < 0) throw new RangeError('frame size must be a whole number');
	if (!Number.isInteger(count) || count < 0 || count > size) throw new RangeError(`cannot draw ${count} units from ${size}`);
	const moved = new Map<number, number>();
	const at = (i: number) => moved.get(i) ?? i + 1;
	const out: number[] = [];
	for (let i = 0; i < count; i++) {
		const j = i + rng.uniformInt(size - i);
		const picked = at(j);
		moved.set(j, at(i));
		moved.set(i, picked);
		out.push(picked);
	}
	return out;
}
