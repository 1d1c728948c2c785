// Coder accuracy, pure parts: counts -> group (rates, Wilson intervals, below-target verdict,
// top error class) and the filter schema. Expected numbers worked out by hand in comments.
// Wilson (src/lib/server/stats/wilson.ts, tested in stats.test.ts): with z = 1.959964,
// z^2 = 3.841459, centre = (p + z^2/2n) / (1 + z^2/n), half = z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n).
import { describe, expect, it } from 'vitest';
import { toGroup, topError, type GroupCounts } from '../../src/lib/server/accuracy/groups.ts';
import { AccuracyFilters, filterSearch, type ErrorCounts } from '../../src/lib/schemas/accuracy.ts';

const none: ErrorCounts = { upcoded: 0, downcoded: 0, wrong_code: 0, added_by_auditor: 0, not_supported: 0, modifier_error: 0, units_error: 0 };
const counts = (over: Partial<GroupCounts>): GroupCounts => ({
	audited_lines: 0, correct_lines: 0, audited_claims: 0, wrong_claims: 0, dx_matched: 0, dx_compared: 0, priced_lines: 0,
	financial_impact: null, overbilled: 0, underbilled: 0, specialties: [], ...none, ...over
});

describe('toGroup', () => {
	it('4 of 9 lines: rate and Wilson interval by hand', () => {
		// p = 0.444444; 1 + z^2/9 = 1.426829; centre = (0.444444 + 0.213414) / 1.426829 = 0.461063
		// half = 1.959964 * sqrt(0.027435 + 0.011856) / 1.426829 = 0.272287 -> 0.18878 .. 0.73335
		const g = toGroup('C1', counts({ audited_lines: 9, correct_lines: 4, audited_claims: 4, wrong_claims: 3, upcoded: 2, modifier_error: 2, units_error: 1 }));
		expect(g.line_accuracy).toBeCloseTo(4 / 9, 12);
		expect(g.line_accuracy_low).toBeCloseTo(0.18878, 4);
		expect(g.line_accuracy_high).toBeCloseTo(0.73335, 4);
		expect(g).toMatchObject({ group: 'C1', correct_claims: 1, claim_accuracy: 0.25, error_lines: 5, below_target: true });
		// 1 of 4 claims: centre = (0.25 + 0.480182) / 1.960365 = 0.372472, half = 0.326886
		expect(g.claim_accuracy_low).toBeCloseTo(0.04559, 4);
		expect(g.claim_accuracy_high).toBeCloseTo(0.69936, 4);
		expect(g.top_error).toBe('upcoded'); // 2-2 tie with modifier_error: the class listed first wins
	});

	it('0 of n: lower bound exactly 0, upper z^2/n / (1 + z^2/n)', () => {
		// 0/3: 1.280486 / 2.280486 = 0.56150
		const g = toGroup('Dermatology', counts({ audited_lines: 3, correct_lines: 0, audited_claims: 1, wrong_claims: 1, modifier_error: 2, units_error: 1 }));
		expect(g.line_accuracy).toBe(0);
		expect(g.line_accuracy_low).toBe(0);
		expect(g.line_accuracy_high).toBeCloseTo(0.5615, 4);
		expect(g.below_target).toBe(true);
	});

	it('n of n: upper bound exactly 1, lower n / (n + z^2); never below target', () => {
		// 2/2: 2 / 5.841459 = 0.34238
		const g = toGroup('C2', counts({ audited_lines: 2, correct_lines: 2, audited_claims: 1, wrong_claims: 0 }));
		expect(g.line_accuracy).toBe(1);
		expect(g.line_accuracy_high).toBe(1);
		expect(g.line_accuracy_low).toBeCloseTo(0.34238, 4);
		expect(g.below_target).toBe(false);
		expect(g.top_error).toBeNull();
	});

	it('below target only when the upper bound is under 95%, not the point estimate', () => {
		// 90/100: centre 0.885197, half 0.059568: 0.82563 .. 0.94477, under 95% -> below target
		const big = toGroup('a', counts({ audited_lines: 100, correct_lines: 90 }));
		expect(big.line_accuracy_high).toBeCloseTo(0.94477, 4);
		expect(big.below_target).toBe(true);
		// 18/20 is also 90%, but its interval reaches 0.97213 -> not proven below target
		const small = toGroup('b', counts({ audited_lines: 20, correct_lines: 18 }));
		expect(small.line_accuracy).toBe(0.9);
		expect(small.line_accuracy_high).toBeCloseTo(0.97213, 4);
		expect(small.below_target).toBe(false);
	});

	it('no lines: rates and intervals are null, never below target', () => {
		const g = toGroup('x', counts({}));
		expect(g).toMatchObject({ line_accuracy: null, line_accuracy_low: null, line_accuracy_high: null, claim_accuracy: null, dx_accuracy: null, below_target: false });
	});

	it('diagnosis accuracy is matched / compared codes; money rounds to cents', () => {
		const g = toGroup('x', counts({ audited_lines: 1, correct_lines: 1, dx_matched: 13, dx_compared: 16, financial_impact: 45.000000001, overbilled: 125, underbilled: 80 }));
		expect(g.dx_accuracy).toBe(0.8125);
		expect(g.financial_impact).toBe(45);
	});
});

describe('topError', () => {
	it('picks the most frequent class', () => expect(topError({ ...none, units_error: 3, upcoded: 1 })).toBe('units_error'));
});

describe('AccuracyFilters', () => {
	it('treats empty values as no filter and rejects impossible dates and reversed ranges', () => {
		expect(AccuracyFilters.parse({ from: '', specialty: '', auditor: 'A1' })).toEqual({ from: undefined, to: undefined, specialty: undefined, auditor: 'A1', coder: undefined });
		expect(AccuracyFilters.safeParse({ from: '2025-02-30' }).success).toBe(false);
		expect(AccuracyFilters.safeParse({ from: '2025-03-01', to: '2025-02-01' }).success).toBe(false);
	});
	it('filterSearch keeps set filters only', () => {
		expect(filterSearch({ specialty: 'Family Practice', coder: undefined }, { errors: '1' })).toBe('?specialty=Family+Practice&errors=1');
		expect(filterSearch({})).toBe('');
	});
});
