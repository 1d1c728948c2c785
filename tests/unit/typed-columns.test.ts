import { describe, expect, it } from 'vitest';
import { typedColumns } from '../../src/lib/server/ingest/typed-columns.ts';

describe('typed fast path', () => {
	const headers = ['claim', 'line', 'dos', 'units', 'charge', 'paid'];
	const columns = { claim_id: 'claim', line_number: 'line', service_date: 'dos', units: 'units', charge_amount: 'charge', paid_amount: 'paid' };
	it('types only the numeric and date columns whose every sampled value is plain', () => {
		const sample = [
			['C1', '1', '2025-01-02', '1', '100.00', '$80.00'],
			['C2', '2', '01/03/2025', '', '1,200.50', '80'],
			['C3', '1', '2025-01-04', '2', '7', '']
		];
		const t = typedColumns('claims', columns, headers, sample);
		expect([...t].map(([h, c]) => [h, c.field, c.duckType])).toEqual([['line', 'line_number', 'INTEGER'], ['units', 'units', 'INTEGER']]);
	});
	it('ignores structurally broken sample rows and needs at least one value', () => {
		const t = typedColumns('claims', columns, headers, [['C1', '1', '2025-01-02'], ['C2', 'x', '2025-01-02', '1', '5', '5']]);
		expect(t.has('line')).toBe(false); // 'x' in a well-formed row
		expect(t.get('dos')?.duckType).toBe('DATE');
		expect(typedColumns('claims', columns, headers, []).size).toBe(0);
	});
});
