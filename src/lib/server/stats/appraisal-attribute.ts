// Attribute appraisal (error rate), pure, as RAT-STATS reports it.
// Unrestricted: k errors in a simple random sample of n from N units. The number of errors in
// the universe, M, has an exact hypergeometric interval (the finite-population analogue of
// Clopper-Pearson): at confidence 1 - a,
//   lower M_L = smallest M with P(X >= k | N, M, n) >= a/2   (0 when k = 0),
//   upper M_U = largest  M with P(X <= k | N, M, n) >= a/2   (N when k = n),
// found by bisection (P(X >= k) rises with M, P(X <= k) falls). Rates are M / N. A tail exactly
// equal to a/2 (it happens: C(7,2)/C(21,2) = 0.1) counts as inside, i.e. the wider, more
// conservative interval; a relative 1e-12 absorbs the CDF's rounding so ties do not flip.
// Stratified: normal approximation (Cochran 1977, eq. 5.54-5.55): p = sum W_h p_h with
// W_h = N_h / N, var = sum W_h^2 (1 - n_h/N_h) p_h (1 - p_h) / (n_h - 1), interval p +/- z SE.
import hypergeometricCdf from '@stdlib/stats-base-dists-hypergeometric-cdf';
import { CONFIDENCES, zQuantile } from './appraisal.ts';

export interface RateInterval {
	confidence: number;
	lower_rate: number;
	upper_rate: number;
	lower_count: number;
	upper_count: number;
}

export interface AttributeStratum {
	stratum: number | string;
	universe: number;
	sample_size: number;
	errors: number;
}

export interface AttributeAppraisal {
	kind: 'attribute';
	design: 'unrestricted' | 'stratified';
	method: 'exact hypergeometric' | 'normal approximation';
	universe: number;
	sample_size: number;
	errors: number;
	/** estimated error rate (stratified: weighted by N_h) */
	rate: number;
	/** estimated errors in the universe = rate x N */
	projected_errors: number;
	standard_error: number | null;
	intervals: RateInterval[];
	/** one-sided 90% interval: lower is 0, upper is the limit */
	upper_one_sided_90: RateInterval;
	strata: AttributeStratum[];
}

function check(s: AttributeStratum): void {
	const { universe: N, sample_size: n, errors: k } = s;
	if (!Number.isInteger(N) || N < 1) throw new RangeError(`stratum ${s.stratum}: universe size must be a positive whole number`);
	if (!Number.isInteger(n) || n < 1 || n > N) throw new RangeError(`stratum ${s.stratum}: sample size must be 1 .. ${N}`);
	if (!Number.isInteger(k) || k < 0 || k > n) throw new RangeError(`stratum ${s.stratum}: errors must be 0 .. ${n}`);
}

/** P(X >= k) and P(X <= k) for X ~ Hypergeometric(N, M, n). */
const atLeast = (k: number, N: number, M: number, n: number) => (k <= 0 ? 1 : 1 - hypergeometricCdf(k - 1, N, M, n));
const atMost = (k: number, N: number, M: number, n: number) => hypergeometricCdf(k, N, M, n);
const reaches = (p: number, tail: number) => p >= tail * (1 - 1e-12);

export function hypergeometricLimits(N: number, n: number, k: number, tail: number): { lower: number; upper: number } {
	// feasible M: at least k errors, and at least n - k correct units
	const minM = k;
	const maxM = N - (n - k);
	let lower = 0;
	if (k > 0) {
		let lo = minM;
		let hi = maxM;
		while (lo < hi) {
			const mid = Math.floor((lo + hi) / 2);
			if (reaches(atLeast(k, N, mid, n), tail)) hi = mid;
			else lo = mid + 1;
		}
		lower = lo;
	}
	let upper = N;
	if (k < n) {
		let lo = minM;
		let hi = maxM;
		while (lo < hi) {
			const mid = Math.ceil((lo + hi) / 2);
			if (reaches(atMost(k, N, mid, n), tail)) lo = mid;
			else hi = mid - 1;
		}
		upper = lo;
	}
	return { lower, upper };
}

export function appraiseAttributeUnrestricted(s: AttributeStratum): AttributeAppraisal {
	check(s);
	const { universe: N, sample_size: n, errors: k } = s;
	const at = (confidence: number, tail: number): RateInterval => {
		const { lower, upper } = hypergeometricLimits(N, n, k, tail);
		return { confidence, lower_rate: lower / N, upper_rate: upper / N, lower_count: lower, upper_count: upper };
	};
	return {
		kind: 'attribute',
		design: 'unrestricted',
		method: 'exact hypergeometric',
		universe: N,
		sample_size: n,
		errors: k,
		rate: k / n,
		projected_errors: (N * k) / n,
		standard_error: null,
		intervals: CONFIDENCES.map((c) => at(c, (1 - c) / 2)),
		upper_one_sided_90: { ...at(0.9, 0.1), lower_rate: 0, lower_count: 0 },
		strata: [s]
	};
}

export function appraiseAttributeStratified(strata: AttributeStratum[]): AttributeAppraisal {
	if (strata.length === 1) return appraiseAttributeUnrestricted(strata[0] as AttributeStratum);
	strata.forEach(check);
	const N = strata.reduce((a, s) => a + s.universe, 0);
	let rate = 0;
	let variance = 0;
	for (const s of strata) {
		const W = s.universe / N;
		const p = s.errors / s.sample_size;
		rate += W * p;
		if (s.sample_size < s.universe) {
			if (s.sample_size < 2) throw new RangeError(`stratum ${s.stratum}: one sampled unit gives no variance`);
			variance += W * W * (1 - s.sample_size / s.universe) * ((p * (1 - p)) / (s.sample_size - 1));
		}
	}
	const se = Math.sqrt(variance);
	const clip = (r: number) => Math.min(1, Math.max(0, r));
	const at = (confidence: number, z: number): RateInterval => {
		const lower = clip(rate - z * se);
		const upper = clip(rate + z * se);
		return { confidence, lower_rate: lower, upper_rate: upper, lower_count: lower * N, upper_count: upper * N };
	};
	return {
		kind: 'attribute',
		design: 'stratified',
		method: 'normal approximation',
		universe: N,
		sample_size: strata.reduce((a, s) => a + s.sample_size, 0),
		errors: strata.reduce((a, s) => a + s.errors, 0),
		rate,
		projected_errors: rate * N,
		standard_error: se,
		intervals: CONFIDENCES.map((c) => at(c, zQuantile(1 - (1 - c) / 2))),
		upper_one_sided_90: { ...at(0.9, zQuantile(0.9)), lower_rate: 0, lower_count: 0 },
		strata
	};
}
