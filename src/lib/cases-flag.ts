// How a case's flag has moved since the case was opened: pure, shared by the server (cases
// list, reports) and tested on its own (tests/unit/cases-flag.test.ts).
import type { FlagNow } from './schemas/cases.ts';

/** The statistics of a flag that a case compares (a subset of FlagRow). */
export interface FlagStats {
	flagged: boolean;
	severity: string;
	rate: number | null;
	z: number | null;
	dollars_at_risk: number | null;
	findings?: number | null;
	numerator: number | null;
	denominator: number | null;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const money = (v: number) => `$${Math.round(v).toLocaleString('en-US')}`;

/**
 * Compares the flag when a case was opened with the flag now.
 * A statistic "moved" when its shown value changes: rate at 0.1 percentage point, z at 0.1,
 * dollars to the dollar, counts exactly (so a re-import of the same file reports no change).
 * @param then the FlagRow stored when the case was opened
 * @param now the provider's row for the rule in the current evaluation, or undefined when the
 *   provider no longer has one (no lines in the rule's code family, or no findings)
 */
export function compareFlag(then: FlagStats, now: FlagStats | undefined): FlagNow {
	if (!now) return { state: 'gone', severity: null, rate: null, z: null, dollars_at_risk: null, findings: null, changes: ['no result for this rule now (no lines in its code family, or no findings)'] };
	const changes: string[] = [];
	if (then.flagged !== now.flagged) changes.push(now.flagged ? 'flagged again' : 'no longer flagged');
	else if (then.severity !== now.severity) changes.push(`severity ${then.severity} → ${now.severity}`);
	if (then.rate !== null && now.rate !== null && pct(then.rate) !== pct(now.rate)) changes.push(`rate ${pct(then.rate)} → ${pct(now.rate)}`);
	if (then.numerator !== now.numerator || then.denominator !== now.denominator) {
		if (then.denominator !== null && now.denominator !== null) changes.push(`services ${then.numerator} / ${then.denominator} → ${now.numerator} / ${now.denominator}`);
	}
	if (then.z !== null && now.z !== null && then.z.toFixed(1) !== now.z.toFixed(1)) changes.push(`z ${then.z.toFixed(1)} → ${now.z.toFixed(1)}`);
	if ((then.findings ?? null) !== (now.findings ?? null) && now.findings !== undefined && then.findings !== undefined) changes.push(`findings ${then.findings ?? 0} → ${now.findings ?? 0}`);
	const d0 = Math.round(then.dollars_at_risk ?? 0);
	const d1 = Math.round(now.dollars_at_risk ?? 0);
	if (d0 !== d1) changes.push(`dollars at risk ${money(d0)} → ${money(d1)}`);
	return { state: now.flagged ? 'flagged' : 'cleared', severity: now.severity, rate: now.rate, z: now.z, dollars_at_risk: now.dollars_at_risk, findings: now.findings ?? null, changes };
}
