// Coder accuracy on tests/fixtures/audits_accuracy.csv, counted by hand. 14 audit rows, 6 claims:
//   row  claim coder aud spec  month  billed -> audited                      result          dx ∩/∪  billed-audited
//   AU01 CL1   C1    A1  IM    01     99214 25;GC -> 99214 GC;25 (order)     correct         2/2      0
//   AU02 CL1   C1    A1  IM    01     36415 units blank -> 1 (blank = 1)     correct         1/1      0
//   AU03 CL2   C1    A1  IM    01     99215 -> 99214 (same family, lower)    upcoded         1/2    +50
//   AU04 CL2   C1    A1  IM    01     36415 -> 36415                         correct         1/1      0
//   AU05 CL2   C1    A1  IM    01     96372 -> 96372                         correct         1/1      0
//   AU06 CL3   C1    A2  IM    02     99203 -> 99204 (same family, higher)   downcoded       1/1    -50
//   AU07 CL3   C1    A2  IM    02     99213 25 -> 99203 (other family,       wrong_code      0/0      0
//                                     equal fees; the modifier change does not count: code first)
//   AU08 CL4   C1    A2  IM    02     (none) -> 36415                        added_by_auditor 0/1   -10
//   AU09 CL4   C1    A2  IM    02     99212 -> (struck)                      not_supported   1/1    +60
//   AU10 CL5   C2    A1  Derm  02     17000 -> 17000 59 (modifier added)     modifier_error  1/1      0
//   AU11 CL5   C2    A1  Derm  02     17003 x3 -> x2                         units_error     1/1    +15
//   AU12 CL5   C2    A1  Derm  02     11102 59 x2 -> 11102 x1 (modifier      modifier_error  1/2   (audited amount
//                                     before units)                                                  unknown)
//   AU13 CL6   C2    A2  IM    02     99213 25 x1 -> 99213 25 units blank    correct         1/1      0
//   AU14 CL6   C2    A2  IM    02     11102 XS;59 -> 59;XS (order)           correct         1/1      0
// Months are months of the date of service: CL2 was audited in February but served in January.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { accuracyBy, getAccuracyOverview, getAuditLines, getCoderAccuracy } from '../../src/lib/server/accuracy/get-accuracy.ts';
import { accuracyCsv } from '../../src/lib/server/accuracy/csv-tables.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());
beforeAll(async () => {
	const r = await importFile(join('tests', 'fixtures', 'audits_accuracy.csv'), { kind: 'audits', dbPath: db.path });
	expect(r.rowsLoaded).toBe(14);
});

const pick = <T extends { group: string }>(rows: T[], group: string) => {
	const r = rows.find((x) => x.group === group);
	if (!r) throw new Error(`no group ${group}`);
	return r;
};

