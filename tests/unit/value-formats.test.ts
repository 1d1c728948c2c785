import { describe, expect, it } from 'vitest';
import { detectDecimal } from '../../src/lib/server/ingest/value-formats.ts';

const headers = ['claim_id', 'charge_amount', 'paid_amount'];
const cols = { claim_id: 'claim_id', charge_amount: 'charge_amount', paid_amount: 'paid_amount' };
const judge = (rows: string[][]) => detectDecimal('claims', cols, headers, rows, 2);

describe('decimal separator of a file (value-formats.ts)', () => {
	it('a comma followed by two digits is a decimal comma; thousands groups have three', () => {
		expect(judge([['C1', '95,00', '57,00']])).toEqual({ decimal: ',', conflict: null });
		expect(judge([['C1', '2.450,00', '944,40']])).toEqual({ decimal: ',', conflict: null });
		expect(judge([['C1', '(19,00)', '']])).toEqual({ decimal: ',', conflict: null });
		// one decimal digit counts too (12,5)
		expect(judge([['C1', '12,5', '']])).toEqual({ decimal: ',', conflict: null });
	});
	it('points, thousands commas and whole numbers read with the decimal point', () => {
		expect(judge([['C1', '2,450.00', '944.40']])).toEqual({ decimal: '.', conflict: null });
		expect(judge([['C1', '1,000', '7']])).toEqual({ decimal: '.', conflict: null });
		expect(judge([['C1', '$95.00', '($57.00)']])).toEqual({ decimal: '.', conflict: null });
		expect(judge([])).toEqual({ decimal: '.', conflict: null });
	});
	it('both conventions in one file: a conflict naming each value, column and line', () => {
		const v = judge([['C1', '95,00', ''], ['C2', '', '140.00']]);
		expect(v.conflict).toContain('"95,00" (charge_amount, line 2)');
		expect(v.conflict).toContain('"140.00" (paid_amount, line 3)');
	});
	it('only amount columns are judged (a claim id "1,50" is text)', () => {
		expect(judge([['1,50', '95.00', '']])).toEqual({ decimal: '.', conflict: null });
	});
});
