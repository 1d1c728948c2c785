// The project's CARC category table. The line rule of domain.md "Denials" exists once, in SQL
// (denial_set_outcome): tests/integration/denial-rule.test.ts runs it.
import { describe, expect, it } from 'vitest';
import { carcParams, carcTable, categoryOf, isReasonCode, parseCode } from '../../src/lib/server/denials/carc-categories.ts';
import { denialCategories } from '../../src/lib/schemas/denials.ts';

describe('CARC table', () => {
	it('lists each code once, in a known category, with a short label of our own', () => {
		const codes = carcTable.map((e) => e.carc);
		expect(new Set(codes).size).toBe(codes.length);
		for (const e of carcTable) {
			expect([...denialCategories, 'adjustment']).toContain(e.category);
			expect(e.carc).toMatch(/^[A-Z]?[0-9]{1,3}$/);
			// labels are short paraphrases, never X12's description sentences
			expect(e.label.length, e.carc).toBeLessThanOrEqual(45);
			expect(e.label).not.toMatch(/\.$/);
		}
	});

	it('covers every category and the codes the demo data uses', () => {
		expect(new Set(carcTable.map((e) => e.category))).toEqual(new Set([...denialCategories, 'adjustment']));
		const demo = ['CO-27', 'CO-22', 'CO-29', 'CO-16', 'CO-31', 'CO-109', 'CO-197', 'PR-96', 'PI-16', 'CO-18', 'CO-97', 'CO-50', 'CO-151', 'CO-167', 'CO-236', 'CO-96', 'OA-18', 'OA-23', 'PR-204', 'CO-15', 'PR-1', 'PR-2'];
		expect(demo.filter((c) => !carcTable.some((e) => e.carc === parseCode(c).carc))).toEqual([]);
	});

	it('binds as two parallel lists for SQL', () => {
		const p = carcParams();
		expect(p.carc_codes).toHaveLength(carcTable.length);
		expect(p.carc_categories[p.carc_codes.indexOf('97')]).toBe('coding');
	});
});

describe('codes as exports write them', () => {
	it.each([
		['CO-97', 'CO', '97', 'CO-97'],
		['co 97', 'CO', '97', 'CO-97'],
		['PR204', 'PR', '204', 'PR-204'],
		['97', '', '97', '97'],
		['CO-B13', 'CO', 'B13', 'CO-B13'],
		['A1', '', 'A1', 'A1'],
		['XYZ', '', '', 'XYZ']
	])('%s -> group %s, CARC %s, shown as %s', (raw, group, carc, code) => {
		expect(parseCode(raw)).toEqual({ group, carc, code });
	});

	it('categorises by CARC number whatever the group; unknown codes are "other"', () => {
		expect(categoryOf('CO-18')).toBe('duplicate');
		expect(categoryOf('OA-18')).toBe('duplicate');
		expect(categoryOf('CO-197')).toBe('authorization');
		expect(categoryOf('CO-29')).toBe('timely_filing');
		expect(categoryOf('CO-X9')).toBe('other');
		expect(categoryOf('CO-45')).toBe('adjustment');
	});

	it('contractual and patient-share adjustments are not denial reasons', () => {
		expect(isReasonCode('CO-45')).toBe(false);
		expect(isReasonCode('PR-1')).toBe(false);
		expect(isReasonCode('CO-97')).toBe(true);
		expect(isReasonCode('97')).toBe(true); // no group: still a reason
		expect(isReasonCode('CR-97')).toBe(false); // not a CO/PR/OA/PI group
	});
});
