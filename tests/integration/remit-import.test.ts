// X12 835 import through importFile (the single import path): one transaction and one log row,
// a re-import is a 'duplicate', a malformed or failing file leaves nothing behind, and 835
// outcomes join the denial rates (matched to claim lines, or as their own rows).
// tests/fixtures/denials_match.835 (hand-written) remits two claims against
// tests/fixtures/denials_small.csv (see tests/integration/denial-rates.test.ts for its counts):
//   C4 line 1 (90837, $200, paid in the export) -> paid 0, CO-50: now denied (medical necessity)
//   C4 line 2 (90785) -> paid $15 with PR-2 coinsurance: adjudicated, not denied
//   R1 (no such claim imported) 99213 $100 -> paid 0, CO-197: an 835-only denied line; its
//      specialty comes from the payee NPI 3000000018 (Dermatology in the claims)
// So: claims 8 -> 9 (R1), denied claims 6 -> 8 (C4, R1); lines 11 -> 12, denied 7 -> 9;
// charges $1,080 -> $1,180, denied $660 -> $960.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { readQuery } from '../../src/lib/server/db/query-files.ts';
import { denialLines, denialRates, getDenialsPage } from '../../src/lib/server/denials/get-denials.ts';
import { DenialLinesQuery } from '../../src/lib/schemas/denials.ts';
import { sharedFixtures, tempDb } from '../helpers/temp-db.ts';

const match835 = join('tests', 'fixtures', 'denials_match.835');
const count = async (db: ReturnType<typeof tempDb>, table: string) => Number((await db.query(`SELECT count(*)::INTEGER AS n FROM ${table}`))[0]?.n);

