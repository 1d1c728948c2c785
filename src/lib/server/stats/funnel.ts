// Funnel-plot statistics for a proportion against its peer group (Spiegelhalter DJ, "Funnel
// plots for comparing institutional performance", Stat Med 2005;24:1185-1202, and "Handling
// over-dispersion of performance indicators", Qual Saf Health Care 2005;14:347-351).
//  - target p0 = pooled peer rate (sum x / sum n);
//  - z_i: exact binomial, mid-p: z = Phi^-1( P(X < x) + P(X = x) / 2 ) for X ~ Bin(n, p0).
//    Exact rather than the normal approximation because rare events (modifier 59 in a
//    specialty that almost never uses it) make (p - p0) / sd explode on a single line;
//  - over-dispersion phi = mean of z_i^2 over the k peers, after winsorizing z at its 10th and
//    90th percentiles so the outliers we look for do not hide themselves; phi is applied only
//    when k * phi exceeds the chi-squared(k - 1) 95% point (else phi = 1);
//  - adjusted z = z / sqrt(phi); the upper limit is Spiegelhalter's interpolated exact binomial
//    quantile, widened around p0 by sqrt(phi).
import binomialCdf from '@stdlib/stats-base-dists-binomial-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import betainc from '@stdlib/math-base-special-betainc';
import { quantile } from './percentile.ts';

/** Two-sided 99.8% limits: z = qnorm(0.999). domain.md: flag above about z > 3.09. */
export const Z_998 = 3.090232306167813;
/** Two-sided 95% limits: qnorm(0.975). */
export const Z_95 = 1.959963984540054;

export interface Unit {
	x: number;
	n: number;
}

/**
 * Standard normal quantile, Acklam's rational approximation (relative error < 1.2e-9), which
 * stays finite in the far tails (p = 1e-18) where exact-binomial z-scores of big outliers live.
 */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError('p must be in (0, 1)');
	const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
	const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
	const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
	const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
	const poly = (k: number[], x: number) => k.reduce((acc, coef) => acc * x + coef, 0);
	const tail = 0.02425;
	if (p < tail) {
		const q = Math.sqrt(-2 * Math.log(p));
		return poly(c, q) / (poly(d, q) * q + 1);
	}
	if (p > 1 - tail) {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		return -poly(c, q) / (poly(d, q) * q + 1);
	}
	const q = p - 0.5;
	const r = q * q;
	return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

export function chiSquaredQuantile(p: number, df: number): number {
	return chisquareQuantile(p, df);
}

export function pooledRate(units: Unit[]): number | null {
	let x = 0;
	let n = 0;
	for (const u of units) {
		x += u.x;
		n += u.n;
	}
	return n > 0 ? x / n : null;
}

/** z capped where the normal quantile stops being finite in double precision. */
const Z_CAP = 37;

/** Exact mid-p binomial z of x events in n trials against p0 (counts rounded: CMS counts can be fractional). */
export function exactZ(u: Unit, p0: number): number | null {
	const n = Math.round(u.n);
	const x = Math.min(n, Math.round(u.x));
	if (n <= 0 || p0 <= 0 || p0 >= 1) return null;
	// upper tails straight from the regularized incomplete beta, P(X >= k) = I_p0(k, n - k + 1),
	// so that 1e-30 tails do not round to 0 as 1 - cdf would
	const atLeast = (k: number) => (k <= 0 ? 1 : k > n ? 0 : betainc(p0, k, n - k + 1));
	const upperMid = (atLeast(x) + atLeast(x + 1)) / 2;
	if (upperMid < 0.5) return upperMid <= 0 ? Z_CAP : Math.min(Z_CAP, -normalQuantile(upperMid));
	// low rates: the lower mid-p tail P(X < x) + P(X = x) / 2 from the CDF, accurate when small
	const lowerMid = ((x > 0 ? binomialCdf(x - 1, n, p0) : 0) + binomialCdf(x, n, p0)) / 2;
	return lowerMid <= 0 ? -Z_CAP : Math.max(-Z_CAP, normalQuantile(lowerMid));
}

export interface OverDispersion {
	phi: number;
	/** true when phi passed the chi-squared test and is applied */
	applied: boolean;
	k: number;
}

export function overDispersion(units: Unit[], p0: number): OverDispersion {
	const zs = units.map((u) => exactZ(u, p0)).filter((z): z is number => z !== null);
	const k = zs.length;
	if (k < 2) return { phi: 1, applied: false, k };
	const lo = quantile(zs, 0.1) as number;
	const hi = quantile(zs, 0.9) as number;
	const phiHat = zs.reduce((s, z) => s + Math.min(hi, Math.max(lo, z)) ** 2, 0) / k;
	const applied = k * phiHat > chiSquaredQuantile(0.95, k - 1) && phiHat > 1;
	return { phi: applied ? phiHat : 1, applied, k };
}

/**
 * Spiegelhalter (2005, appendix A.1.1) exact binomial limit: r = smallest count with
 * P(X <= r) >= prob, interpolated alpha = (P(X <= r) - prob) / P(X = r), limit = (r - alpha) / n.
 */
export function binomialLimit(n: number, p0: number, prob: number): number {
	const size = Math.max(1, Math.round(n));
	let lo = 0;
	let hi = size;
	while (lo < hi) {
		const mid = Math.floor((lo + hi) / 2);
		if (binomialCdf(mid, size, p0) >= prob) hi = mid;
		else lo = mid + 1;
	}
	const r = lo;
	const at = binomialCdf(r, size, p0);
	const below = r > 0 ? binomialCdf(r - 1, size, p0) : 0;
	const alpha = at - below > 0 ? (at - prob) / (at - below) : 0;
	return Math.min(1, Math.max(0, (r - alpha) / size));
}

export interface FunnelPoint {
	z: number | null;
	upperLimit: number | null;
	lowerLimit: number | null;
}

/** Limits at +/- zLimit (two-sided), widened by over-dispersion phi around p0. */
export function funnelLimits(n: number, p0: number, phi: number, zLimit = Z_998): { upper: number; lower: number } {
	const tail = normalCdf(zLimit, 0, 1);
	const up = binomialLimit(n, p0, tail);
	const down = binomialLimit(n, p0, 1 - tail);
	const w = Math.sqrt(phi);
	return { upper: Math.min(1, p0 + (up - p0) * w), lower: Math.max(0, p0 - (p0 - down) * w) };
}

export function funnelPoint(u: Unit, p0: number, phi: number, zLimit = Z_998): FunnelPoint {
	const z = exactZ(u, p0);
	if (z === null) return { z: null, upperLimit: null, lowerLimit: null };
	const { upper, lower } = funnelLimits(u.n, p0, phi, zLimit);
	return { z: z / Math.sqrt(phi), upperLimit: upper, lowerLimit: lower };
}