describe('coder accuracy on a hand-counted fixture', () => {
	it('classifies a change between code families by fee when both amounts are known', async () => {
		const fees = tempDb();
		try {
			const { writeFileSync } = await import('node:fs');
			const path = join(fees.dir, 'fees.csv');
			writeFileSync(path, [
				'audit_id,claim_id,line_number,coder_id,original_code,audited_code,billed_amount,audited_amount',
				'F1,FC1,1,C9,99213,36415,100.00,3.00', // other family, billed above audited: upcoded
				'F2,FC1,2,C9,36415,99213,3.00,100.00', // billed below audited: downcoded
				'F3,FC2,1,C9,99213,36415,100.00,' // fee unknown: wrong_code
			].join('\n') + '\n');
			await importFile(path, { kind: 'audits', dbPath: fees.path });
			const [c9] = await accuracyBy('coder', {}, fees.path);
			expect(c9?.errors).toMatchObject({ upcoded: 1, downcoded: 1, wrong_code: 1 });
		} finally {
			fees.cleanup();
		}
	});

	it('overall: lines, claims, diagnoses, every error class, money', async () => {
		const { overall } = await getAccuracyOverview({}, db.path);
		expect(overall).toMatchObject({
			audited_lines: 14, correct_lines: 6, error_lines: 8,
			audited_claims: 6, correct_claims: 2, // CL1 and CL6; CL2 has one wrong line of three
			dx_matched: 13, dx_compared: 16, dx_accuracy: 13 / 16,
			errors: { upcoded: 1, downcoded: 1, wrong_code: 1, added_by_auditor: 1, not_supported: 1, modifier_error: 2, units_error: 1 },
			top_error: 'modifier_error',
			financial_impact: 65, overbilled: 125, underbilled: 60, priced_lines: 13,
			below_target: true
		});
		expect(overall.line_accuracy).toBeCloseTo(6 / 14, 12);
		// the claim is the cluster (Korn & Graubard): claims (lines, correct) = CL1 (2, 2), CL2 (3, 2),
		// CL3 (2, 0), CL4 (2, 0), CL5 (3, 0), CL6 (2, 2); p = 6/14, sum (y - p m)^2 = 6.367347,
		// v_c = 6/5 x 6.367347 / 196 = 0.038984, p(1-p)/14 = 0.017493 -> deff 2.185714, n_eff 6.405229;
		// Wilson on 2.745098 of 6.405229 (Python, tests/unit/cluster.test.ts):
		expect(overall.line_design_effect).toBeCloseTo(2.185714285714286, 10);
		expect(overall.line_accuracy_low).toBeCloseTo(0.15116444982057525, 10);
		expect(overall.line_accuracy_high).toBeCloseTo(0.7595352106603386, 10);
		// (as independent lines, Wilson on 6 of 14 gave 0.21381 .. 0.67409: too narrow)
	});

	it('by coder', async () => {
		const coders = await accuracyBy('coder', {}, db.path);
		expect(coders.map((c) => c.group)).toEqual(['C1', 'C2']);
		const c1 = pick(coders, 'C1');
		expect(c1).toMatchObject({
			audited_lines: 9, correct_lines: 4, audited_claims: 4, correct_claims: 1, claim_accuracy: 0.25,
			dx_matched: 8, dx_compared: 10, dx_accuracy: 0.8, financial_impact: 50,
			errors: { upcoded: 1, downcoded: 1, wrong_code: 1, added_by_auditor: 1, not_supported: 1, modifier_error: 0, units_error: 0 },
			specialties: ['Internal Medicine'], below_target: true
		});
		// claims (2, 2), (3, 2), (2, 0), (2, 0): deff 1.955556, n_eff 4.602273 (Python, as above)
		expect(c1.line_design_effect).toBeCloseTo(1.9555555555555555, 10);
		expect(c1.line_accuracy_low).toBeCloseTo(0.13360676211514738, 10);
		expect(c1.line_accuracy_high).toBeCloseTo(0.8058319050832707, 10);
		const c2 = pick(coders, 'C2');
		expect(c2).toMatchObject({
			audited_lines: 5, correct_lines: 2, line_accuracy: 0.4, audited_claims: 2, correct_claims: 1,
			dx_matched: 5, dx_compared: 6, financial_impact: 15, // AU12 has no audited amount: left out
			errors: { modifier_error: 2, units_error: 1, upcoded: 0 }, top_error: 'modifier_error',
			specialties: ['Dermatology', 'Internal Medicine']
		});
	});

	it('by specialty, auditor and month (of the date of service)', async () => {
		const spec = await accuracyBy('specialty', {}, db.path);
		expect(spec.map((g) => [g.group, g.correct_lines, g.audited_lines, g.correct_claims, g.audited_claims])).toEqual([
			['Dermatology', 0, 3, 0, 1],
			['Internal Medicine', 6, 11, 2, 5]
		]);
		const derm = pick(spec, 'Dermatology'); // 0/3: the Wilson lower bound is exactly 0
		expect(derm.line_accuracy_low).toBe(0);
		expect(derm.line_accuracy_high).toBeCloseTo(0.5615, 4);
		const aud = await accuracyBy('auditor', {}, db.path);
		expect(aud.map((g) => [g.group, g.correct_lines, g.audited_lines, g.correct_claims, g.audited_claims])).toEqual([
			['A1', 4, 8, 1, 3],
			['A2', 2, 6, 1, 3]
		]);
		const months = await accuracyBy('month', {}, db.path);
		expect(months.map((g) => [g.group, g.correct_lines, g.audited_lines, g.correct_claims, g.audited_claims])).toEqual([
			['2025-01', 4, 5, 1, 2],
			['2025-02', 2, 9, 1, 4]
		]);
	});

	it('filters: n/n gives an upper bound of exactly 1 and is not below target', async () => {
		const [g] = await accuracyBy('coder', { coder: 'C2', auditor: 'A2' }, db.path);
		expect(g).toMatchObject({ group: 'C2', audited_lines: 2, correct_lines: 2, line_accuracy: 1, line_accuracy_high: 1, below_target: false });
		expect(g?.line_accuracy_low).toBeCloseTo(0.34238, 4); // 2 / (2 + z^2)
		const jan = await accuracyBy('specialty', { from: '2025-01-01', to: '2025-01-31' }, db.path);
		expect(jan.map((s) => [s.group, s.audited_lines])).toEqual([['Internal Medicine', 5]]);
		expect(await accuracyBy('coder', { specialty: 'Nobody' }, db.path)).toEqual([]);
	});

	it('trend cells, code pairs and filter options', async () => {
		const a = await getAccuracyOverview({}, db.path);
		expect(a.trend.map((c) => [c.specialty, c.month, c.correct_lines, c.audited_lines])).toEqual([
			['Dermatology', '2025-02', 0, 3],
			['Internal Medicine', '2025-01', 4, 5],
			['Internal Medicine', '2025-02', 2, 6]
		]);
		expect(a.pairs.map((p) => [p.original_code, p.audited_code, p.error_class, p.lines, p.original_lines, p.financial_impact])).toEqual([
			['99215', '99214', 'upcoded', 1, 1, 50],
			['99213', '99203', 'wrong_code', 1, 2, 0], // 99213 was billed twice (AU07, AU13)
			['99203', '99204', 'downcoded', 1, 1, -50]
		]);
		expect(a.totalPairs).toBe(3);
		expect(a.options).toMatchObject({ audited_lines: 14, coders: ['C1', 'C2'], auditors: ['A1', 'A2'], first_date: '2025-01-10', last_date: '2025-02-20' });
		expect(a.families.find((f) => f.family === 'E/M office, established patient')?.codes).toEqual(['99211', '99212', '99213', '99214', '99215']);
	});

	it('coder drill-down: wrong lines first, with the class of each', async () => {
		const d = await getCoderAccuracy('C1', {}, { errorsOnly: true, limit: 50 }, db.path);
		expect(d.totalLines).toBe(5);
		expect(d.lines.map((l) => [l.audit_id, l.result])).toEqual([
			['AU03', 'upcoded'], ['AU06', 'downcoded'], ['AU07', 'wrong_code'], ['AU09', 'not_supported'], ['AU08', 'added_by_auditor']
		]);
		expect(d.months.map((m) => [m.group, m.correct_lines, m.audited_lines])).toEqual([['2025-01', 4, 5], ['2025-02', 0, 4]]);
		const all = await getAuditLines({ coder: 'C2' }, { errorsOnly: false, limit: 100 }, db.path);
		expect(all.lines.map((l) => l.result)).toEqual(['modifier_error', 'units_error', 'modifier_error', 'correct', 'correct']);
		expect(all.lines[0]).toMatchObject({ original_modifiers: [], audited_modifiers: ['59'], billed_amount: 80, difference: 0 });
	});

	it('CSV tables flatten the error counts into columns', async () => {
		const { columns, rows } = await accuracyCsv('coders', {}, db.path);
		expect(columns).toEqual(expect.arrayContaining(['group', 'line_accuracy_low', 'upcoded', 'units_error', 'below_target']));
		expect(rows[0]).toMatchObject({ group: 'C1', upcoded: 1, not_supported: 1, below_target: true });
		const cells = await accuracyCsv('specialty-months', {}, db.path);
		expect(cells.columns.slice(0, 3)).toEqual(['specialty', 'month', 'audited_lines']);
		expect((await accuracyCsv('lines', {}, db.path)).rows).toHaveLength(14);
	});
});
