// Field cases, claim/audit exports and CMS files (../shared/fixtures/field/README.md): each file
// imports right or is refused clearly. Expected values are read off the files by hand (noted).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { readMappingFile } from '../../src/cli/commands/import.ts';
import { accuracyBy } from '../../src/lib/server/accuracy/get-accuracy.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { fixtureFolder, tempDb } from '../helpers/temp-db.ts';

const field = fixtureFolder('field');
const fx = (...p: string[]) => join(field as string, ...p);

async function withDb<T>(fn: (db: ReturnType<typeof tempDb>) => Promise<T>): Promise<T> {
	const db = tempDb();
	try {
		return await fn(db);
	} finally {
		db.cleanup();
	}
}
const refusal = (p: Promise<unknown>) => p.then(() => '(not refused)', (e: Error) => e.message);

describe.skipIf(!field)('field claim and audit exports', () => {
	for (const file of ['charges_big_amounts_late.csv', 'charges_big_amounts_early.csv']) {
		it(`${file}: 905 read = 905 loaded, billed 94,510.00 (2,450.00 with a thousands separator anywhere)`, () => withDb(async (db) => {
			const r = await importFile(fx('csv', file), { dbPath: db.path });
			expect(r).toMatchObject({ rowsRead: 905, rowsLoaded: 905, rowsRejected: 0 });
			const [t] = await db.query(`SELECT sum(charge_amount)::DOUBLE AS billed, count(*) FILTER (WHERE charge_amount = 2450)::INTEGER AS big FROM claim_lines`);
			expect(t).toEqual({ billed: 94510, big: 5 });
		}));
	}

	it('charges_semicolon_decimal_comma.csv: 95,00 is 95.00 and 2.450,00 is 2,450.00', () => withDb(async (db) => {
		const r = await importFile(fx('csv', 'charges_semicolon_decimal_comma.csv'), { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: 4, rowsLoaded: 4 });
		expect(r.message).toContain('decimal comma');
		const rows = await db.query(`SELECT charge_amount::DOUBLE AS c, allowed_amount::DOUBLE AS a, paid_amount::DOUBLE AS p FROM claim_lines ORDER BY claim_id`);
		expect(rows).toEqual([{ c: 95, a: 76, p: 57 }, { c: 140, a: 112, p: 84 }, { c: 12.5, a: 10, p: 0 }, { c: 2450, a: 1180.5, p: 944.4 }]);
	}));

	it('a decimal comma in a comma-delimited file is never read as thousands: refused row by row with the value', () => withDb(async (db) => {
		const f = join(db.dir, 'comma.csv');
		// "95,00" in a quoted cell of a comma file: the sample shows it, so the file reads as decimal comma
		writeFileSync(f, 'Claim #,Line,Rendering NPI,Specialty,DOS,CPT,Billed Amount\nC1,1,1000000012,FP,2024-01-10,99213,"95,00"\nC2,1,1000000012,FP,2024-01-10,99213,"1.180,50"\n');
		await importFile(f, { dbPath: db.path });
		expect(await db.query(`SELECT charge_amount::DOUBLE AS c FROM claim_lines ORDER BY claim_id`)).toEqual([{ c: 95 }, { c: 1180.5 }]);
		// both conventions in one file: refused, naming both values
		const g = join(db.dir, 'mixed.csv');
		writeFileSync(g, 'Claim #,Line,Rendering NPI,Specialty,DOS,CPT,Billed Amount\nC1,1,1000000012,FP,2024-01-10,99213,"95,00"\nC2,1,1000000012,FP,2024-01-10,99213,140.00\n');
		const msg = await refusal(importFile(g, { dbPath: db.path }));
		expect(msg).toContain('"95,00" (Billed Amount, line 2)');
		expect(msg).toContain('"140.00" (Billed Amount, line 3)');
	}));

	it('charges_excel_formats.csv: 5 read = 5 loaded; 1/5/2024 0:00 is a date, ($57.00) and -$57.00 are negative', () => withDb(async (db) => {
		const r = await importFile(fx('csv', 'charges_excel_formats.csv'), { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: 5, rowsLoaded: 5, rowsRejected: 0 });
		const rows = await db.query(`SELECT claim_id, strftime(service_date, '%Y-%m-%d') AS d, paid_amount::DOUBLE AS p, units FROM claim_lines ORDER BY claim_id`);
		expect(rows.map((x) => x.d)).toEqual(['2024-01-05', '2024-01-06', '2024-01-08', '2024-01-09', '2024-01-10']);
		// C4 paid "($57.00)", C5 paid "-$57.00" (file rows 5 and 6)
		expect(rows.map((x) => x.p)).toEqual([57, 84, 0, -57, -57]);
		expect(rows.every((x) => x.units === 1)).toBe(true);
	}));

	it('charges_windows1252.csv: all 3 rows, names decoded', () => withDb(async (db) => {
		const r = await importFile(fx('csv', 'charges_windows1252.csv'), { dbPath: db.path });
		expect(r).toMatchObject({ rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
		expect(r.message).toContain('windows-1252');
		const names = await db.query(`SELECT provider_name AS n, count(*)::INTEGER AS c FROM claim_lines GROUP BY 1 ORDER BY 1`);
		expect(names).toEqual([{ n: 'Ibáñez, Ana', c: 2 }, { n: 'Provider, Bo', c: 1 }]);
	}));

	it('bfd_rif_carrier.csv with its mapping: 221 read = 12 loaded + 209 rejected, each for a missing HCPCS code', () => withDb(async (db) => {
		const r = await importFile(fx('csv', 'bfd_rif_carrier.csv'), { dbPath: db.path, mapping: readMappingFile(fx('csv', 'bfd_rif_carrier.mapping.json')) });
		expect(r).toMatchObject({ rowsRead: 221, rowsLoaded: 12, rowsRejected: 209 });
		const reasons = await db.query(`SELECT column_name, reason, count(*)::INTEGER AS n FROM import_rejects GROUP BY ALL`);
		expect(reasons).toEqual([{ column_name: 'procedure_code', reason: 'missing required value', n: 209 }]);
		const [d] = await db.query(`SELECT min(service_date)::VARCHAR AS first FROM claim_lines`);
		expect(d?.first).toBe('2015-03-01');
	}));

	it('desynpuf_carrier_claims.csv and the Synthea file are refused, named for what they are', () => withDb(async (db) => {
		expect(await refusal(importFile(fx('csv', 'desynpuf_carrier_claims.csv'), { dbPath: db.path }))).toContain('DE-SynPUF carrier claims');
		expect(await refusal(importFile(fx('csv', 'synthea_claims_transactions.first40.csv'), { dbPath: db.path }))).toContain('Synthea claims_transactions');
		expect((await db.query(`SELECT count(*)::INTEGER AS n FROM imports WHERE status = 'succeeded'`))[0]?.n).toBe(0);
	}));

	it('audit_worksheet.csv with its mapping: CODER1 0 of 2 (1 upcoded, 1 modifier error), CODER2 2 of 2, dx 2 of 3', () => withDb(async (db) => {
		await importFile(fx('csv', 'audit_worksheet.csv'), { dbPath: db.path, mapping: readMappingFile(fx('csv', 'audit_worksheet.mapping.json')) });
		const rows = await accuracyBy('coder', {}, db.path);
		const c1 = rows.find((r) => r.group === 'CODER1');
		const c2 = rows.find((r) => r.group === 'CODER2');
		expect(c1).toMatchObject({ audited_lines: 2, correct_lines: 0 });
		expect(c1?.errors).toMatchObject({ upcoded: 1, modifier_error: 1 });
		// line 4: billed {I50.9}, audited {I50.9, N18.3} -> 1 of 2; line 3: 1 of 1
		expect(c2).toMatchObject({ audited_lines: 2, correct_lines: 2, dx_matched: 2, dx_compared: 3 });
	}));

	it('audit_worksheet.csv without a mapping: Billed CPT / Audited CPT are recognised', () => withDb(async (db) => {
		const msg = await refusal(importFile(fx('csv', 'audit_worksheet.csv'), { dbPath: db.path }));
		// the worksheet has no line-number column: the one field left to name
		expect(msg).toContain('no column for required audits field(s) line_number');
	}));
});

describe.skipIf(!field)('field CMS files', () => {
	for (const [file, name] of [['geo_and_service.csv', 'by Geography and Service'], ['by_provider.csv', '- by Provider"'], ['partd_by_provider_and_drug.csv', 'Part D Prescribers - by Provider and Drug']] as const) {
		it(`${file}: refused naming the dataset, never advised to write a mapping`, () => withDb(async (db) => {
			const msg = await refusal(importFile(fx('cms', file), { dbPath: db.path }));
			expect(msg).toContain(name);
			expect(msg).toContain('by Provider and Service');
			expect(msg).not.toContain('mapping');
		}));
	}

	for (const ptp of ['ptp_preamble_removed.txt', 'ptp_as_downloaded.txt']) {
		it(`${ptp}: 3 pairs in force as CMS means (* = no deletion); K1 is an ncci_ptp_pair finding`, () => withDb(async (db) => {
			await importFile(fx('cms', 'edits', 'claims_for_edits.csv'), { dbPath: db.path });
			const r = await importFile(fx('cms', 'edits', ptp), { dbPath: db.path });
			expect(r).toMatchObject({ kind: 'cms-ncci-ptp', rowsRead: 3, rowsLoaded: 3, rowsRejected: 0 });
			if (ptp === 'ptp_as_downloaded.txt') expect(r.message).toContain('skipped lines 1-4 above the header');
			const pairs = await db.query(`SELECT column1, column2, deletion_date::VARCHAR AS del FROM ncci_ptp_pairs ORDER BY column1`);
			expect(pairs).toEqual([
				{ column1: '93000', column2: '93005', del: null },
				{ column1: '99214', column2: '36415', del: null },
				{ column1: '99284', column2: '96374', del: '2020-01-01' }
			]);
			const { filtered } = await listFlags({ rule: 'ncci_ptp_pair', all: true } as never, db.path);
			expect(filtered.flatMap((f) => f.claim_ids ?? [])).toEqual(['K1']);
		}));
	}

	it('the three MUE files load the same 3 rows with their MAI; K2 (3 + 3 units, MUE 4, MAI 1) is no finding', () => withDb(async (db) => {
		const seen: unknown[] = [];
		for (const f of ['mue_as_downloaded.csv', 'mue_preamble_removed.csv', 'mue_one_line_header.csv']) {
			const r = await importFile(fx('cms', 'edits', f), { dbPath: db.path });
			expect(r).toMatchObject({ kind: 'cms-mue', rowsRead: 3, rowsLoaded: 3 });
			seen.push(await db.query(`SELECT procedure_code, mue, adjudication_indicator AS mai FROM mue_limits WHERE import_id = $i ORDER BY procedure_code`, { i: r.importId }));
		}
		expect(seen[0]).toEqual([{ procedure_code: '36415', mue: 3, mai: '3' }, { procedure_code: '96372', mue: 4, mai: '1' }, { procedure_code: '99213', mue: 1, mai: '2' }]);
		expect(seen[1]).toEqual(seen[0]);
		expect(seen[2]).toEqual(seen[0]);
		await importFile(fx('cms', 'edits', 'claims_for_edits.csv'), { dbPath: db.path });
		const { filtered } = await listFlags({ rule: 'mue_exceeded', all: true } as never, db.path);
		expect(filtered.flatMap((f) => f.claim_ids ?? [])).toEqual([]);
	}));

	it('an MAI 2/3 code is counted per patient and date of service; MAI 1 per line', () => withDb(async (db) => {
		await importFile(fx('cms', 'edits', 'mue_one_line_header.csv'), { dbPath: db.path });
		const f = join(db.dir, 'days.csv');
		// 36415 (MUE 3, MAI 3): D1 2 + 2 units the same day = 4 > 3 -> both lines; D2 2 + 1 = 3 -> none.
		// 96372 (MUE 4, MAI 1): D3 one line of 5 units -> a finding; D4 4 + 4 on two lines -> none.
		writeFileSync(f, ['claim_id,line_number,patient_id,rendering_npi,specialty,service_date,procedure_code,units,allowed_amount',
			'D1,1,P1,1000000012,FP,2024-03-01,36415,2,6.00', 'D1,2,P1,1000000012,FP,2024-03-01,36415,2,6.00',
			'D2,1,P2,1000000012,FP,2024-03-01,36415,2,6.00', 'D2,2,P2,1000000012,FP,2024-03-01,36415,1,3.00',
			'D3,1,P3,1000000012,FP,2024-03-01,96372,5,50.00', 'D4,1,P4,1000000012,FP,2024-03-01,96372,4,40.00', 'D4,2,P4,1000000012,FP,2024-03-01,96372,4,40.00', ''].join('\n'));
		await importFile(f, { dbPath: db.path });
		const { filtered } = await listFlags({ rule: 'mue_exceeded', all: true } as never, db.path);
		expect(filtered.map((x) => [x.claim_ids, x.findings])).toEqual([[['D1', 'D3'], 3]]);
	}));

	it('two CMS years are two pools: each import records its year; NPI 1003011404 Mohs add-on 160/510 (2019), 82/253 (2020)', () => withDb(async (db) => {
		const a = await importFile(fx('cms', 'mohs_2019_noCPTdesc.csv'), { dbPath: db.path });
		const b = await importFile(fx('cms', 'mohs_2020_noCPTdesc.csv'), { dbPath: db.path });
		// data rows: wc -l less the header (8,363 - 1 and 8,490 - 1)
		expect([a.rowsLoaded, b.rowsLoaded]).toEqual([8362, 8489]);
		expect(await db.query(`SELECT data_year, count(*)::INTEGER AS n FROM provider_services WHERE source = 'cms' GROUP BY 1 ORDER BY 1`)).toEqual([{ data_year: 2019, n: 8362 }, { data_year: 2020, n: 8489 }]);
		const pick = async (year?: number) => {
			const r = await listFlags({ source: 'cms', rule: 'mohs_additional_stages', all: true, year }, db.path);
			const row = r.filtered.find((x) => x.provider_npi === '1003011404');
			return { year: r.year, years: r.years, x: row?.numerator, n: row?.denominator };
		};
		expect(await pick(2019)).toEqual({ year: 2019, years: [2020, 2019], x: 160, n: 510 });
		expect(await pick(2020)).toEqual({ year: 2020, years: [2020, 2019], x: 82, n: 253 });
		// no year asked: the newest, stated
		expect(await pick()).toMatchObject({ year: 2020, x: 82, n: 253 });
		// pooled only when the user names the years: (160 + 82) / (510 + 253)
		const pooled = await listFlags({ source: 'cms', rule: 'mohs_additional_stages', all: true, years: [2019, 2020] }, db.path);
		expect(pooled.pooled_years).toEqual([2019, 2020]);
		expect(pooled.filtered.find((x) => x.provider_npi === '1003011404')).toMatchObject({ numerator: 242, denominator: 763 });
		// one year named is no pool
		expect((await listFlags({ source: 'cms', rule: 'mohs_additional_stages', all: true, years: [2019] }, db.path)).pooled_years).toBeNull();
	}));

	it('a CMS file whose name names no year is refused unless --year is given', () => withDb(async (db) => {
		const f = join(db.dir, 'mohs.csv');
		writeFileSync(f, readFileSync(fx('cms', 'mohs_2019_noCPTdesc.csv')));
		expect(await refusal(importFile(f, { dbPath: db.path }))).toContain('pass --year YYYY');
		expect(await importFile(f, { dbPath: db.path, year: 2019 })).toMatchObject({ rowsLoaded: 8362 });
	}));
});

describe.skipIf(!field)('CMS data year in the drill-down', () => {
	it('the drill-down of a 2019 flag shows 2019 (160/510), not the newest year', () => withDb(async (db) => {
		await importFile(fx('cms', 'mohs_2019_noCPTdesc.csv'), { dbPath: db.path });
		await importFile(fx('cms', 'mohs_2020_noCPTdesc.csv'), { dbPath: db.path });
		const { getDrilldown } = await import('../../src/lib/server/rules/drilldown.ts');
		const d19 = await getDrilldown({ npi: '1003011404', ruleId: 'mohs_additional_stages', source: 'cms', year: 2019, dbPath: db.path });
		expect([d19.year, d19.row?.numerator, d19.row?.denominator]).toEqual([2019, 160, 510]);
		const newest = await getDrilldown({ npi: '1003011404', ruleId: 'mohs_additional_stages', dbPath: db.path });
		expect([newest.year, newest.row?.numerator, newest.row?.denominator]).toEqual([2020, 82, 253]);
	}));
});
