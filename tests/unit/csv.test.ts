import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, guardFormula, toCsv } from '../../src/lib/server/export/csv.ts';
import { parseRecords } from '../../src/lib/server/csv/records.ts';

const splitCsvLine = (line: string, d: string) => parseRecords(line, d)[0]?.fields ?? [''];

describe('CSV export', () => {
	it('neutralises formulas but keeps numbers numeric', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvCell('-5 units')).toBe("'-5 units");
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(['25', '59'])).toBe('25;59');
		expect(csvCell(null)).toBe('');
	});
	// OWASP CSV injection: each character that can start a formula, one at a time, and a
	// harmless neighbour that must stay as it is
	it.each([
		['=1+1', "'=1+1"],
		['+1+1', "'+1+1"],
		['-1+1', "'-1+1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\t=1+1', "'\t=1+1"],
		['\r=1+1', `"'\r=1+1"`],
		['\n=1+1', `"'\n=1+1"`],
		['a=1+1', 'a=1+1'],
		[' =1', ' =1']
	])('guards %j as %j', (input, expected) => {
		expect(csvCell(input)).toBe(expected);
	});
	it('round-trips any text through quoting (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 6 }), (cells) => {
				const cols = cells.map((_, i) => `c${i}`);
				const row = Object.fromEntries(cells.map((v, i) => [`c${i}`, v]));
				const line = toCsv(cols, [row]).split('\r\n')[1] as string;
				expect(splitCsvLine(line, ',')).toEqual(cells.map(guardFormula));
			})
		);
	});
});
