// The provider of each line behind a Denials cell (queries/denials/lines.sql), in the JSON and
// the CSV endpoints, on tests/fixtures/denials_small.csv counted by hand:
//   Dermatology lines are billed by NPI 3000000018 "Derm, Doc", Psychiatry by 3000000026 "Psych, Doc".
//   Denied lines by date, claim, line: C1/2 03-03, C2/1 03-10, C3/1 and C3/2 04-02 (Derm);
//   C5/1 04-07 (Psych); C8/1 04-15, C9/1 04-20 (Derm). Psychiatry's adjudicated lines: C4/1,
//   C4/2 (partial), C5/1, C7/1 (C6/1 and C7/2 are pending).
// Then tests/fixtures/denials_match.835 adds R1, an 835-only line (CO-197) that carries only the
// payee NPI 3000000018: its name comes from the claim data ("Derm, Doc"), and from the provider
// roster once one names that NPI; a claim line keeps the name on its own row.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
process.env.CLAIMLENS_DB = db.path;
const { importFile } = await import('../../src/lib/server/ingest/import-file.ts');
const { GET: linesJson } = await import('../../src/routes/api/denials/lines/+server.ts');
const { GET: linesCsv } = await import('../../src/routes/api/denials/lines.csv/+server.ts');

beforeAll(async () => {
	expect((await importFile(join('tests', 'fixtures', 'denials_small.csv'), { dbPath: db.path })).rowsLoaded).toBe(13);
});
afterAll(() => {
	delete process.env.CLAIMLENS_DB;
	db.cleanup();
});

type Line = { source: string; claim_id: string; line_number: number | null; rendering_npi: string | null; provider_name: string | null };
// the endpoints called as SvelteKit calls them (hooks.server.ts has already checked the role)
const get = (csv: boolean, query: string): Promise<Response> => {
	const url = new URL(`http://localhost/api/denials/lines${csv ? '.csv' : ''}?${query}`);
	const event = { url, request: new Request(url), locals: {}, params: {} } as never;
	return Promise.resolve(csv ? linesCsv(event) : linesJson(event));
};
async function lines(query: string): Promise<[string, string, number | null, string | null, string | null][]> {
	const body = (await (await get(false, query)).json()) as { rows: Line[] };
	return body.rows.map((r) => [r.source, r.claim_id, r.line_number, r.rendering_npi, r.provider_name]);
}
const DERM = ['3000000018', 'Derm, Doc'] as const;
const PSYCH = ['3000000026', 'Psych, Doc'] as const;

describe('provider of the lines behind a cell', () => {
	it('every denied line, with its NPI and name', async () => {
		expect(await lines('')).toEqual([
			['claims', 'C1', 2, ...DERM], ['claims', 'C2', 1, ...DERM], ['claims', 'C3', 1, ...DERM], ['claims', 'C3', 2, ...DERM],
			['claims', 'C5', 1, ...PSYCH], ['claims', 'C8', 1, ...DERM], ['claims', 'C9', 1, ...DERM]
		]);
	});

	it('a specialty\'s adjudicated lines (status all)', async () => {
		expect(await lines('specialty=Psychiatry&status=all')).toEqual([
			['claims', 'C4', 1, ...PSYCH], ['claims', 'C4', 2, ...PSYCH], ['claims', 'C5', 1, ...PSYCH], ['claims', 'C7', 1, ...PSYCH]
		]);
	});

	it('the CSV carries the same two columns', async () => {
		const csv = await (await get(true, 'carc=CO-97')).text();
		const [header, ...rows] = csv.trimEnd().split('\r\n');
		const cols = (header as string).split(',');
		expect(cols.slice(cols.indexOf('rendering_npi'), cols.indexOf('rendering_npi') + 2)).toEqual(['rendering_npi', 'provider_name']);
		// CO-97: C1/2, C3/1, C8/1, all Dermatology
		expect(rows).toHaveLength(3);
		for (const r of rows) expect(r).toContain(',3000000018,"Derm, Doc",');
	});

	it('an 835-only line gets the name the claim data gives its NPI, then the roster\'s', async () => {
		await importFile(join('tests', 'fixtures', 'denials_match.835'), { dbPath: db.path });
		expect(await lines('carc=CO-197')).toEqual([['835', 'R1', 1, ...DERM]]);
		// C4/1, now denied by the 835 (CO-50), keeps its claim's name
		expect(await lines('carc=CO-50')).toEqual([['claims+835', 'C4', 1, ...PSYCH]]);
		const roster = join(db.dir, 'roster.csv');
		writeFileSync(roster, 'NPI,Provider Name,Specialty\n3000000018,"Skin Clinic, Dr",Dermatology\n');
		expect(await importFile(roster, { dbPath: db.path })).toMatchObject({ kind: 'provider-roster', rowsLoaded: 1 });
		expect(await lines('carc=CO-197')).toEqual([['835', 'R1', 1, '3000000018', 'Skin Clinic, Dr']]);
		expect(await lines('carc=CO-97')).toEqual([['claims', 'C1', 2, ...DERM], ['claims', 'C3', 1, ...DERM], ['claims', 'C8', 1, ...DERM]]);
	});
});
