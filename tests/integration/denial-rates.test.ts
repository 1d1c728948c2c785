// Denial rates on tests/fixtures/denials_small.csv, counted by hand.
// Adjudicated lines (status paid, denied or partial): 11 of 13 (C6 line 1 and C7 line 2 are
// pending), charges $1,080. Adjudicated claims: C1 C2 C3 C4 C5 C7 C8 C9 = 8 (C6 is all pending).
// Denied lines and their reason codes (CO-45 is contractual, not a reason):
//   C1/2 CO-97 coding $50 | C2/1 CO-18 duplicate $150 | C3/1 CO-27;CO-97 eligibility+coding $100
//   C3/2 CO-45 (no reason: other) $10 | C5/1 CO-16 missing info $150
//   C8/1 OA-18;CO-97 duplicate+coding $120 | C9/1 CO-X9 (unknown: other) $80
// No exclusion: 7 of 11 lines, $660 of $1,080, claims C1 C2 C3 C5 C8 C9 = 6 of 8.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { denialLines, denialRates, getDenialsPage } from '../../src/lib/server/denials/get-denials.ts';
import { DenialLinesQuery, denialCategories, type DenialCategory } from '../../src/lib/schemas/denials.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());
beforeAll(async () => {
	expect((await importFile(join('tests', 'fixtures', 'denials_small.csv'), { dbPath: db.path })).rowsLoaded).toBe(13);
});

const total = async (exclude: DenialCategory[] = []) => (await denialRates({ by: 'specialty', exclude }, db.path)).rows;
const overall = async (exclude: DenialCategory[]) => {
	const rows = await total(exclude);
	const sum = (k: 'claims' | 'denied_claims' | 'lines' | 'denied_lines' | 'charges' | 'denied_charges') => rows.reduce((s, r) => s + r[k], 0);
	return { claims: sum('claims'), denied_claims: sum('denied_claims'), lines: sum('lines'), denied_lines: sum('denied_lines'), charges: sum('charges'), denied_charges: sum('denied_charges') };
};

