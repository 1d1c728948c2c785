// Monitoring alerts (issue 11) on a hand-counted fixture: Internal Medicine, 6 providers, 20
// established visits a month. Providers 1-5 bill 4 of 20 at 99215 (20%) every month; provider 6
// bills 4, 10 and 12 of 20 in January, February and March 2025. Provider 6's in-control rate each
// month is the other five's pooled rate, 20 / 100 = 20% (leave-one-out), so its upper CUSUM
// (odds ratio 2, h = 5; weights w1 = 0.5108256, w0 = -0.1823216 at p0 = 0.2, tests/unit/cusum.test.ts):
//   Jan: 4 x 0.5108256 + 16 x -0.1823216 = -0.873843 -> S = 0
//   Feb: 10 x 0.5108256 + 10 x -0.1823216 = 3.285040 -> S = 3.285040
//   Mar: 12 x 0.5108256 + 8 x -0.1823216 = 4.671334 -> S = 7.956374 >= 5: an alert in 2025-03
// A second import brings April (everyone at 4 of 20): no new signal, so the latest import raises
// no alert while the March one stays in the full list.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { monitoring } from '../../src/lib/server/rules/monitor.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi } from '../helpers/peer-fixture.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const npi = (p: number) => fixtureNpi(900 + p);
let k = 0;
function write(name: string, months: string[], level5: (p: number, month: string) => number): string {
	const lines = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount'];
	for (const m of months) for (let p = 1; p <= 6; p++) for (let v = 0; v < 20; v++) lines.push(`M${++k},1,P${k},${npi(p)},"Doc ${p}",Internal Medicine,${m}-10,${v < level5(p, m) ? '99215' : '99214'},131.00`);
	const path = join(db.dir, name);
	writeFileSync(path, `${lines.join('\n')}\n`);
	return path;
}

describe('monitoring alerts', () => {
	it('raises one alert, in the month the upper CUSUM crosses h', async () => {
		const six: Record<string, number> = { '2025-01': 4, '2025-02': 10, '2025-03': 12 };
		await importFile(write('q1.csv', ['2025-01', '2025-02', '2025-03'], (p, m) => (p === 6 ? (six[m] as number) : 4)), { dbPath: db.path });
		const m = await monitoring({ dbPath: db.path });
		expect(m.latest_months).toEqual(['2025-01', '2025-02', '2025-03']);
		const mine = m.alerts.filter((a) => a.rule_id === 'em_established_level5');
		expect(mine.map((a) => [a.provider_npi, a.month, a.direction, a.numerator, a.denominator, a.latest_import])).toEqual([[npi(6), '2025-03', 'high', 12, 20, true]]);
		expect(mine[0]?.statistic).toBeCloseTo(7.956, 3);
		expect(mine[0]?.peer_rate).toBeCloseTo(0.2, 12);
	});
	it('the latest import raises only what signals in its months', async () => {
		await importFile(write('apr.csv', ['2025-04'], () => 4), { dbPath: db.path });
		const latest = await monitoring({ latestOnly: true, dbPath: db.path });
		expect(latest.latest_months).toEqual(['2025-04']);
		expect(latest.alerts.filter((a) => a.rule_id === 'em_established_level5')).toEqual([]);
		expect((await monitoring({ dbPath: db.path })).alerts.filter((a) => a.rule_id === 'em_established_level5').map((a) => a.month)).toEqual(['2025-03']);
	});
});
