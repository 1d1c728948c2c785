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
//  - multiplicative model: adjusted z = z / sqrt(phi); the limits are the rates whose mid-p z
//    is +/- sqrt(phi) x the threshold (midpLimit: Spiegelhalter's interpolation applied to the
//    mid-p distribution), so a provider is above the drawn limit exactly when its adjusted z is
//    above the threshold;
//  - additive random-effects model (Spiegelhalter 2005 QSHC, section "additive"): a
//    between-provider variance tau^2 = (k phi - (k - 1)) / (sum w - sum w^2 / sum w), with
//    w_i = n_i / (p0 (1 - p0)) (the inverse within-provider variance), when the same chi-squared
//    test finds over-dispersion (else 0). A provider's variance becomes s^2(n) + tau^2, so its
//    z is divided, and the limit's z multiplied, by sqrt(1 + tau^2 n / (p0 (1 - p0))): little
//    at small volumes (where the binomial noise dominates, so a small extreme provider is not
//    hidden as under phi), much at large ones. With tau^2 = 0 both models are the exact binomial.
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

/** z where the exact tail stops being representable in double precision (see exactZ). */
const Z_CAP = 37;
/** The mid-p tail at Z_CAP (about 5.7e-300): at or below it, z comes from the normal approximation. */
const TAIL_CAP = normalCdf(-Z_CAP, 0, 1);

/** Exact mid-p binomial z of x events in n trials against p0 (counts rounded: CMS counts can be fractional). */
export function exactZ(u: Unit, p0: number): number | null {
	const n = Math.round(u.n);
	const x = Math.min(n, Math.round(u.x));
	if (n <= 0 || p0 <= 0 || p0 >= 1) return null;
	// upper tails straight from the regularized incomplete beta, P(X >= k) = I_p0(k, n - k + 1),
	// so that 1e-30 tails do not round to 0 as 1 - cdf would
	const atLeast = (k: number) => (k <= 0 ? 1 : k > n ? 0 : betainc(p0, k, n - k + 1));
	// Beyond the cap (a tail under about 1e-300, where doubles underflow) the normal
	// approximation's z, (x - n p0) / sqrt(n p0 (1 - p0)), is used when it is larger: a capped z
	// divided by an additive widening would otherwise fall back inside the limits it is far beyond.
	const normalZ = (x - n * p0) / Math.sqrt(n * p0 * (1 - p0));
	const upperMid = (atLeast(x) + atLeast(x + 1)) / 2;
	if (upperMid < 0.5) return upperMid <= TAIL_CAP ? Math.max(Z_CAP, normalZ) : Math.min(Z_CAP, -normalQuantile(upperMid));
	// low rates: the lower mid-p tail P(X < x) + P(X = x) / 2 from the CDF, accurate when small
	const lowerMid = ((x > 0 ? binomialCdf(x - 1, n, p0) : 0) + binomialCdf(x, n, p0)) / 2;
	return lowerMid <= TAIL_CAP ? Math.min(-Z_CAP, normalZ) : Math.max(-Z_CAP, normalQuantile(lowerMid));
}

export type DispersionModel = 'multiplicative' | 'additive';

export interface OverDispersion {
	model: DispersionModel;
	/** multiplicative factor (1 when not applied or under the additive model) */
	phi: number;
	/** additive between-provider variance of the rate (0 when not applied or multiplicative) */
	tau2: number;
	/** true when the chi-squared test found over-dispersion and the model's term is applied */
	applied: boolean;
	k: number;
}

/** No over-dispersion: the exact binomial limits as they are. */
export const NO_DISPERSION: OverDispersion = { model: 'multiplicative', phi: 1, tau2: 0, applied: false, k: 0 };

/**
 * Over-dispersion of a peer group's rates around p0 (winsorized z-scores, chi-squared test at
 * 95%), as a multiplicative phi or an additive tau^2 (see the header for the formulas).
 */
export function overDispersion(units: Unit[], p0: number, model: DispersionModel = 'multiplicative'): OverDispersion {
	const scored = units.map((u) => ({ u, z: exactZ(u, p0) })).filter((s): s is { u: Unit; z: number } => s.z !== null);
	const k = scored.length;
	if (k < 2) return { model, phi: 1, tau2: 0, applied: false, k };
	const zs = scored.map((s) => s.z);
	const lo = quantile(zs, 0.1) as number;
	const hi = quantile(zs, 0.9) as number;
	const phiHat = zs.reduce((s, z) => s + Math.min(hi, Math.max(lo, z)) ** 2, 0) / k;
	const applied = k * phiHat > chiSquaredQuantile(0.95, k - 1) && phiHat > 1;
	if (model === 'multiplicative') return { model, phi: applied ? phiHat : 1, tau2: 0, applied, k };
	const w = scored.map((s) => Math.round(s.u.n) / (p0 * (1 - p0)));
	const sw = w.reduce((a, b) => a + b, 0);
	const sw2 = w.reduce((a, b) => a + b * b, 0);
	const tau2 = applied ? Math.max(0, (k * phiHat - (k - 1)) / (sw - sw2 / sw)) : 0;
	return { model, phi: 1, tau2, applied: applied && tau2 > 0, k };
}