describe('claim, line and dollar denial rates', () => {
	it('by specialty, no exclusion', async () => {
		const rows = await total();
		expect(rows.map((r) => [r.group, r.claims, r.denied_claims, r.lines, r.denied_lines, r.charges, r.denied_charges])).toEqual([
			// Dermatology: C1 C2 C3 C8 C9, all denied; 7 lines, all but C1/1 denied; $610, $510 denied
			['Dermatology', 5, 5, 7, 6, 610, 510],
			// Psychiatry: C4 C5 C7, C5 denied; lines C4/1 C4/2 (partial) C5/1 C7/1; $470, $150 denied
			['Psychiatry', 3, 1, 4, 1, 470, 150]
		]);
		const derm = rows[0];
		expect(derm?.claim_denial_rate).toBe(1);
		expect(derm?.line_denial_rate).toBeCloseTo(6 / 7, 12);
		expect(derm?.dollar_denial_rate).toBeCloseTo(510 / 610, 12);
		expect(derm?.excluded_categories).toEqual([]);
	});

	it('the whole population: 6/8 claims, 7/11 lines, $660/$1,080', async () => {
		const all = (await getDenialsPage({}, db.path)).total;
		expect(all).toMatchObject({ group: 'All', claims: 8, denied_claims: 6, lines: 11, denied_lines: 7, charges: 1080, denied_charges: 660 });
		expect(all?.claim_denial_rate).toBe(0.75);
		expect(all?.line_denial_rate).toBeCloseTo(7 / 11, 12);
		expect(all?.dollar_denial_rate).toBeCloseTo(660 / 1080, 12);
	});

	it.each([
		// duplicate: C2/1 drops; C8/1 keeps CO-97. Claims C1 C3 C5 C8 C9.
		[['duplicate'], 5, 6, 510],
		// + eligibility: C3/1 keeps CO-97 (every code must be excluded), so nothing more drops
		[['duplicate', 'eligibility'], 5, 6, 510],
		// coding: C1/2 drops; C3/1 (eligibility) and C8/1 (duplicate) stay. Claims C2 C3 C5 C8 C9.
		[['coding'], 5, 6, 610],
		// other: C3/2 (no reason code) and C9/1 (unknown CO-X9) drop. Claims C1 C2 C3 C5 C8.
		[['other'], 5, 5, 570],
		// duplicate + coding: C1/2, C2/1, C8/1 drop; C3/1 C3/2 C5/1 C9/1 stay. Claims C3 C5 C9.
		[['coding', 'duplicate'], 3, 4, 340]
	] as [DenialCategory[], number, number, number][])('excluding %j: %i claims, %i lines, $%i denied', async (exclude, claims, lines, dollars) => {
		const o = await overall(exclude);
		expect(o).toEqual({ claims: 8, denied_claims: claims, lines: 11, denied_lines: lines, charges: 1080, denied_charges: dollars });
		// the definition in force travels with every row, in catalog order
		for (const r of await total(exclude)) expect(r.excluded_categories).toEqual(denialCategories.filter((c) => exclude.includes(c)));
	});

	it('by payer and by month', async () => {
		const payer = (await denialRates({ by: 'payer' }, db.path)).rows.map((r) => [r.group, r.claims, r.denied_claims, r.lines, r.denied_lines, r.charges, r.denied_charges]);
		expect(payer).toEqual([
			['Medicare', 4, 3, 6, 4, 560, 340], // C3 C4 C5 C9; lines C3/1 C3/2 C4/1 C4/2 C5/1 C9/1
			['Acme', 4, 3, 5, 3, 520, 320] // C1 C2 C7 C8; lines C1/1 C1/2 C2/1 C7/1 C8/1
		]);
		const month = (await denialRates({ by: 'month' }, db.path)).rows.map((r) => [r.group, r.claims, r.denied_claims, r.lines, r.denied_lines, r.charges, r.denied_charges]);
		expect(month).toEqual([
			['2025-03', 3, 2, 5, 2, 520, 200], // C1 C2 C4
			['2025-04', 5, 4, 6, 5, 560, 460] // C3 C5 C7 C8 C9
		]);
	});

	it('by category: each denied line once, under its first reason code', async () => {
		const rows = (await denialRates({ by: 'category' }, db.path)).rows.map((r) => [r.group, r.denied_claims, r.denied_lines, r.denied_charges, r.lines]);
		expect(rows).toEqual([
			['duplicate', 2, 2, 270, 11], // C2/1, C8/1 (OA-18 first)
			['other', 2, 2, 90, 11], // C3/2, C9/1
			['coding', 1, 1, 50, 11], // C1/2
			['eligibility', 1, 1, 100, 11], // C3/1 (CO-27 first)
			['missing_info', 1, 1, 150, 11] // C5/1
		]);
		// excluding duplicate moves C8/1 to coding (its next reason code)
		const ex = (await denialRates({ by: 'category', exclude: ['duplicate'] }, db.path)).rows.map((r) => [r.group, r.denied_lines, r.denied_charges]);
		expect(ex).toEqual([['coding', 2, 170], ['other', 2, 90], ['eligibility', 1, 100], ['missing_info', 1, 150]]);
	});

	it('by CARC: a line counts under each of its reason codes', async () => {
		const rows = (await denialRates({ by: 'carc' }, db.path)).rows;
		expect(rows.map((r) => [r.group, r.denied_claims, r.denied_lines, r.denied_charges, r.category])).toEqual([
			['CO-97', 3, 3, 270, 'coding'], // C1/2, C3/1, C8/1
			['(no reason code)', 1, 1, 10, 'other'],
			['CO-16', 1, 1, 150, 'missing_info'],
			['CO-18', 1, 1, 150, 'duplicate'],
			['CO-27', 1, 1, 100, 'eligibility'],
			['CO-X9', 1, 1, 80, 'other'],
			['OA-18', 1, 1, 120, 'duplicate']
		]);
		expect(rows[0]?.label).toBe('bundled into another service');
	});
});

