// Stratification by paid amount for audit samples (pure).
//  - Strata: with ascending boundaries b1 < ... < b(L-1), stratum 1 holds amounts <= b1,
//    stratum h holds b(h-1) < amount <= bh, the last holds amounts > b(L-1).
//  - Automatic boundaries: equal dollars per stratum (the auditor's usual rule, and close to
//    the cumulative-sqrt(f) rule of Dalenius & Hodges 1959 on skewed amounts): boundary k is
//    the smallest amount at which the running total of paid dollars, in ascending amount
//    order, reaches k/L of the frame's total. Repeated boundaries collapse (fewer strata).
//  - Allocation of n over strata: proportional to units (n_h ~ N_h) or to dollars
//    (n_h ~ D_h, Neyman-like for amounts whose spread grows with their size; Cochran 1977,
//    5.5), rounded by largest remainder (Hamilton), then at least 2 per stratum (a stratum
//    needs two units for a variance) and at most N_h, moving single units from the most
//    over-allocated to the most under-allocated strata until the total is n again.

export interface AmountGroup {
	amount: number;
	count: number;
}

export function equalDollarBoundaries(groups: AmountGroup[], strata: number): number[] {
	const sorted = [...groups].filter((g) => g.count > 0).sort((a, b) => a.amount - b.amount);
	const total = sorted.reduce((s, g) => s + Math.max(0, g.amount) * g.count, 0);
	if (strata < 2 || sorted.length < 2 || total <= 0) return [];
	const out: number[] = [];
	let running = 0;
	let k = 1;
	for (const g of sorted) {
		running += Math.max(0, g.amount) * g.count;
		while (k < strata && running >= (k * total) / strata - 1e-9) {
			if (!out.includes(g.amount)) out.push(g.amount);
			k++;
		}
	}
	// a boundary at the largest amount would leave the last stratum empty
	const max = sorted[sorted.length - 1]?.amount as number;
	return out.filter((b) => b < max);
}

/** Stratum number (1-based) of an amount under ascending boundaries. */
export function stratumOf(amount: number, boundaries: number[]): number {
	let h = 1;
	for (const b of boundaries) if (amount > b) h++;
	return h;
}

export interface StratumSize {
	size: number;
	dollars: number;
}

export function allocate(n: number, strata: StratumSize[], by: 'proportional' | 'dollars'): number[] {
	const L = strata.length;
	const N = strata.reduce((s, x) => s + x.size, 0);
	if (n > N) throw new RangeError(`a sample of ${n} is larger than the frame (${N} units)`);
	const floors = strata.map((s) => Math.min(2, s.size));
	const minimum = floors.reduce((a, b) => a + b, 0);
	if (n < minimum) throw new RangeError(`a stratified sample needs at least 2 units per stratum: ${minimum} for ${L} strata`);
	const totalDollars = strata.reduce((s, x) => s + Math.max(0, x.dollars), 0);
	const weight = (s: StratumSize) => (by === 'dollars' && totalDollars > 0 ? Math.max(0, s.dollars) / totalDollars : s.size / N);
	const targets = strata.map((s) => n * weight(s));
	const out = targets.map((t) => Math.floor(t));
	let left = n - out.reduce((a, b) => a + b, 0);
	const byRemainder = targets.map((t, h) => ({ h, r: t - Math.floor(t) })).sort((a, b) => b.r - a.r || a.h - b.h);
	for (const { h } of byRemainder) {
		if (left <= 0) break;
		out[h] = (out[h] as number) + 1;
		left--;
	}
	const lo = (h: number) => floors[h] as number;
	const hi = (h: number) => (strata[h] as StratumSize).size;
	for (let h = 0; h < L; h++) out[h] = Math.min(hi(h), Math.max(lo(h), out[h] as number));
	let diff = out.reduce((a, b) => a + b, 0) - n;
	while (diff !== 0) {
		const candidates = out.map((v, h) => ({ h, gap: v - (targets[h] as number) })).filter(({ h }) => (diff > 0 ? (out[h] as number) > lo(h) : (out[h] as number) < hi(h)));
		candidates.sort((a, b) => (diff > 0 ? b.gap - a.gap : a.gap - b.gap) || a.h - b.h);
		const pick = candidates[0];
		if (!pick) throw new RangeError('cannot allocate the sample over these strata');
		out[pick.h] = (out[pick.h] as number) + (diff > 0 ? -1 : 1);
		diff += diff > 0 ? -1 : 1;
	}
	return out;
}
