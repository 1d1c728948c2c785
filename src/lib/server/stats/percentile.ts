// Order statistics for peer groups.

/** Median of finite values (mean of the two middle values for an even count). */
export function median(values: number[]): number | null {
	const v = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (!v.length) return null;
	const mid = Math.floor(v.length / 2);
	return v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
}

/**
 * Percentile rank of x among peers: the share of peers whose value is at or below x
 * (PEPPER-style "at or above the 80th percentile" reads naturally against it: a provider
 * with the highest rate of 10 peers is at 100%, the lowest at 10%). Includes x's own entry
 * when x is one of the peers.
 */
export function percentileRank(x: number, peers: number[]): number | null {
	if (!peers.length) return null;
	let atOrBelow = 0;
	for (const p of peers) if (p <= x) atOrBelow++;
	return atOrBelow / peers.length;
}

/** Linear-interpolation quantile (type 7, R's default) of finite values, q in [0, 1]. */
export function quantile(values: number[], q: number): number | null {
	const v = values.filter(Number.isFinite).sort((a, b) => a - b);
	if (!v.length) return null;
	const h = (v.length - 1) * q;
	const lo = Math.floor(h);
	const hi = Math.ceil(h);
	return (v[lo] as number) + (h - lo) * ((v[hi] as number) - (v[lo] as number));
}
