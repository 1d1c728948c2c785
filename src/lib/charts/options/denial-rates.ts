// Shared by the denial chart builders (pure): the rate a metric means, and stable colours.
import type { DenialCounts, RateMetric } from '../../schemas/denials.ts';

export type { DenialCounts };

export const metricLabels: Record<RateMetric, string> = {
	claim: 'Claim denial rate',
	line: 'Line denial rate',
	dollar: 'Dollar denial rate'
};

/** denied / total for the metric (claims, lines or charges); null when there is nothing. */
export function rateOf(c: DenialCounts, metric: RateMetric): number | null {
	const [denied, total] = metric === 'claim' ? [c.denied_claims, c.claims] : metric === 'line' ? [c.denied_lines, c.lines] : [c.denied_charges, c.charges];
	return total > 0 ? denied / total : null;
}

/** Percent with 2 decimals for chart data (ECharts shows what it gets). */
export const pct = (r: number | null) => (r === null ? null : Number((r * 100).toFixed(2)));

export const palette = ['#1d4ed8', '#b42318', '#1a7f37', '#b54708', '#7c3aed', '#0e7490', '#be185d', '#4d7c0f', '#5f6b7a', '#a16207'];
