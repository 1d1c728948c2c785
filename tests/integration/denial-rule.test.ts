// The line rule of domain.md "Denials", which exists once: the SQL macro denial_set_outcome
// (queries/schema_remittance.sql), run here in DuckDB on hand-made code sets. Expected values
// follow domain.md: a denied line stays denied unless every reason code is in an excluded
// category; CO-45 and patient share (PR-1/2/3) are adjustments, not reasons; no reason = 'other'.
import { afterAll, describe, expect, it } from 'vitest';
import { carcParams } from '../../src/lib/server/denials/carc-categories.ts';
import { withConnection } from '../../src/lib/server/db/database.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

async function outcome(codes: string[], excluded: string[]) {
	return withConnection(async (conn) => {
		await conn.run('DELETE FROM denial_code_sets');
		await conn.run(`INSERT INTO denial_code_sets VALUES (1, 'denied', $codes::VARCHAR[])`, { codes: JSON.stringify(codes).replaceAll('"', "'") });
		const p = carcParams();
		const r = await conn.runAndReadAll(
			`SELECT counted, category, list_sort(carcs) AS carcs FROM denial_set_outcome($excluded::VARCHAR[], $carc_codes::VARCHAR[], $carc_categories::VARCHAR[])`,
			{ excluded: JSON.stringify(excluded).replaceAll('"', "'"), carc_codes: JSON.stringify(p.carc_codes).replaceAll('"', "'"), carc_categories: JSON.stringify(p.carc_categories).replaceAll('"', "'") }
		);
		const row = r.getRowObjectsJS()[0] as { counted: boolean; category: string | null; carcs: { items: string[] } | string[] | null };
		const carcs = row.carcs === null ? [] : Array.isArray(row.carcs) ? row.carcs : row.carcs.items;
		return { counted: row.counted, category: row.category, carcs };
	}, db.path);
}

describe('denial_set_outcome: a denied line under a definition', () => {
	it('category = the first reason code, skipping CO-45 and patient share', async () => {
		expect(await outcome(['CO-45', 'PR-1', 'CO-97', 'CO-18'], [])).toEqual({ counted: true, category: 'coding', carcs: ['CO-18', 'CO-97'] });
	});
	it('stays denied unless EVERY reason code is in an excluded category', async () => {
		// CO-27 eligibility + CO-97 coding: excluding eligibility leaves coding
		expect(await outcome(['CO-27', 'CO-97'], ['eligibility'])).toEqual({ counted: true, category: 'coding', carcs: ['CO-97'] });
		expect((await outcome(['CO-27', 'CO-97'], ['eligibility', 'coding'])).counted).toBe(false);
		expect((await outcome(['CO-18'], ['duplicate'])).counted).toBe(false);
	});
	it('a denied line without a reason code is "other"', async () => {
		expect(await outcome(['CO-45'], [])).toMatchObject({ counted: true, category: 'other' });
		expect((await outcome(['CO-45'], ['other'])).counted).toBe(false);
		expect(await outcome(['CO-X9'], [])).toMatchObject({ counted: true, category: 'other' });
	});
});
