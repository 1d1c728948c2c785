// Variable appraisal, difference estimator (pure), as RAT-STATS computes it (domain.md,
// "Sampling and extrapolation"). For one stratum of N units with n sampled differences
// d_i = examined_i - audited_i, mean d and sample SD s (n - 1):
//   point = N * d;  SE = N * s / sqrt(n) * sqrt((N - n) / N);  interval = point +/- t(n-1) * SE.
// Stratified: stratum totals and variances add; SE = sqrt(sum SE_h^2); intervals use z.
// Examined and audited totals are estimated the same way (mean-per-unit), each with its own SE
// and intervals, as RAT-STATS reports the examined, audited and difference values; each
// stratum of a stratified appraisal also gets its own intervals (t with n_h - 1 df, as an
// unrestricted appraisal of that stratum would).
import { demands, intervals, meanSd, recoveries, type Demand, type Recovery, type TwoSided } from './appraisal.ts';

export interface StratumValues {
	stratum: number | string;
	/** universe size N_h */
	universe: number;
	/** per sampled unit: examined (paid) and audited values */
	examined: number[];
	audited: number[];
}

/** Summary statistics of one stratum's differences (when only they are known). */
export interface StratumSummary {
	stratum: number | string;
	universe: number;
	n: number;
	mean: number;
	sd: number;
	examined_mean?: number;
	audited_mean?: number;
	/** sample SDs (n - 1) of the examined and audited values, when the values are known */
	examined_sd?: number;
	audited_sd?: number;
}

/** A total's estimate: point, standard error and the 80/90/95% two-sided intervals. */
export interface Estimate {
	point_estimate: number;
	standard_error: number;
	intervals: TwoSided[];
}

export interface StratumEstimate extends StratumSummary {
	point_estimate: number;
	standard_error: number;
	nonzero_differences: number | null;
	/** this stratum's own intervals of its difference total (t with n_h - 1 df; exact 0 width when n_h = N_h) */
	intervals: TwoSided[];
}

/** SE of a stratum total N * mean from a sample SD (finite-population corrected; 0 for a census). */
function totalSe(N: number, n: number, sd: number): number {
	return n === N ? 0 : ((N * sd) / Math.sqrt(n)) * Math.sqrt((N - n) / N);
}

export interface VariableAppraisal {
	kind: 'variable';
	design: 'unrestricted' | 'stratified';
	universe: number;
	sample_size: number;
	nonzero_differences: number | null;
	mean_difference: number;
	sd_difference: number | null;
	point_estimate: number;
	standard_error: number;
	/** degrees of freedom of t; null = normal z (stratified) */
	df: number | null;
	intervals: TwoSided[];
	/** the recovery amount under each convention (appraisal.ts `recoveries`) */
	recovery: Recovery;
	/** the same amount as recovery.oig_audit, kept for scripts written against earlier output */
	oig_demand: Demand;
	/** the same amount as recovery.cms_contractor, kept likewise */
	cms_demand: Demand;
	examined_total: number | null;
	audited_total: number | null;
	/** the examined (paid) and audited totals as estimates with intervals; null when only differences are known */
	examined: Estimate | null;
	audited: Estimate | null;
	strata: StratumEstimate[];
}

function stratumEstimate(s: StratumSummary, nonzero: number | null): StratumEstimate {
	const { universe: N, n, mean, sd } = s;
	if (!(Number.isInteger(N) && N >= 1)) throw new RangeError(`stratum ${s.stratum}: universe size must be a positive whole number`);
	if (n < 1) throw new RangeError(`stratum ${s.stratum}: no sampled units`);
	if (n > N) throw new RangeError(`stratum ${s.stratum}: sample (${n}) larger than its universe (${N})`);
	if (n < 2 && n < N) throw new RangeError(`stratum ${s.stratum}: one sampled unit gives no standard deviation (need 2, or the whole stratum)`);
	const se = totalSe(N, n, sd);
	return { ...s, point_estimate: N * mean, standard_error: se, nonzero_differences: nonzero, intervals: intervals(N * mean, se, n - 1) };
}