describe('835 import matched to claim lines', () => {
	const db = tempDb();
	afterAll(() => db.cleanup());
	beforeAll(async () => {
		await importFile(join('tests', 'fixtures', 'denials_small.csv'), { dbPath: db.path });
	});

	it('loads in one transaction with a log row, like every import', async () => {
		const r = await importFile(match835, { dbPath: db.path });
		expect(r).toMatchObject({ kind: 'remittance', format: 'x12', status: 'succeeded', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0, fileName: 'denials_match.835' });
		expect(r.message).toMatch(/2 claim payments \(CLP\), 3 service lines \(2 denied\), 3 adjustments \(CAS\); payments \(BPR02\) \$10\.00 = claim payments \$15\.00 - provider adjustments \$5\.00; 2 of 3 service lines matched/);
		expect(r.mapping.columns.claim_id).toBe('CLP01');
		const log = await db.query(`SELECT kind, format, status, rows_loaded FROM imports WHERE import_id = ${r.importId}`);
		expect(log).toEqual([{ kind: 'remittance', format: 'x12', status: 'succeeded', rows_loaded: 3 }]);
		expect(await count(db, 'remit_payments')).toBe(1);
		expect(await count(db, 'remit_claims')).toBe(2);
		expect(await count(db, 'remit_adjustments')).toBe(3);
		expect(await count(db, 'remit_provider_adjustments')).toBe(1);
		const totals = await db.query('SELECT sum(payment_amount)::DOUBLE AS bpr, sum(claim_paid_total)::DOUBLE AS clp, sum(provider_adjustment_total)::DOUBLE AS plb FROM remit_payments');
		expect(totals).toEqual([{ bpr: 10, clp: 15, plb: 5 }]);
	});

	it('re-importing the same file is a duplicate and adds nothing', async () => {
		const again = await importFile(match835, { dbPath: db.path });
		expect(again.status).toBe('duplicate');
		expect(again.message).toMatch(/already imported as import #\d+/);
		expect(await count(db, 'remit_lines')).toBe(3);
	});

	it('the 835 outcomes join the denial rates', async () => {
		const page = await getDenialsPage({}, db.path);
		expect(page.total).toMatchObject({ claims: 9, denied_claims: 8, lines: 12, denied_lines: 9, charges: 1180, denied_charges: 960 });
		const spec = (await denialRates({ by: 'specialty' }, db.path)).rows.map((r) => [r.group, r.claims, r.denied_claims, r.lines, r.denied_lines]);
		expect(spec).toEqual([['Dermatology', 6, 6, 8, 7], ['Psychiatry', 3, 2, 4, 2]]);
		expect(page.remit.imports).toHaveLength(1);
		expect(page.remit.imports[0]).toMatchObject({ transactions: 1, payment_total: 10, claim_paid_total: 15, provider_adjustment_total: 5, claim_payments: 2, service_lines: 3, denied_lines: 2, matched_lines: 2 });
	});

	it('lists where each line\'s outcome came from', async () => {
		const { rows } = await denialLines(DenialLinesQuery.parse({ status: 'all', specialty: 'Psychiatry' }), db.path);
		const c4 = rows.filter((r) => r.claim_id === 'C4').map((r) => [r.line_number, r.source, r.line_status, r.denial_codes, r.remark_codes, r.category]);
		expect(c4).toEqual([[1, 'claims+835', 'denied', ['CO-50'], ['N115'], 'medical_necessity'], [2, 'claims+835', 'paid', ['PR-2'], [], null]]);
		const { rows: r1 } = await denialLines(DenialLinesQuery.parse({ category: 'authorization' }), db.path);
		expect(r1.map((r) => [r.claim_id, r.source, r.specialty, r.payer, r.procedure_code, r.service_date])).toEqual([['R1', '835', 'Dermatology', 'Medicare', '99213', '2025-04-15']]);
	});
});

describe('a malformed or failing 835 leaves nothing behind', () => {
	const db = tempDb();
	afterAll(() => db.cleanup());

	it('refuses a malformed file naming the segment, before writing anything', async () => {
		await expect(importFile(join('tests', 'fixtures', 'denials_malformed.835'), { dbPath: db.path })).rejects.toThrow(
			/denials_malformed\.835: not a valid X12 835 remittance: segment 27 \(CAS\): CAS03 amount \(element 3\) "1O0" is not a number; nothing was imported/
		);
		expect(await count(db, 'remit_lines')).toBe(0);
		expect(await count(db, 'imports')).toBe(0);
	});

	it('rolls back every table when loading fails half-way', async () => {
		await db.query('DROP TABLE remit_adjustments'); // sabotage the fourth insert
		await expect(importFile(match835, { dbPath: db.path })).rejects.toThrow(/denials_match\.835: import failed and nothing was kept/);
		for (const t of ['remit_payments', 'remit_claims', 'remit_lines']) expect(await count(db, t)).toBe(0);
		expect(await db.query('SELECT kind, status FROM imports')).toEqual([{ kind: 'remittance', status: 'failed' }]);
		await db.query(readQuery('schema_remittance'));
		expect((await importFile(match835, { dbPath: db.path })).status).toBe('succeeded');
		expect(await count(db, 'remit_lines')).toBe(3);
	});
});

const profee = join(sharedFixtures, 'x12', '835_profee.edi');
describe.skipIf(!existsSync(profee))('the public 835_profee.edi, imported', () => {
	const db = tempDb();
	afterAll(() => db.cleanup());

	it('stores the payment, claim payments and adjustments exactly', async () => {
		const r = await importFile(profee, { dbPath: db.path });
		expect(r).toMatchObject({ kind: 'remittance', status: 'succeeded', rowsLoaded: 10 });
		const [t] = await db.query(`SELECT
			(SELECT sum(payment_amount) FROM remit_payments)::DOUBLE AS bpr,
			(SELECT sum(paid_amount) FROM remit_claims)::DOUBLE AS clp_paid,
			(SELECT sum(charge_amount) FROM remit_claims)::DOUBLE AS clp_charge,
			(SELECT sum(amount) FROM remit_adjustments)::DOUBLE AS cas`);
		expect(t).toEqual({ bpr: 45.75, clp_paid: 45.75, clp_charge: 102.5, cas: 56.75 });
		// no claims imported: all 10 lines are their own rows; the three CLPs share one CLP01
		const page = await getDenialsPage({}, db.path);
		expect(page.total).toMatchObject({ claims: 1, denied_claims: 1, lines: 10, denied_lines: 4, charges: 102.5, denied_charges: 56.75 });
		expect(page.byCategory.map((c) => [c.group, c.denied_lines, c.denied_charges])).toEqual([['missing_info', 2, 22.75], ['timely_filing', 2, 34]]);
		expect(page.bySpecialty.map((s) => s.group)).toEqual(['(not in claim data)']);
	});
});
