// A derived table that cannot be rebuilt never takes Denials down (issue 10): the page keeps the
// last good figures and names what failed; an import whose rows would break the rebuild is
// refused before its commit, leaving the data as it was. The failure is provoked by giving
// denial_line_facts a column its rebuild's INSERT does not list.
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { denialRates, getDenialsPage } from '../../src/lib/server/denials/get-denials.ts';
import { tempDb } from '../helpers/temp-db.ts';

const fx = (name: string) => join(process.cwd(), 'tests', 'fixtures', name);

describe('denial facts that cannot be rebuilt', () => {
	const db = tempDb();
	afterAll(() => db.cleanup());

	it('an import that would break them is refused before commit; nothing changes', async () => {
		await importFile(fx('denials_small.csv'), { dbPath: db.path });
		const good = await denialRates({ by: 'specialty' }, db.path);
		expect(good.facts_problem).toBeNull();
		const [before] = await db.query(`SELECT count(*)::INTEGER AS n FROM claim_lines`);
		await db.query(`ALTER TABLE denial_line_facts ADD COLUMN broken INTEGER DEFAULT 0`);
		const msg = await importFile(fx('claims_small.csv'), { dbPath: db.path }).then(() => '', (e: Error) => e.message);
		expect(msg).toContain('denial facts (facts_lines)');
		expect(msg).toContain('nothing was kept');
		const [after] = await db.query(`SELECT count(*)::INTEGER AS n FROM claim_lines`);
		expect(after?.n).toBe(before?.n);
		// the figures are still those of the last good build
		const again = await denialRates({ by: 'specialty' }, db.path);
		expect(again.rows).toEqual(good.rows);
	});

	it('when the data changed outside an import, the page shows the last good figures and says what failed', async () => {
		const before = await getDenialsPage({}, db.path);
		// a line added behind the importer's back changes the data version
		await db.query(`INSERT INTO claim_lines (import_id, claim_id, line_number, rendering_npi, specialty, service_date, procedure_code, units, line_status, modifiers, diagnosis_codes, denial_codes)
			SELECT import_id, 'X-1', 1, rendering_npi, specialty, service_date, procedure_code, 1, 'denied', [], [], ['CO-97'] FROM claim_lines LIMIT 1`);
		const rates = await denialRates({ by: 'payer' }, db.path);
		expect(rates.facts_problem).toMatch(/^The denial figures could not be brought up to date \(denial facts \(facts_lines\): .*\); they show the data as of \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.$/);
		const page = await getDenialsPage({ payer: 'x' }, db.path);
		expect(page.factsProblem).toBe(rates.facts_problem);
		expect(page.total).toEqual(before.total);
	});
});