export function summarize(s: StratumValues): { summary: StratumSummary; nonzero: number } {
	if (s.examined.length !== s.audited.length) throw new RangeError(`stratum ${s.stratum}: examined and audited lists differ in length`);
	const d = s.examined.map((e, i) => e - (s.audited[i] as number));
	const { n, mean, sd } = meanSd(d);
	const examined = meanSd(s.examined);
	const audited = meanSd(s.audited);
	// a difference of less than half a cent is no difference (amounts are in cents)
	const nonzero = d.filter((x) => Math.abs(x) >= 0.005).length;
	return { summary: { stratum: s.stratum, universe: s.universe, n, mean, sd, examined_mean: examined.mean, audited_mean: audited.mean, examined_sd: examined.sd, audited_sd: audited.sd }, nonzero };
}

/** Appraise from per-stratum summaries (one stratum = unrestricted, t with n - 1 df). */
export function appraiseVariableSummary(strata: StratumSummary[], nonzero: (number | null)[] = []): VariableAppraisal {
	if (!strata.length) throw new RangeError('no strata');
	const est = strata.map((s, i) => stratumEstimate(s, nonzero[i] ?? null));
	const unrestricted = est.length === 1;
	const point = est.reduce((a, s) => a + s.point_estimate, 0);
	const se = Math.sqrt(est.reduce((a, s) => a + s.standard_error ** 2, 0));
	const universe = est.reduce((a, s) => a + s.universe, 0);
	const n = est.reduce((a, s) => a + s.n, 0);
	const df = unrestricted ? n - 1 : null;
	const d = demands(point, se, df);
	const haveTotals = est.every((s) => s.examined_mean !== undefined && s.audited_mean !== undefined);
	const nz = est.every((s) => s.nonzero_differences !== null) ? est.reduce((a, s) => a + (s.nonzero_differences as number), 0) : null;
	return {
		kind: 'variable',
		design: unrestricted ? 'unrestricted' : 'stratified',
		universe,
		sample_size: n,
		nonzero_differences: nz,
		mean_difference: point / universe,
		sd_difference: unrestricted ? (est[0] as StratumEstimate).sd : null,
		point_estimate: point,
		standard_error: se,
		df,
		intervals: intervals(point, se, df),
		recovery: recoveries(point, se, df),
		oig_demand: d.oig,
		cms_demand: d.cms,
		examined_total: haveTotals ? est.reduce((a, s) => a + s.universe * (s.examined_mean as number), 0) : null,
		audited_total: haveTotals ? est.reduce((a, s) => a + s.universe * (s.audited_mean as number), 0) : null,
		examined: totalEstimate(est, 'examined', df),
		audited: totalEstimate(est, 'audited', df),
		strata: est
	};
}

/**
 * The examined or audited total across strata: sum of N_h * mean_h, SE = sqrt(sum SE_h^2), with
 * the appraisal's df (t with n - 1 unrestricted, z stratified); null when a stratum lacks it.
 */
function totalEstimate(est: StratumEstimate[], which: 'examined' | 'audited', df: number | null): Estimate | null {
	const mean = (s: StratumEstimate) => (which === 'examined' ? s.examined_mean : s.audited_mean);
	const sd = (s: StratumEstimate) => (which === 'examined' ? s.examined_sd : s.audited_sd);
	if (!est.every((s) => mean(s) !== undefined && sd(s) !== undefined)) return null;
	const point = est.reduce((a, s) => a + s.universe * (mean(s) as number), 0);
	const se = Math.sqrt(est.reduce((a, s) => a + totalSe(s.universe, s.n, sd(s) as number) ** 2, 0));
	return { point_estimate: point, standard_error: se, intervals: intervals(point, se, df) };
}

/** Appraise from the sampled values themselves. */
export function appraiseVariable(strata: StratumValues[]): VariableAppraisal {
	const parts = strata.map(summarize);
	return appraiseVariableSummary(
		parts.map((p) => p.summary),
		parts.map((p) => p.nonzero)
	);
}
