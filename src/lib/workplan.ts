// The audit work plan's ranking (issue 12): every provider across every rule, the way OIG's
// data-driven reviews rank them, by how many measures a provider is an outlier on (k of m;
// OIG OEI-03-11-00730, "Questionable Billing" reports count the measures exceeded), then by the
// dollars at risk. Only high-side flags count as measures exceeded (low-side flags, under-coding,
// are listed per provider but neither ranked nor opened as cases in bulk). Pure, so the ranking is
// tested on a hand-counted fixture.
import type { FlagRow } from './schemas/flags.ts';

export interface WorkplanRow {
	rank: number;
	provider_npi: string;
	provider_name: string | null;
	specialty: string;
	/** k: rules flagging the provider */
	measures_flagged: number;
	/** m: rules the provider was evaluated on (peer rules with a row for it + every line rule evaluated) */
	measures: number;
	flagged_rules: string[];
	/** sum of the flagged rules' dollars at risk (a line flagged by two rules counts in both) */
	dollars_at_risk: number;
	highest_severity: 'none' | 'low' | 'medium' | 'high';
	open_cases: number;
	overdue_cases: number;
	/** rules flagging the provider on the low side (under-coding): listed, not counted in k */
	low_side_rules: string[];
}

const rank = { none: 0, low: 1, medium: 2, high: 3 } as const;

/**
 * Ranks providers: k (measures flagged) descending, then dollars at risk, then highest severity,
 * then NPI (so ties always print in the same order).
 * @param rows every FlagRow of one evaluation (flagged or not)
 * @param lineRulesEvaluated how many line rules ran (each applies to every provider with claims)
 * @param cases open and overdue case counts per NPI
 * @param all include providers with no flag (k = 0)
 */
export function rankWorkplan(rows: FlagRow[], lineRulesEvaluated: number, cases: Map<string, { open: number; overdue: number }>, all = false): WorkplanRow[] {
	const by = new Map<string, { row: FlagRow; peerRules: Set<string>; flagged: Set<string>; low?: Set<string>; dollars: number; sev: WorkplanRow['highest_severity'] }>();
	for (const r of rows) {
		let p = by.get(r.provider_npi);
		if (!p) by.set(r.provider_npi, (p = { row: r, peerRules: new Set(), flagged: new Set(), dollars: 0, sev: 'none' }));
		if (r.kind === 'peer') p.peerRules.add(r.rule_id);
		// OIG's measures are exceeded on the high side; under-coding is listed apart
		if (r.flagged && r.direction === 'low') (p.low ??= new Set()).add(r.rule_id);
		if (!r.flagged || r.direction === 'low' || p.flagged.has(r.rule_id)) continue;
		p.flagged.add(r.rule_id);
		p.dollars += r.dollars_at_risk ?? 0;
		if (rank[r.severity] > rank[p.sev]) p.sev = r.severity;
	}
	const out = [...by.entries()]
		.map(([npi, p]) => ({
			rank: 0,
			provider_npi: npi,
			provider_name: p.row.provider_name,
			specialty: p.row.specialty,
			measures_flagged: p.flagged.size,
			measures: p.peerRules.size + lineRulesEvaluated,
			flagged_rules: [...p.flagged].sort(),
			dollars_at_risk: Math.round(p.dollars * 100) / 100,
			highest_severity: p.sev,
			open_cases: cases.get(npi)?.open ?? 0,
			overdue_cases: cases.get(npi)?.overdue ?? 0,
			low_side_rules: [...(p.low ?? [])].sort()
		}))
		.filter((r) => all || r.measures_flagged > 0)
		.sort((a, b) => b.measures_flagged - a.measures_flagged || b.dollars_at_risk - a.dollars_at_risk || rank[b.highest_severity] - rank[a.highest_severity] || a.provider_npi.localeCompare(b.provider_npi));
	out.forEach((r, i) => (r.rank = i + 1));
	return out;
}
