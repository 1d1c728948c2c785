// mue_exceeded and ncci_ptp_pair run once the user imports CMS MUE / NCCI PTP tables (never
// shipped). Tiny hand-made tables in the CMS column layout; hand-counted findings.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const fx = (name: string) => join('tests', 'fixtures', name);

describe('CMS edit tables', () => {
	beforeAll(async () => {
		await importFile(fx('edits_claims.csv'), { dbPath: db.path });
	});

	it('are not evaluated until imported', async () => {
		const { rules } = await listFlags({}, db.path);
		expect(rules.filter((r) => !r.evaluated).map((r) => r.rule_id).sort()).toEqual(['excluded_provider', 'mue_exceeded', 'ncci_ptp_pair']);
	});

	it('import with their CMS headers, detected without --kind', async () => {
		expect(await importFile(fx('mue_small.csv'), { dbPath: db.path })).toMatchObject({ kind: 'cms-mue', rowsLoaded: 2 });
		expect(await importFile(fx('ptp_small.csv'), { dbPath: db.path })).toMatchObject({ kind: 'cms-ncci-ptp', rowsLoaded: 2 });
	});

	it('find exactly the hand-counted lines', async () => {
		const { filtered } = await listFlags({}, db.path);
		const got = filtered.filter((r) => r.rule_id === 'mue_exceeded' || r.rule_id === 'ncci_ptp_pair').map((r) => [r.rule_id, r.provider_npi, r.claim_ids, r.dollars_at_risk]);
		expect(got.sort()).toEqual([
			// E1: 3 units of 36415 on one day, MUE 2 -> $9 x (3 - 2) / 3 = $3; E2 (1 unit) is fine
			['mue_exceeded', '1000000012', ['E1'], 3],
			// E3: 36415 (column 2) with 99291 the same day, modifier indicator 0 -> $3
			// E4: 11102 with 17311 carries 59 and the indicator is 1 -> allowed; E5 has no modifier -> $100
			['ncci_ptp_pair', '1000000012', ['E3'], 3],
			['ncci_ptp_pair', '1000000046', ['E5'], 100]
		]);
	});
});
