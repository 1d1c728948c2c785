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
