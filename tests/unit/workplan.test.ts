// The work plan's ranking and the case's "how the flag moved", on rows written by hand.
import { describe, expect, it } from 'vitest';
import { rankWorkplan } from '../../src/lib/workplan.ts';
import { compareFlag } from '../../src/lib/cases-flag.ts';
import type { FlagRow } from '../../src/lib/schemas/flags.ts';

const row = (npi: string, rule: string, kind: 'peer' | 'line', flagged: boolean, severity: FlagRow['severity'], dollars: number | null): FlagRow => ({
	rule_id: rule, kind, title: rule, provider_npi: npi, provider_name: `P${npi}`, specialty: 'IM', peer_group: 'IM', peer_count: 10,
	numerator: 1, denominator: 2, rate: 0.5, peer_rate: 0.2, peer_median: 0.2, percentile: 0.9, z: 3.5, p_value: null, q_value: null,
	upper_limit: null, phi: null, tau2: null, dispersion_model: null, excess_services: null, dollars_at_risk: dollars, direction: "high", period_from: null, period_to: null, flagged, severity, reasons: []
});

// Hand count (3 peer rules a, b, c; 2 line rules evaluated, so m = peer rows + 2):
//   A: flagged on a (high, $100) and dup (medium, $50): k = 2, m = 3 + 2 = 5, $150, high
//   B: flagged on a (low, $900) and b (medium, $10):    k = 2, m = 2 + 2 = 4, $910, medium
//   C: flagged on c (high, $5,000):                     k = 1, m = 1 + 2 = 3, $5,000, high
//   D: no flag:                                         k = 0, m = 1 + 2 = 3 (only with all)
//   E: flagged on b (medium, $910):                     k = 1, m = 1 + 2 = 3, $910, medium
// Order: B (k 2, $910) before A (k 2, $150); then C (k 1, $5,000), E (k 1, $910); D last with all.
const rows: FlagRow[] = [
	row('A', 'a', 'peer', true, 'high', 100), row('A', 'b', 'peer', false, 'none', 0), row('A', 'c', 'peer', false, 'none', null), row('A', 'dup', 'line', true, 'medium', 50),
	row('B', 'a', 'peer', true, 'low', 900), row('B', 'b', 'peer', true, 'medium', 10),
	row('C', 'c', 'peer', true, 'high', 5000),
	row('D', 'a', 'peer', false, 'none', 0),
	row('E', 'b', 'peer', true, 'medium', 910)
];

describe('work plan ranking (k of m measures, then dollars)', () => {
	const cases = new Map([['C', { open: 2, overdue: 1 }]]);
	it('ranks by measures flagged, then dollars at risk', () => {
		const w = rankWorkplan(rows, 2, cases);
		expect(w.map((r) => [r.rank, r.provider_npi, r.measures_flagged, r.measures, r.dollars_at_risk, r.highest_severity])).toEqual([
			[1, 'B', 2, 4, 910, 'medium'],
			[2, 'A', 2, 5, 150, 'high'],
			[3, 'C', 1, 3, 5000, 'high'],
			[4, 'E', 1, 3, 910, 'medium']
		]);
		expect(w.find((r) => r.provider_npi === 'A')?.flagged_rules).toEqual(['a', 'dup']);
		expect(w.find((r) => r.provider_npi === 'C')).toMatchObject({ open_cases: 2, overdue_cases: 1 });
		expect(w.find((r) => r.provider_npi === 'B')).toMatchObject({ open_cases: 0, overdue_cases: 0 });
	});
	it('keeps unflagged providers only when asked', () => {
		const w = rankWorkplan(rows, 2, cases, true);
		expect(w.map((r) => r.provider_npi)).toEqual(['B', 'A', 'C', 'E', 'D']);
		expect(w[4]).toMatchObject({ measures_flagged: 0, measures: 3, dollars_at_risk: 0, highest_severity: 'none' });
	});
	it('does not count a low-side (under-coding) flag as a measure exceeded', () => {
		const low = { ...row('L', 'a', 'peer', true, 'high', 0), direction: 'low' as const };
		const w = rankWorkplan([...rows, low, row('L', 'b', 'peer', true, 'low', 20)], 2, cases);
		expect(w.find((r) => r.provider_npi === 'L')).toMatchObject({ measures_flagged: 1, flagged_rules: ['b'], low_side_rules: ['a'], dollars_at_risk: 20, highest_severity: 'low' });
	});
	it('breaks a full tie by severity, then NPI', () => {
		const tie = [row('Y', 'a', 'peer', true, 'medium', 100), row('X', 'a', 'peer', true, 'medium', 100), row('Z', 'a', 'peer', true, 'high', 100)];
		expect(rankWorkplan(tie, 0, new Map()).map((r) => r.provider_npi)).toEqual(['Z', 'X', 'Y']);
	});
});

describe('how a case\'s flag has moved', () => {
	const then = { flagged: true, severity: 'high', rate: 0.6, z: 8.04, dollars_at_risk: 2341.6, numerator: 60, denominator: 100 };
	it('reports nothing when the same data comes back', () => {
		expect(compareFlag(then, { ...then, z: 8.0449, dollars_at_risk: 2341.9 })).toMatchObject({ state: 'flagged', changes: [] });
	});
	it('reports a cleared flag with what moved', () => {
		// 60 / 500 = 12.0%
		const now = compareFlag(then, { flagged: false, severity: 'none', rate: 0.12, z: -1.23, dollars_at_risk: 0, numerator: 60, denominator: 500 });
		expect(now.state).toBe('cleared');
		expect(now.changes).toEqual(['no longer flagged', 'rate 60.0% → 12.0%', 'services 60 / 100 → 60 / 500', 'z 8.0 → -1.2', 'dollars at risk $2,342 → $0']);
	});
	it('reports a rule with no row now as gone', () => {
		expect(compareFlag(then, undefined).state).toBe('gone');
	});
	it('reports a severity change on a flag that stays', () => {
		expect(compareFlag(then, { ...then, severity: 'medium' }).changes).toEqual(['severity high → medium']);
	});
});