describe('the Denials page answer', () => {
	it('trend, heat map, top codes and unknown codes', async () => {
		const page = await getDenialsPage({ exclude: ['duplicate'] }, db.path);
		expect(page.definition.excluded_categories).toEqual(['duplicate']);
		expect(page.definition.text).toMatch(/every denial reason is in an excluded category: duplicate/);
		expect(page.trend.find((t) => t.month === '2025-04' && t.specialty === 'Dermatology')).toMatchObject({ claims: 3, denied_claims: 3, lines: 4, denied_lines: 4 });
		expect(page.trend.find((t) => t.month === '2025-03' && t.specialty === 'Dermatology')).toMatchObject({ claims: 2, denied_claims: 1, lines: 3, denied_lines: 1 });
		const acme = page.heat.filter((h) => h.payer === 'Acme');
		expect(acme.map((h) => [h.category, h.denied_lines, h.lines, h.claims])).toEqual([['coding', 2, 5, 4]]); // C1/2, C8/1
		expect(page.topCodes.filter((t) => t.specialty === 'Psychiatry')).toEqual([
			{ specialty: 'Psychiatry', procedure_code: '90834', lines: 1, denied_lines: 1, line_denial_rate: 1, denied_charges: 150, top_category: 'missing_info' }
		]);
		expect(page.unknownCodes).toEqual([{ code: 'CO-X9', lines: 1 }]);
		expect(page.remit.imports).toEqual([]);
	});

	it('the lines behind a cell, paged, with the definition applied', async () => {
		const q = (o: Record<string, string>) => DenialLinesQuery.parse(o);
		const derm = await denialLines(q({ specialty: 'Dermatology', size: '4' }), db.path);
		expect(derm.total).toBe(6);
		expect(derm.rows).toHaveLength(4);
		expect(derm.rows[0]).toMatchObject({ claim_id: 'C1', line_number: 2, category: 'coding', reason_codes: ['CO-97'], counted_denied: true });
		const page2 = await denialLines(q({ specialty: 'Dermatology', size: '4', page: '2' }), db.path);
		expect(page2.rows.map((r) => r.claim_id)).toEqual(['C8', 'C9']);
		const dup = await denialLines(q({ exclude: 'duplicate', category: 'coding' }), db.path);
		expect(dup.rows.map((r) => `${r.claim_id}/${r.line_number}`)).toEqual(['C1/2', 'C8/1']);
		const carc = await denialLines(q({ carc: 'CO-97', month: '2025-04' }), db.path);
		expect(carc.rows.map((r) => `${r.claim_id}/${r.line_number}`)).toEqual(['C3/1', 'C8/1']);
		const all = await denialLines(q({ status: 'all', payer: 'Acme' }), db.path);
		expect(all.total).toBe(5);
	});
});

describe('scope: a period, a specialty, a payer (issue 11)', () => {
	it('March 2025, Dermatology: C1 (paid $100, denied $50) and C2 (denied $150)', async () => {
		const r = await denialRates({ by: 'specialty', scope: { period: { from: '2025-03-01', to: '2025-03-31' }, specialty: 'Dermatology' } }, db.path);
		expect(r.scope).toBe('service dates 2025-03-01 to 2025-03-31 (2025-03), specialty Dermatology');
		expect(r.rows.map((x) => [x.group, x.claims, x.denied_claims, x.lines, x.denied_lines, x.charges, x.denied_charges])).toEqual([['Dermatology', 2, 2, 3, 2, 300, 200]]);
	});
	it('payer Medicare, every date: C3 (two denied lines), C4 (paid and a patient-share partial), C5, C9', async () => {
		const page = await getDenialsPage({ scope: { payer: 'Medicare' } }, db.path);
		expect(page.scope).toBe('all service dates, payer Medicare');
		// charges 100 + 10 + 200 + 20 + 150 + 80 = $560; denied 100 + 10 + 150 + 80 = $340 (PR-2 is patient share, not a denial)
		expect(page.total).toMatchObject({ claims: 4, denied_claims: 3, lines: 6, denied_lines: 4, charges: 560, denied_charges: 340 });
		expect(page.byPayer.map((x) => x.group)).toEqual(['Medicare']);
		// the unscoped figures are untouched (the scope lives on the request's connection)
		expect((await getDenialsPage({}, db.path)).total).toMatchObject({ claims: 8, lines: 11 });
	});
});

describe('the lines behind a scoped page', () => {
	it('lists only the scope\'s lines: March 2025 Dermatology denied lines are C1/2 and C2/1', async () => {
		const q = DenialLinesQuery.parse({});
		const { rows } = await denialLines(q, db.path, { period: { from: '2025-03-01', to: '2025-03-31' }, specialty: 'Dermatology' });
		expect(rows.map((r) => `${r.claim_id}/${r.line_number}`).sort()).toEqual(['C1/2', 'C2/1']);
		const medicare = await denialLines(q, db.path, { payer: 'Medicare' });
		expect(medicare.total).toBe(4); // C3/1, C3/2, C5/1, C9/1
	});
});

describe('scope: one rendering provider', () => {
	it('Psych, Doc (3000000026): C4 (paid $200, patient-share partial $20) and C5 (denied $150); C6 and C7/2 are pending', async () => {
		// adjudicated: C4/1, C4/2, C5/1, C7/1 = 4 lines, $470; denied: C5/1 = 1 line, $150; claims C4, C5, C7 = 3, denied 1
		const r = await denialRates({ by: 'specialty', scope: { provider: '3000000026' } }, db.path);
		expect(r.scope).toBe('all service dates, provider 3000000026');
		expect(r.rows.map((x) => [x.group, x.claims, x.denied_claims, x.lines, x.denied_lines, x.charges, x.denied_charges])).toEqual([['Psychiatry', 3, 1, 4, 1, 470, 150]]);
		const { rows } = await denialLines(DenialLinesQuery.parse({}), db.path, { provider: '3000000026' });
		expect(rows.map((x) => `${x.claim_id}/${x.line_number}`)).toEqual(['C5/1']);
	});
});
