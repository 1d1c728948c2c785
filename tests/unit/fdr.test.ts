// Multiplicity: one-sided p of a funnel z, Benjamini-Hochberg q-values, the expected number of
// chance flags. Every expected value is worked out by hand in the comment beside it.
import { describe, expect, it } from 'vitest';
import { applyMultiplicity, type PeerCheck } from '../../src/lib/server/rules/peer-engine.ts';
import type { FlagRow } from '../../src/lib/schemas/flags.ts';
import type { PeerRule } from '../../src/lib/schemas/rules.ts';
import { benjaminiHochberg, expectedChanceFlags, upperTailP } from '../../src/lib/server/stats/fdr.ts';
import { chanceSentence, fmtExpected } from '../../src/lib/multiplicity.ts';
import { Z_998 } from '../../src/lib/server/stats/funnel.ts';

describe('upperTailP: p = 1 - Phi(z)', () => {
	it('z = 3.09 gives 0.00100078...', () => {
		// 1 - Phi(3.09) = 0.5 erfc(3.09 / sqrt 2) = 0.00100078247661401 (mpmath, 30 digits)
		expect(upperTailP(3.09)).toBeCloseTo(0.00100078247661401, 15);
		expect((upperTailP(3.09) as number).toFixed(6)).toBe('0.001001');
	});
	it('z = qnorm(0.999) gives 0.001; z = 0 gives 0.5; z = -1 gives Phi(1)', () => {
		expect(upperTailP(Z_998)).toBeCloseTo(0.001, 15);
		expect(upperTailP(0)).toBe(0.5);
		expect(upperTailP(-1)).toBeCloseTo(0.841344746068543, 14); // Phi(1)
	});
	it('stays positive in the far tail (no 1 - 1 cancellation) and is null without z', () => {
		expect(upperTailP(37)).toBeGreaterThan(0); // Phi(-37) = 5.7e-300
		expect(upperTailP(37)).toBeLessThan(1e-299);
		expect(upperTailP(null)).toBeNull();
	});
});

describe('benjaminiHochberg', () => {
	it('p = [0.01, 0.04, 0.03, 0.005] by hand', () => {
		// m = 4; sorted: 0.005 (rank 1), 0.01 (2), 0.03 (3), 0.04 (4)
		// p·m/rank: 0.005·4/1 = 0.02, 0.01·4/2 = 0.02, 0.03·4/3 = 0.04, 0.04·4/4 = 0.04
		// running minimum from the top: 0.04, 0.04, 0.02, 0.02; back in input order:
		const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.005]);
		[0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 15));
	});
	it('takes the running minimum over larger ranks', () => {
		// m = 3; p·m/rank: 0.01·3/1 = 0.03, 0.02·3/2 = 0.03, 0.025·3/3 = 0.025
		// q_(1) = min(0.03, 0.03, 0.025) = 0.025, q_(2) = min(0.03, 0.025) = 0.025, q_(3) = 0.025
		const q = benjaminiHochberg([0.01, 0.02, 0.025]);
		[0.025, 0.025, 0.025].forEach((v, i) => expect(q[i]).toBeCloseTo(v, 15));
	});
	it('gives ties one q', () => {
		// m = 4; three ties at 0.02 take ranks 1-3: 0.08, 0.04, 0.02·4/3 = 0.026667; 0.5·4/4 = 0.5
		// running minimum: 0.5, then 0.026667 for all three tied values
		const q = benjaminiHochberg([0.02, 0.5, 0.02, 0.02]);
		expect(q[1]).toBeCloseTo(0.5, 15);
		for (const i of [0, 2, 3]) expect(q[i]).toBeCloseTo(0.08 / 3, 15);
	});
	it('m = 1: q = p', () => {
		expect(benjaminiHochberg([0.03])).toEqual([0.03]);
	});
	it('p = 1 gives q = 1; q never exceeds 1', () => {
		// m = 2: 0.5·2/1 = 1, 1·2/2 = 1
		expect(benjaminiHochberg([1, 0.5])).toEqual([1, 1]);
		// m = 3: 0.6·3/1 = 1.8, 0.7·3/2 = 1.05, 0.9·3/3 = 0.9 -> running minimum 0.9 for all
		benjaminiHochberg([0.6, 0.9, 0.7]).forEach((v) => expect(v).toBeCloseTo(0.9, 15));
	});
	it('rows without a p (no z) are not tests: q null, m counts the others', () => {
		// m = 2: 0.01·2/1 = 0.02, 0.04·2/2 = 0.04
		const q = benjaminiHochberg([null, 0.01, null, 0.04]);
		expect(q[0]).toBeNull();
		expect(q[2]).toBeNull();
		expect(q[1]).toBeCloseTo(0.02, 15);
		expect(q[3]).toBeCloseTo(0.04, 15);
		expect(benjaminiHochberg([])).toEqual([]);
	});
});

