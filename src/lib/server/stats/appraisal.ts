// Shared pieces of the RAT-STATS-style appraisals (pure): quantiles of t and of the standard
// normal, and the interval table every appraisal reports (80/90/95% two-sided, precision,
// precision %). Conventions follow the OIG RAT-STATS user guide (docs/domain.md, "Sampling and
// extrapolation"): unrestricted appraisals use Student's t with n - 1 degrees of freedom,
// stratified ones the normal z.
import tQuantileStdlib from '@stdlib/stats-base-dists-t-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { normalQuantile } from './funnel.ts';

export const CONFIDENCES = [0.8, 0.9, 0.95] as const;

/** Standard normal quantile to full double precision: Acklam's start plus one Halley step. */
export function zQuantile(p: number): number {
	const x = normalQuantile(p);
	const e = normalCdf(x, 0, 1) - p;
	const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
	return x - u / (1 + (x * u) / 2);
}

/** Quantile of Student's t (df = null: the normal, for stratified designs). */
export function criticalValue(p: number, df: number | null): number {
	return df === null ? zQuantile(p) : tQuantileStdlib(p, df);
}

export interface TwoSided {
	confidence: number;
	/** t (or z) at 1 - (1 - confidence) / 2 */
	critical: number;
	lower: number;
	upper: number;
	/** half-width = critical x standard error */
	precision: number;
	/** precision / point estimate (null when the point is 0) */
	precision_pct: number | null;
}

export interface Demand {
	amount: number;
	basis: string;
	critical: number;
}

export function intervals(point: number, se: number, df: number | null): TwoSided[] {
	return CONFIDENCES.map((confidence) => {
		const critical = criticalValue(1 - (1 - confidence) / 2, df);
		const precision = critical * se;
		return { confidence, critical, lower: point - precision, upper: point + precision, precision, precision_pct: point !== 0 ? precision / Math.abs(point) : null };
	});
}

/**
 * Demand amounts from an overpayment estimate: OIG recovers at the lower limit of the
 * two-sided 90% interval; CMS contractors (Program Integrity Manual ch. 8, 8.4.5.1) at the
 * lower limit of the one-sided 90% interval.
 */
export function demands(point: number, se: number, df: number | null): { oig: Demand; cms: Demand } {
	const t95 = criticalValue(0.95, df);
	const t90 = criticalValue(0.9, df);
	return {
		oig: { amount: point - t95 * se, basis: 'lower limit of the two-sided 90% interval', critical: t95 },
		cms: { amount: point - t90 * se, basis: 'lower limit of the one-sided 90% interval (CMS Program Integrity Manual ch. 8, 8.4.5.1)', critical: t90 }
	};
}

/**
 * The recovery amount under each convention, named for who uses it (an appraisal shows all
 * three; the engagement decides which applies):
 *  - oig_audit: OIG audit recovery, the lower limit of the two-sided 90% interval (OIG's audit
 *    reports recommend recovery of this amount);
 *  - cms_contractor: CMS contractor recovery, the lower limit of the one-sided 90% interval
 *    (Medicare Program Integrity Manual, Pub. 100-08, ch. 8, 8.4.5.1);
 *  - self_disclosure: the point estimate, which the OIG Self-Disclosure Protocol (2013, IV.B.2)
 *    asks a disclosing party to repay (critical value 0: no interval is involved).
 * Amounts in the unit of the differences (dollars).
 */
export interface Recovery {
	oig_audit: Demand;
	cms_contractor: Demand;
	self_disclosure: Demand;
}

export function recoveries(point: number, se: number, df: number | null): Recovery {
	const d = demands(point, se, df);
	return {
		oig_audit: { ...d.oig, basis: `OIG audit recovery: ${d.oig.basis}` },
		cms_contractor: { ...d.cms, basis: `CMS contractor recovery: ${d.cms.basis}` },
		self_disclosure: { amount: point, basis: 'OIG Self-Disclosure Protocol (2013, IV.B.2): the point estimate', critical: 0 }
	};
}

/** Mean and sample standard deviation (n - 1), by two passes for accuracy. */
export function meanSd(values: number[]): { n: number; mean: number; sd: number } {
	const n = values.length;
	if (n === 0) return { n, mean: 0, sd: 0 };
	const mean = values.reduce((s, v) => s + v, 0) / n;
	if (n < 2) return { n, mean, sd: 0 };
	const ss = values.reduce((s, v) => s + (v - mean) ** 2, 0);
	return { n, mean, sd: Math.sqrt(ss / (n - 1)) };
}
