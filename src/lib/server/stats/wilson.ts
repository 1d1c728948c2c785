// Wilson score interval for a proportion (Wilson 1927; Newcombe 1998, method 3): the interval
// domain.md requires beside every accuracy figure. Well behaved at 0/n and n/n, unlike Wald.
export interface Interval {
	low: number;
	high: number;
}

/** z for a two-sided 95% interval (qnorm(0.975)). */
export const Z95 = 1.959963984540054;

export function wilson(successes: number, n: number, z = Z95): Interval | null {
	if (n <= 0) return null;
	const p = successes / n;
	const z2 = z * z;
	const denom = 1 + z2 / n;
	const centre = (p + z2 / (2 * n)) / denom;
	const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
	// the bounds at 0/n and n/n are exactly 0 and 1; rounding must not make them 1e-17 off
	return {
		low: successes === 0 ? 0 : Math.max(0, centre - half),
		high: successes === n ? 1 : Math.min(1, centre + half)
	};
}