describe('expected chance flags', () => {
	it('m tests at z > 3.09 expect m x 0.001', () => {
		// 1 - Phi(qnorm(0.999)) = 0.001 per test: 2,800 tests -> 2.8, 12 tests -> 0.012
		expect(expectedChanceFlags(Array(2800).fill(Z_998))).toBeCloseTo(2.8, 9);
		expect(expectedChanceFlags(Array(12).fill(Z_998))).toBeCloseTo(0.012, 12);
		expect(expectedChanceFlags([])).toBe(0);
	});
	it('states the number in one sentence', () => {
		const s = chanceSentence({ flag_rule: 'z', q_threshold: 0.05, tests: 2800, expected_chance: expectedChanceFlags(Array(2800).fill(Z_998)) });
		expect(s).toContain('Chance alone would produce about 2.8 flags across these 2,800 provider-rule tests');
		expect(s).toContain('2,800 × 0.001');
		expect(chanceSentence({ flag_rule: 'fdr', q_threshold: 0.05, tests: 900, expected_chance: 0.9 })).toContain('q ≤ 0.05 across 900 provider-rule tests');
		expect(chanceSentence({ flag_rule: 'z', q_threshold: 0.05, tests: 0, expected_chance: 0 })).toBe('');
		expect([fmtExpected(28.4), fmtExpected(2.8), fmtExpected(0.012)]).toEqual(['28', '2.8', '0.012']);
	});
});

describe('the FDR flag rule at a chosen level (applyMultiplicity)', () => {
	// three peer rows with p = 0.01, 0.02, 0.03: BH q = min over j >= i of p(j) m / j =
	// 0.03 for all three (0.01 x 3, 0.02 x 3/2, 0.03 x 3/3), so the level 0.03 flags all three
	// (q <= level) and 0.029 flags none; every other condition holds
	const checks = (): PeerCheck[] =>
		[0.01, 0.02, 0.03].map((p, i) => ({
			row: { rule_id: 'r', provider_npi: String(i), z: 3, p_value: p, q_value: null, flagged: false, severity: 'none', reasons: ['group', 'volume', 'funnel', 'percentile'] } as unknown as FlagRow,
			rule: { z_threshold: 3.09, severity: { medium_z: 4, high_z: 6, medium_dollars: 1e9, high_dollars: 1e9 } } as unknown as PeerRule,
			bigGroup: true,
			lowOk: false,
			volumeOk: true,
			pctOk: true,
			aboveLimit: false,
			dollars: 0
		}));
	it.each([
		[0.029, 0],
		[0.03, 3],
		[0.031, 3]
	])('level %f flags %i rows', (level, flagged) => {
		const c = checks();
		expect(applyMultiplicity(c, 'fdr', level)).toBe(3);
		c.forEach((x) => expect(x.row.q_value).toBeCloseTo(0.03, 15));
		expect(c.filter((x) => x.row.flagged)).toHaveLength(flagged);
		expect(c[0]?.row.reasons[3]).toBe(`q 0.030 ${flagged ? '<=' : '>'} ${level} (Benjamini-Hochberg over 3 peer-rule tests)`);
	});
	it('under the z rule the level changes nothing: the rows are not above their limits', () => {
		const c = checks();
		applyMultiplicity(c, 'z', 0.2);
		expect(c.filter((x) => x.row.flagged)).toHaveLength(0);
	});
});
