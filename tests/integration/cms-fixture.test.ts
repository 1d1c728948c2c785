// Real public data: the CMS provider-and-service file (Mohs codes, CY2013, current layout)
// loads without a mapping, and the 2012 layout loads with a mapping file. Totals are checked
// against a direct count of the file. Skips when ../shared/fixtures is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { readMappingFile } from '../../src/cli/commands/import.ts';
import { tempDb, sharedFixtures } from '../helpers/temp-db.ts';

const mohs2013 = join(sharedFixtures, 'cms', 'mohs_2013.csv');
const puf2012 = join(sharedFixtures, 'cms', 'puf_2012_first_rows.csv');
const present = existsSync(mohs2013) && existsSync(puf2012);
if (!present) console.warn(`skipping CMS fixture tests: ${sharedFixtures} is absent`);

describe.skipIf(!present)('CMS provider-and-service files', () => {
	const db = tempDb();
	afterAll(() => db.cleanup());

	it('mohs_2013.csv: provider and service totals match a direct count', async () => {
		const r = await importFile(mohs2013, { dbPath: db.path });
		expect(r.kind).toBe('cms-provider-service');
		const direct = (await db.query(
			`SELECT count(*)::INTEGER AS rows, count(DISTINCT Rndrng_NPI)::INTEGER AS providers, sum(Tot_Srvcs)::DOUBLE AS services, sum(Tot_Benes)::BIGINT AS benes
			 FROM read_csv($p, header = true)`, { p: mohs2013 }))[0];
		expect(direct?.rows).toBe(6570);
		expect(r).toMatchObject({ rowsRead: 6570, rowsLoaded: 6570, rowsRejected: 0 });
		const loaded = (await db.query(
			`SELECT count(DISTINCT rendering_npi)::INTEGER AS providers, sum(services)::DOUBLE AS services, sum(beneficiaries)::BIGINT AS benes
			 FROM provider_services WHERE source = 'cms' AND import_id = $id`, { id: r.importId }))[0];
		expect(loaded?.providers).toBe(direct?.providers);
		expect(loaded?.services).toBeCloseTo(direct?.services as number, 6);
		expect(loaded?.benes).toBe(direct?.benes);
		const one = await db.query(`SELECT provider_name, specialty, place_of_service, avg_allowed::DOUBLE AS a FROM provider_services WHERE rendering_npi = '1003011404' AND procedure_code = '17311'`);
		expect(one).toEqual([{ provider_name: 'Mccoppin, Holly', specialty: 'Dermatology', place_of_service: 'O', a: 500 }]);
	});

	it('puf_2012_first_rows.csv (older layout) loads with a mapping file', async () => {
		const mapping = readMappingFile(join('examples', 'mappings', 'cms-puf-2012-2016.json'));
		const r = await importFile(puf2012, { dbPath: db.path, mapping });
		const direct = (await db.query(`SELECT count(*)::INTEGER AS rows, count(DISTINCT npi)::INTEGER AS providers, sum(line_srvc_cnt)::DOUBLE AS services FROM read_csv($p, header = true)`, { p: puf2012 }))[0];
		// 17,029 physical lines = header + 17,028 records (the fixture README says 17,027)
		expect(direct?.rows).toBe(17028);
		expect(r).toMatchObject({ rowsRead: 17028, rowsLoaded: 17028, rowsRejected: 0 });
		const loaded = (await db.query(`SELECT count(DISTINCT rendering_npi)::INTEGER AS providers, sum(services)::DOUBLE AS services FROM provider_services WHERE import_id = $id`, { id: r.importId }))[0];
		expect(loaded?.providers).toBe(direct?.providers);
		expect(loaded?.services).toBeCloseTo(direct?.services as number, 6);
	});
});
