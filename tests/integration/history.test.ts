// Quarterly history and flag status (issue 11) on a hand-counted fixture written below: five
// quarters, 2024-Q2 to 2025-Q2, three specialties (each its own peer group), each with 10
// ordinary providers at 15 of 100 visits at 99215 every quarter and one provider who bills 60 of
// 100 in some quarters (flagged: the same 60-vs-15 contrast tests/integration/flags.test.ts flags):
//   provider 11 (Internal Medicine): 60 in 2024-Q3, 2025-Q1, 2025-Q2 -> last 4 [T, F, T, T]: persistent
//   provider 12 (Family Practice):   60 in 2025-Q2 only            -> [F, F, F, T]: new
//   provider 13 (Pediatrics):        60 in 2024-Q4 only            -> [F, T, F, F]: resolved
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { historyIndex, providerHistory } from '../../src/lib/server/rules/history.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi } from '../helpers/peer-fixture.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const RULE = 'em_established_level5';
const QUARTERS = [['2024', ['04', '05', '06']], ['2024', ['07', '08', '09']], ['2024', ['10', '11', '12']], ['2025', ['01', '02', '03']], ['2025', ['04', '05', '06']]] as const;
const npi = (specialty: number, p: number) => fixtureNpi(specialty * 100 + p);

beforeAll(async () => {
	const lines = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount'];
	let k = 0;
	const specialties = [['Internal Medicine', [F, T, F, T, T]], ['Family Practice', [F, F, F, F, T]], ['Pediatrics', [F, F, T, F, F]]] as const;
	specialties.forEach(([name, outlier], s) => {
		for (let p = 1; p <= 11; p++) {
			QUARTERS.forEach(([y, months], qi) => {
				const level5 = p === 11 && outlier[qi] ? 60 : 15;
				for (let v = 0; v < 100; v++) {
					const code = v < level5 ? '99215' : '99214';
					lines.push(`H${++k},1,P${k},${npi(s + 1, p)},"Doc ${s + 1}-${p}",${name},${y}-${months[v % 3]}-10,${code},${code === '99215' ? '184.00' : '131.00'}`);
				}
			});
		}
	});
	const path = join(db.dir, 'history.csv');
	writeFileSync(path, `${lines.join('\n')}\n`);
	expect((await importFile(path, { dbPath: db.path })).rowsLoaded).toBe(3 * 11 * 5 * 100);
});
const F = false;
const T = true;

describe('quarterly history', () => {
	it('one provider over five quarters: counts, rates and flags per quarter', async () => {
		const h = await providerHistory({ npi: npi(1, 11), ruleId: RULE, quarters: 5, dbPath: db.path });
		expect(h.map((p) => p.quarter)).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
		expect(h.map((p) => [p.numerator, p.denominator, p.flagged])).toEqual([[15, 100, F], [60, 100, T], [15, 100, F], [60, 100, T], [60, 100, T]]);
		expect(h[1]).toMatchObject({ period_from: '2024-07-01', period_to: '2024-09-30', rate: 0.6, direction: 'high' });
		// leave-one-out (11 providers): the other ten at 15 of 100 each -> 150 / 1,000
		expect(h[1]?.peer_rate).toBeCloseTo(0.15, 12);
		// 10 of 11 rates are 15%: the 10th and 90th percentiles of the group's rates are 15% and 15%
		expect([h[1]?.peer_p10, h[1]?.peer_p90]).toEqual([0.15, 0.15]);
		// quarters before the data: a point without counts
		const long = await providerHistory({ npi: npi(1, 11), ruleId: RULE, quarters: 6, dbPath: db.path });
		expect(long[0]).toMatchObject({ quarter: '2024-Q1', numerator: null, denominator: null, flagged: false });
	});
	it('statuses: persistent, new, resolved', async () => {
		const { quarters, marks } = await historyIndex({ quarters: 5, dbPath: db.path });
		expect(quarters).toEqual(['2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2']);
		expect(marks[`${npi(1, 11)}|${RULE}`]).toMatchObject({ flagged: [F, T, F, T, T], status: 'persistent', values: [0.15, 0.6, 0.15, 0.6, 0.6] });
		expect(marks[`${npi(2, 11)}|${RULE}`]).toMatchObject({ flagged: [F, F, F, F, T], status: 'new' });
		expect(marks[`${npi(3, 11)}|${RULE}`]).toMatchObject({ flagged: [F, F, T, F, F], status: 'resolved' });
		expect(marks[`${npi(1, 1)}|${RULE}`]).toMatchObject({ status: null });
	});
});
