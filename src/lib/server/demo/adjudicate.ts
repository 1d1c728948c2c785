// Money and payer decisions for a composed claim: charge (the provider's chargemaster),
// allowed (fee x payer multiplier x a small provider geographic factor, on every line,
// including denied and pending ones: it is the contracted amount), paid, status and
// group-CARC adjustment codes. Overall line denial rate is ~9-10%; the planted spike lifts
// Acme Health Plan x Dermatology to ~35% in 2025-03..2025-05 (authorization CARCs).
import {
	ACME_PAYER_INDEX, CARC_AUTH, CARC_CLAIM, CARC_CLAIM_WEIGHTS, CARC_LINE, CARC_LINE_WEIGHTS,
	CARC_PARTIAL, fee, OFTEN_BUNDLED, PAYERS, type Specialty
} from './catalog.ts';
import { monthIndexOfLabel } from './calendar.ts';
import { at, type Rng } from './prng.ts';
import type { LineDraft } from './compose.ts';
import type { Provider } from './roster.ts';

const SPIKE_MONTHS = ['2025-03', '2025-04', '2025-05'];
export const SPIKE = {
	payerIndex: ACME_PAYER_INDEX,
	specialty: 'Dermatology' as Specialty,
	months: SPIKE_MONTHS,
	monthIndexes: SPIKE_MONTHS.map(monthIndexOfLabel)
};

export type LineStatus = 'paid' | 'denied' | 'partial' | 'pending';

export interface Adjudicated {
	status: LineStatus;
	denial: string;
	chargeCents: number;
	allowedCents: number;
	paidCents: number;
}

/** The provider's chargemaster price for `units` of `code` (whole dollars per unit). */
export function chargeCents(p: Provider, code: string, units: number): number {
	return Math.round(fee(code) * p.habits.chargeMult) * 100 * units;
}

export function allowedCents(p: Provider, code: string, units: number, payerIndex: number): number {
	return Math.round(fee(code) * at(PAYERS, payerIndex).mult * p.habits.geo * 100) * units;
}

/** Share of claims still pending at the data cut-off (recent months only). */
function pendingProbability(month: number): number {
	return month === 17 ? 0.2 : month === 16 ? 0.04 : 0;
}

export function adjudicateClaim(
	lines: readonly LineDraft[],
	p: Provider,
	payerIndex: number,
	month: number,
	rng: Rng
): Adjudicated[] {
	const base = lines.map((l) => ({
		chargeCents: chargeCents(p, l.code, l.units),
		allowedCents: allowedCents(p, l.code, l.units, payerIndex)
	}));
	if (rng.chance(pendingProbability(month))) {
		return base.map((b) => ({ ...b, status: 'pending', denial: '', paidCents: 0 }));
	}
	const spike =
		payerIndex === SPIKE.payerIndex && p.specialty === SPIKE.specialty && SPIKE.monthIndexes.includes(month);
	let claimDenial = '';
	if (spike && rng.chance(0.28)) claimDenial = rng.pick(CARC_AUTH);
	else if (rng.chance(0.04)) {
		claimDenial = at(CARC_CLAIM, rng.weighted(CARC_CLAIM_WEIGHTS));
		if (rng.chance(0.15)) claimDenial += `;${at(CARC_LINE, rng.weighted(CARC_LINE_WEIGHTS))}`;
	}
	return lines.map((l, i) => {
		const b = at(base, i);
		if (claimDenial) return { ...b, status: 'denied', denial: claimDenial, paidCents: 0 };
		const bundled = OFTEN_BUNDLED.has(l.code);
		if (rng.chance(bundled ? 0.12 : 0.055)) {
			const code = bundled && rng.chance(0.7) ? 'CO-97' : at(CARC_LINE, rng.weighted(CARC_LINE_WEIGHTS));
			return { ...b, status: 'denied', denial: code, paidCents: 0 };
		}
		if (rng.chance(0.035)) {
			const paid = Math.round(b.allowedCents * rng.uniform(0.3, 0.85));
			return { ...b, status: 'partial', denial: rng.pick(CARC_PARTIAL), paidCents: paid };
		}
		return { ...b, status: 'paid', denial: '', paidCents: b.allowedCents };
	});
}
