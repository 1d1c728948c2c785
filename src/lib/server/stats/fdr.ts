// Multiplicity for the peer-comparison rules: the one-sided p-value of a funnel z and the
// Benjamini-Hochberg q-value over every peer-rule test of one evaluation (pure; unit-tested by
// hand in tests/unit/fdr.test.ts). An evaluation runs ~900-2,800 provider-rule tests, so a few
// rows pass z > 3.09 by chance; q controls the false discovery rate instead (Jones, Ohlssen &
// Spiegelhalter, "Use of the false discovery rate when comparing multiple health care
// providers", J Clin Epidemiol 2008;61:232-240).
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/** Default FDR level of the `flag_rule=fdr` option: flag when q <= 0.05. */
export const FDR_Q_DEFAULT = 0.05;

/**
 * One-sided upper-tail p-value of a z-score: P(Z >= z) = 1 - Phi(z), computed as Phi(-z) (the
 * same number, without the cancellation that turns 1 - Phi(37) into 0). null when z is null.
 */
export function upperTailP(z: number | null): number | null {
	if (z === null || Number.isNaN(z)) return null;
	return normalCdf(-z, 0, 1);
}

/**
 * Benjamini-Hochberg step-up q-values (Benjamini Y, Hochberg Y, "Controlling the false discovery
 * rate: a practical and powerful approach to multiple testing", J R Stat Soc B 1995;57:289-300).
 * With the m non-null p-values sorted ascending p_(1) <= ... <= p_(m):
 *   q_(i) = min over j >= i of ( p_(j) * m / j ), capped at 1,
 * returned in the input order. Flagging every test with q <= alpha is the BH procedure at level
 * alpha. Null entries (rows with no z: peer rate 0 or 100%) are not tests: they do not count in m
 * and their q is null. Ties get the same q (the running minimum carries the larger rank's value).
 */
export function benjaminiHochberg(p: readonly (number | null)[]): (number | null)[] {
	const idx: number[] = [];
	p.forEach((v, i) => {
		if (v !== null && !Number.isNaN(v)) idx.push(i);
	});
	const m = idx.length;
	const out: (number | null)[] = p.map(() => null);
	idx.sort((a, b) => (p[a] as number) - (p[b] as number) || a - b);
	let running = 1;
	for (let r = m - 1; r >= 0; r--) {
		const i = idx[r] as number;
		// p·(m/j), not (p·m)/j: at j = m the factor is exactly 1, so q >= p survives rounding
		running = Math.min(running, (p[i] as number) * (m / (r + 1)));
		out[i] = running;
	}
	return out;
}

/**
 * Expected number of rows passing the z rule by chance when no provider truly differs: the sum
 * over tests of the one-sided tail beyond each rule's z threshold (m x 0.001 at z > 3.09).
 */
export function expectedChanceFlags(zThresholds: readonly number[]): number {
	return zThresholds.reduce((s, t) => s + normalCdf(-t, 0, 1), 0);
}