/** How far a provider of volume n has its z shrunk and its limit pushed out from p0. */
export function widening(n: number, p0: number, d: OverDispersion | number): number {
	if (typeof d === 'number') return Math.sqrt(d);
	if (d.model === 'multiplicative') return Math.sqrt(d.phi);
	return Math.sqrt(1 + (d.tau2 * Math.max(1, Math.round(n))) / (p0 * (1 - p0)));
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

/** Upper mid-p tail P(X > x) + P(X = x) / 2, X ~ Bin(n, p0): the statistic exactZ inverts. */
function midUpper(x: number, n: number, p0: number): number {
	const atLeast = (k: number) => (k <= 0 ? 1 : k > n ? 0 : betainc(p0, k, n - k + 1));
	return (atLeast(x) + atLeast(x + 1)) / 2;
}

/**
 * The rate at which the mid-p z of a volume n equals `z` (z > 0: the upper limit; z < 0: the
 * lower), interpolated linearly between counts, Spiegelhalter's (2005, A.1.1) interpolation
 * applied to the mid-p distribution. Because it inverts the same statistic as exactZ, a count
 * lies above the limit exactly when its z is above `z`. Where the tail is below what doubles
 * hold (|z| >= Z_CAP) the normal approximation p0 + z sqrt(p0 (1 - p0) / n), as in exactZ.
 */
export function midpLimit(n: number, p0: number, z: number): number {
	const size = Math.max(1, Math.round(n));
	// by symmetry, a lower limit is 1 - the upper limit of the complementary rate
	if (z < 0) return 1 - midpLimit(size, 1 - p0, -z);
	// smallest r with midUpper(r) <= t (midUpper falls as r rises); midUpper(-1) would be 1
	const firstAtOrBelow = (t: number) => {
		let lo = 0;
		let hi = size + 1;
		while (lo < hi) {
			const mid = Math.floor((lo + hi) / 2);
			if (midUpper(mid, size, p0) <= t) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	};
	if (z >= Z_CAP) {
		// exactZ there is max(Z_CAP, normal z) for counts whose tail is at or below TAIL_CAP, so a
		// count is beyond z when it is past both the first such count and the normal-approximation count
		const xu = firstAtOrBelow(TAIL_CAP);
		const xn = size * p0 + z * Math.sqrt(size * p0 * (1 - p0));
		return Math.min(1, Math.max(0, Math.max(xn, xu - 0.5) / size));
	}
	const tail = normalCdf(-z, 0, 1);
	const r = firstAtOrBelow(tail);
	if (r > size) return 1;
	const after = midUpper(r, size, p0);
	const before = r > 0 ? midUpper(r - 1, size, p0) : 1;
	const frac = before - after > 0 ? (before - tail) / (before - after) : 1;
	return Math.min(1, Math.max(0, (r - 1 + frac) / size));
}

/**
 * Limits at +/- zLimit (two-sided) for volume n under the over-dispersion (a number is a
 * multiplicative phi): the rates whose mid-p z, divided by the provider's widening w(n), is
 * +/- zLimit, i.e. midpLimit at +/- w(n) zLimit. So z / w > zLimit exactly when the rate is above
 * the upper limit: the line drawn and the flag decision are one statistic.
 */
export function funnelLimits(n: number, p0: number, d: OverDispersion | number, zLimit = Z_998): { upper: number; lower: number } {
	const w = widening(n, p0, d);
	return { upper: midpLimit(n, p0, w * zLimit), lower: midpLimit(n, p0, -w * zLimit) };
}

/** A provider's adjusted z and its own limits (the funnel's limits at its volume). */
export function funnelPoint(u: Unit, p0: number, d: OverDispersion | number, zLimit = Z_998): FunnelPoint {
	const z = exactZ(u, p0);
	if (z === null) return { z: null, upperLimit: null, lowerLimit: null };
	const { upper, lower } = funnelLimits(u.n, p0, d, zLimit);
	return { z: z / widening(u.n, p0, d), upperLimit: upper, lowerLimit: lower };
}
