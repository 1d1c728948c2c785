// The one-time migration of queries/schema_zz_monthly_rollup.sql: a database whose claims summary
// was rolled up without service months (before periods) is rolled up again by month at its next
// open, in one transaction, with every service kept (tests/fixtures/claims_small.csv).
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { closeDatabase } from '../../src/lib/server/db/database.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const totals = async () => (await db.query(`SELECT count(*)::INTEGER AS rows, sum(services)::DOUBLE AS services, count(*) FILTER (WHERE service_month IS NULL)::INTEGER AS undated FROM provider_services WHERE source = 'claims'`))[0];

describe('monthly roll-up migration', () => {
	it('rolls an old summary up again by month, keeping every service, once', async () => {
		await importFile('tests/fixtures/peer_boundaries.csv', { dbPath: db.path });
		const monthly = await totals();
		const [lines] = await db.query(`SELECT sum(units)::DOUBLE AS units FROM claim_lines`);
		expect(monthly?.services).toBe(lines?.units);
		// make it look like a database from before periods: one row per group, no month, no marker
		await db.query(`CREATE TABLE old AS SELECT source, import_id, rendering_npi, min(provider_name) AS provider_name, specialty, payer, place_of_service, procedure_code, modifiers, sum(services) AS services, sum(beneficiaries) AS beneficiaries, min(avg_charge) AS avg_charge, min(avg_allowed) AS avg_allowed, min(avg_paid) AS avg_paid FROM provider_services GROUP BY ALL`);
		await db.query(`DELETE FROM provider_services`);
		await db.query(`INSERT INTO provider_services BY NAME SELECT * FROM old`);
		await db.query(`DROP TABLE old`);
		await db.query(`DELETE FROM schema_migrations WHERE name = 'provider_services_by_month'`);
		expect((await totals())?.undated).toBeGreaterThan(0);
		closeDatabase(db.path);
		await new Promise((r) => setTimeout(r, 100));
		// the next open runs the migration
		const after = await totals();
		expect(after).toMatchObject({ rows: monthly?.rows, services: monthly?.services, undated: 0 });
		expect((await db.query(`SELECT count(*)::INTEGER AS n FROM schema_migrations WHERE name = 'provider_services_by_month'`))[0]?.n).toBe(1);
	});
});
