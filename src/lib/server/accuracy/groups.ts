// Pure: a row of counts from queries/accuracy/summary.sql becomes an accuracy group with rates,
// 95% Wilson intervals (src/lib/server/stats/wilson.ts) and the below-target verdict of
// domain.md ("below target" only when the interval's upper bound is under the target: 95% unless
// configured, src/lib/server/accuracy/settings.ts). The line-accuracy
// interval treats the claim as the cluster (stats/cluster.ts: Korn & Graubard's effective sample
// size), so the verdict is not an artefact of counting a claim's correlated lines as independent.
import { wilson } from '../stats/wilson.ts';
import { clusteredWilson } from '../stats/cluster.ts';
import { ACCURACY_TARGET, errorClasses, type AccuracyGroup, type ErrorClass, type ErrorCounts } from '../../schemas/accuracy.ts';

/** The counts summary.sql returns for one group. */
export interface GroupCounts {
	audited_lines: number;
	correct_lines: number;
	audited_claims: number;
	wrong_claims: number;
	dx_matched: number;
	dx_compared: number;
	priced_lines: number;
	financial_impact: number | null;
	overbilled: number;
	underbilled: number;
	specialties?: string[] | null;
	upcoded: number;
	downcoded: number;
	wrong_code: number;
	added_by_auditor: number;
	not_supported: number;
	modifier_error: number;
	units_error: number;
	/** claim-cluster moments (sums over claims of y^2, y m, m^2); absent: lines taken as independent */
	sum_y2?: number | null;
	sum_ym?: number | null;
	sum_m2?: number | null;
}

/** Most frequent error class; ties go to the class listed first in errorClasses. Null without errors. */
export function topError(errors: ErrorCounts): ErrorClass | null {
	let best: ErrorClass | null = null;
	for (const c of errorClasses) if (errors[c] > 0 && (best === null || errors[c] > errors[best])) best = c;
	return best;
}

const ratio = (x: number, n: number) => (n > 0 ? x / n : null);
/** Money to cents precision: sums of DECIMAL come back as DOUBLE. */
const cents = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100);

/**
 * Rates, 95% intervals and the verdict of one group. `target` (a fraction; the configured one,
 * loaded once per request by the caller, ACCURACY_TARGET by default): below_target when the
 * line-accuracy interval's upper bound is under it.
 */
export function toGroup(group: string, r: GroupCounts, target: number = ACCURACY_TARGET): AccuracyGroup {
	const errors = Object.fromEntries(errorClasses.map((c) => [c, Number(r[c] ?? 0)])) as ErrorCounts;
	const correctClaims = r.audited_claims - r.wrong_claims;
	const clustered = r.sum_y2 !== null && r.sum_y2 !== undefined;
	const adjusted = clustered ? clusteredWilson({ lines: r.audited_lines, correct: r.correct_lines, claims: r.audited_claims, sum_y2: Number(r.sum_y2), sum_ym: Number(r.sum_ym), sum_m2: Number(r.sum_m2) }) : null;
	const line = clustered ? adjusted : wilson(r.correct_lines, r.audited_lines);
	const claim = wilson(correctClaims, r.audited_claims);
	const dx = wilson(r.dx_matched, r.dx_compared);
	return {
		group,
		audited_lines: r.audited_lines,
		correct_lines: r.correct_lines,
		line_accuracy: ratio(r.correct_lines, r.audited_lines),
		line_accuracy_low: line?.low ?? null,
		line_accuracy_high: line?.high ?? null,
		line_design_effect: adjusted?.deff ?? null,
		audited_claims: r.audited_claims,
		correct_claims: correctClaims,
		claim_accuracy: ratio(correctClaims, r.audited_claims),
		claim_accuracy_low: claim?.low ?? null,
		claim_accuracy_high: claim?.high ?? null,
		dx_matched: r.dx_matched,
		dx_compared: r.dx_compared,
		dx_accuracy: ratio(r.dx_matched, r.dx_compared),
		dx_accuracy_low: dx?.low ?? null,
		dx_accuracy_high: dx?.high ?? null,
		errors,
		error_lines: r.audited_lines - r.correct_lines,
		top_error: topError(errors),
		financial_impact: cents(r.financial_impact),
		overbilled: cents(r.overbilled) ?? 0,
		underbilled: cents(r.underbilled) ?? 0,
		priced_lines: r.priced_lines,
		below_target: line !== null && line.high < target,
		specialties: r.specialties ?? []
	};
}
