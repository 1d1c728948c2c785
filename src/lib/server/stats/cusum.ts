// Bernoulli CUSUM over months (issue 11: monitoring), after Steiner, Cook, Farewell & Treasure
// (2000), "Monitoring surgical performance using risk-adjusted cumulative sum charts",
// Biostatistics 1(4):441-452, without risk adjustment: each service is a Bernoulli trial with the
// in-control probability p0 of its month (the peer group's pooled rate that month), tested
// against an odds ratio R_A (2 = the odds doubled for the upper chart, 1/2 = halved for the lower).
// Log-likelihood-ratio weights of one service:
//   in the numerator:   w1 = ln(R_A / (1 - p0 + R_A p0))
//   not in it:          w0 = ln(1 / (1 - p0 + R_A p0))
// A month with x of n services scores W = x w1 + (n - x) w0; S_t = max(0, S_{t-1} + W_t); the
// chart signals when S_t >= h and restarts at 0. h = 5 by default (Steiner et al. chart their
// examples at h = 4.5 and 5 for R_A = 2; a larger h means fewer false alarms and later signals).
// Pure; hand-computed in tests/unit/cusum.test.ts.

export const CUSUM_ODDS_RATIO = 2;
export const CUSUM_H = 5;

export interface MonthCount {
	/** YYYY-MM */
	month: string;
	x: number;
	n: number;
	/** in-control probability that month (the peers' pooled rate) */
	p0: number;
}

export interface CusumPoint {
	month: string;
	/** the statistic after this month (before a restart) */
	s: number;
	signal: boolean;
}

/** The service weights (w1, w0) at probability p0 against odds ratio ra. */
export function cusumWeights(p0: number, ra: number): { w1: number; w0: number } {
	const d = 1 - p0 + ra * p0;
	return { w1: Math.log(ra / d), w0: Math.log(1 / d) };
}

/**
 * Runs the chart over the months in order. Months with n = 0, or a p0 of 0 or 1, add nothing.
 * @param ra odds ratio to detect (>1: upper chart, rates above the peers; <1: lower chart)
 * @param h decision interval
 */
export function bernoulliCusum(months: MonthCount[], ra = CUSUM_ODDS_RATIO, h = CUSUM_H): CusumPoint[] {
	let s = 0;
	return months.map((m) => {
		if (m.n > 0 && m.p0 > 0 && m.p0 < 1) {
			const { w1, w0 } = cusumWeights(m.p0, ra);
			s = Math.max(0, s + m.x * w1 + (m.n - m.x) * w0);
		}
		const signal = s >= h;
		const point = { month: m.month, s, signal };
		if (signal) s = 0;
		return point;
	});
}
