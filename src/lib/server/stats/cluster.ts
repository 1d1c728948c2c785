// Line accuracy with the claim as the cluster (issue 14 item 8). Lines of one claim share a
// coder, a chart and an encounter, so their errors are correlated; treating them as
// independent makes the interval too narrow and a "below target" verdict too easy.
// Method (Korn & Graubard 1998, "Confidence intervals for proportions with small expected
// number of positive counts estimated from survey data", Survey Methodology 24:193-201):
//   ratio estimate p = sum y_i / sum m_i over claims i (m_i audited lines, y_i correct ones);
//   its cluster-robust (with-replacement, linearised) variance
//     v_c = k / (k - 1) x sum (y_i - p m_i)^2 / (sum m_i)^2, k = number of claims;
//   design effect deff = v_c / (p (1 - p) / n), n = sum m_i, floored at 1 (as Korn & Graubard do);
//   effective sample size n_eff = n / deff; the 95% interval is Wilson's (wilson.ts) for
//   p x n_eff successes in n_eff trials.
// From per-group sums of y_i^2, y_i m_i and m_i^2 (queries/accuracy/summary.sql), since
// sum (y_i - p m_i)^2 = sum y^2 - 2 p sum y m + p^2 sum m^2. Pure.
import { wilson, type Interval } from './wilson.ts';

export interface ClusterMoments {
	/** lines (n = sum m_i) and correct lines (sum y_i) */
	lines: number;
	correct: number;
	/** claims (k) */
	claims: number;
	sum_y2: number;
	sum_ym: number;
	sum_m2: number;
}

/**
 * Design effect of the claim clustering for the line proportion; 1 when it cannot be estimated
 * (fewer than 2 claims, or p at 0 or 1 where the binomial variance is 0) or is below 1.
 */
export function designEffect(c: ClusterMoments): number {
	const { lines: n, correct, claims: k } = c;
	if (n <= 0 || k < 2) return 1;
	const p = correct / n;
	const srs = (p * (1 - p)) / n;
	if (srs <= 0) return 1;
	const ss = c.sum_y2 - 2 * p * c.sum_ym + p * p * c.sum_m2;
	const vc = ((k / (k - 1)) * Math.max(0, ss)) / (n * n);
	return Math.max(1, vc / srs);
}

/** Wilson 95% interval on the effective sample size n / deff; null without lines. */
export function clusteredWilson(c: ClusterMoments): (Interval & { deff: number; n_eff: number }) | null {
	if (c.lines <= 0) return null;
	const deff = designEffect(c);
	const nEff = c.lines / deff;
	const i = wilson((c.correct / c.lines) * nEff, nEff) as Interval;
	// the exact ends stay exact: 0 of n and n of n keep 0 and 1
	return { low: c.correct === 0 ? 0 : i.low, high: c.correct === c.lines ? 1 : i.high, deff, n_eff: nEff };
}
