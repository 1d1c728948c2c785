import { describe, expect, it } from 'vitest';
import { buildStagingSql, quoteIdent } from '../../src/lib/server/ingest/build-staging-sql.ts';

describe('buildStagingSql', () => {
	it('quotes hostile header names as identifiers, never as code', () => {
		expect(quoteIdent('a"; DROP TABLE claim_lines; --')).toBe('"a""; DROP TABLE claim_lines; --"');
		const { innerList: selectList } = buildStagingSql('claims', { claim_id: 'x"); DROP TABLE t; --', line_number: 'l', rendering_npi: 'n', specialty: 's', service_date: 'd', procedure_code: 'p' });
		expect(selectList).toContain('"x""); DROP TABLE t; --"');
	});
	it('defaults units to 1 and empty lists when columns are absent', () => {
		const { outerList: selectList, targetColumns } = buildStagingSql('claims', { claim_id: 'c', line_number: 'l', rendering_npi: 'n', specialty: 's', service_date: 'd', procedure_code: 'p' });
		expect(selectList).toMatch(/1 AS "units"/);
		expect(selectList).toMatch(/\[\]::VARCHAR\[\] AS "modifiers"/);
		expect(targetColumns).not.toContain('modifier_1');
		expect(targetColumns).toContain('modifiers');
	});
	it('merges modifier_1..4 columns into the modifiers list', () => {
		const { innerList, outerList } = buildStagingSql('claims', { claim_id: 'c', line_number: 'l', rendering_npi: 'n', specialty: 's', service_date: 'd', procedure_code: 'p', modifier_1: 'M1', modifier_2: 'M2' });
		expect(innerList).toMatch(/"M1".*"M2"/s);
		expect(outerList).toMatch(/list_concat\(/);
	});
});

// The value rules run in DuckDB itself: each raw cell -> typed value or problem, both conventions.
import { DuckDBInstance } from '@duckdb/node-api';
import { defaultFormats } from '../../src/lib/server/ingest/build-staging-sql.ts';

async function stage(cells: Record<string, string>[], formats = defaultFormats) {
	const cols = { claim_id: 'c', line_number: 'l', rendering_npi: 'n', specialty: 's', service_date: 'd', procedure_code: 'p', charge_amount: 'amt', units: 'u' };
	const { innerList, outerList } = buildStagingSql('claims', cols, new Set(), formats);
	const db = await DuckDBInstance.create(':memory:');
	const conn = await db.connect();
	const values = cells.map((c) => `(${['c', 'l', 'n', 's', 'd', 'p', 'amt', 'u'].map((k) => (c[k] === undefined ? "'1'" : `'${c[k]}'`)).join(', ')})`).join(', ');
	const rows = (await conn.runAndReadAll(`SELECT charge_amount::DOUBLE AS amt, units, service_date::VARCHAR AS d, problems FROM (SELECT ${outerList} FROM (SELECT ${innerList} FROM (VALUES ${values}) t(c, l, n, s, d, p, amt, u)))`)).getRowObjectsJS();
	conn.closeSync();
	return rows.map((r) => ({ amt: r.amt, units: r.units, d: r.d, problems: (r.problems as { items: string[] }).items ?? r.problems }));
}

describe('value formats in SQL', () => {
	it('amounts with the decimal point: $, thousands groups, accounting parentheses, signs', async () => {
		const got = await stage(['95.00', '$95.00', '"2,450.00"'.replaceAll('"', ''), '($19.00)', '-$57.00', '$-57.00', '1,234,567.89', '.5'].map((amt) => ({ amt, d: '2024-01-05' })));
		expect(got.map((g) => g.amt)).toEqual([95, 95, 2450, -19, -57, -57, 1234567.89, 0.5]);
	});
	it('a decimal comma under the decimal-point convention is refused, never 9,500.00', async () => {
		const got = await stage([{ amt: '95,00', d: '2024-01-05' }, { amt: '12,3456', d: '2024-01-05' }, { amt: '(1,2)', d: '2024-01-05' }]);
		expect(got.map((g) => g.amt)).toEqual([null, null, null]);
		expect(String(got[0]?.problems)).toContain('a decimal comma?');
	});
	it('amounts with the decimal comma: 2.450,00 and 2 450,00 are 2,450.00; 2.450 is 2,450', async () => {
		const got = await stage(['95,00', '2.450,00', '2 450,00', '2.450', '(19,00)', '-57,5'].map((amt) => ({ amt, d: '2024-01-05' })), { ...defaultFormats, decimal: ',' });
		expect(got.map((g) => g.amt)).toEqual([95, 2450, 2450, 2450, -19, -57.5]);
	});
	it('dates: ISO, US, Excel date-times, DD-Mon-YYYY; whole units written 1.00, never 1.5 rounded', async () => {
		const got = await stage([
			{ d: '2024-01-05', u: '1.00' }, { d: '1/5/2024', u: '2' }, { d: '1/5/2024 0:00', u: '1.5' }, { d: '30-May-2015', u: '3.0' }, { d: '20240105', u: '' }, { d: '31/01/2024', u: '1' }
		]);
		expect(got.map((g) => g.d)).toEqual(['2024-01-05', '2024-01-05', '2024-01-05', '2015-05-30', '2024-01-05', null]);
		// 1.5 falls back to the default 1 but the row carries a problem, so it is rejected, not loaded
		expect(got.map((g) => g.units)).toEqual([1, 2, 1, 3, 1, 1]);
		expect(String(got[2]?.problems)).toContain('units|unparsable number|1.5');
		expect(String(got[5]?.problems)).toContain('service_date|bad date|31/01/2024');
	});
	it('a mapping may declare day-first dates', async () => {
		const got = await stage([{ d: '31/01/2024' }], { ...defaultFormats, dateFormats: ['%d/%m/%Y', ...defaultFormats.dateFormats] });
		expect(got.map((g) => g.d)).toEqual(['2024-01-31']);
	});
});
