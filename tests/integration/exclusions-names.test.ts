// Exclusion screening on the name forms, record identities, waiver states and totals a review
// found wrong (issue 13). Synthetic rows only; each expectation is the answer a person would give.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { providerResults, screen, type ScreenRow } from '../../src/lib/server/exclusions/screen.ts';
import { npiCheckDigit } from '../../src/lib/server/demo/generate-demo.ts';
import { tempDb } from '../helpers/temp-db.ts';

const npi = (i: number) => `${600000000 + i}${npiCheckDigit(String(600000000 + i))}`;
const N = { cruz: npi(1), obrien: npi(2), hyphen: npi(3), doMd: npi(4), doComma: npi(5), lee: npi(6), waiverTx: npi(7), waiverOh: npi(8), smithOh: npi(9), kilo: npi(10), alpha: npi(11), blank: npi(12), wu: npi(13) };
const HEAD = 'LASTNAME,FIRSTNAME,MIDNAME,BUSNAME,GENERAL,SPECIALTY,UPIN,NPI,DOB,ADDRESS,CITY,STATE,ZIP,EXCLTYPE,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE';
const leie = (last: string, first: string, o: { npi?: string; state?: string; excl?: string; rein?: string; waiver?: string; wvr?: string } = {}) =>
	[last, first, '', '', 'IND', 'NURSING', '', o.npi ?? '0000000000', '19700101', '1 MAIN', 'CITY', o.state ?? 'TX', '75001', '1128a1', o.excl ?? '20240101', o.rein ?? '00000000', o.waiver ?? '00000000', o.wvr ?? ''].join(',');

const db = tempDb();
afterAll(() => db.cleanup());
let rows: ScreenRow[] = [];
const of = (p: string) => rows.filter((r) => r.provider_npi === p);

beforeAll(async () => {
	const d = db.dir;
	const claims = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,paid_amount'];
	const add = (id: string, p: string, name: string, date = '2025-06-01', paid = 100) => claims.push(`${id},1,P${id},${p},"${name}",Family Medicine,${date},99213,${paid}`);
	add('C1', N.cruz, 'Maria De La Cruz');
	add('C2', N.obrien, "Patrick O'Brien");
	add('C3', N.hyphen, 'Mary Smith-Jones');
	add('C4', N.doMd, 'Minh Do, MD');
	add('C5', N.doComma, 'Do, Minh');
	add('C6', N.lee, 'Robert Lee Jr');
	add('C7', N.waiverTx, 'Tango, Tess', '2025-03-01');
	add('C8', N.waiverOh, 'Oscar, Otto', '2025-03-01');
	add('C9', N.smithOh, 'John Smith');
	add('C10', N.kilo, 'Kilo, Kim');
	add('C11', N.alpha, 'Alpha, Ann', '2025-06-01', 100);
	add('C12', N.blank, '');
	add('C13', N.wu, 'Karen Wu');
	writeFileSync(join(d, 'claims.csv'), `${claims.join('\n')}\n`);
	writeFileSync(join(d, 'roster.csv'), `npi,provider_name,specialty,state\n${N.waiverTx},"Tango, Tess",Family Medicine,TX\n${N.waiverOh},"Oscar, Otto",Family Medicine,OH\n${N.smithOh},John Smith,Family Medicine,OH\n${N.wu},Karen Wu,Family Medicine,Texas\n`);
	writeFileSync(join(d, 'UPDATED-20250401.csv'), `${[HEAD,
		leie('DE LA CRUZ', 'MARIA'), leie("O'BRIEN", 'PATRICK'), leie('SMITH-JONES', 'MARY'), leie('DO', 'MINH'), leie('LEE JR', 'ROBERT'),
		// waiver from 2025-01-01 in OH only: ends the window for the OH provider, not the TX one
		leie('TANGO', 'TESS', { npi: N.waiverTx, waiver: '20250101', wvr: 'OH' }), leie('OSCAR', 'OTTO', { npi: N.waiverOh, waiver: '20250101', wvr: 'OH' }),
		leie('KILO', 'KIM', { excl: '20240101' }), leie('ALPHA', 'ANN', { npi: N.alpha, excl: '20250101' }), leie('WU', 'KAREN')].join('\n')}\n`);
	// the reinstatement supplement carries the NPI the full file lacked: the same record
	writeFileSync(join(d, '2505REIN.csv'), `${[HEAD, leie('KILO', 'KIM', { npi: N.kilo, excl: '20240101', rein: '20250501' })].join('\n')}\n`);
	writeFileSync(join(d, 'SAM_Exclusions_Public_Extract_V2_25152.csv'), [
		'Classification,Name,Prefix,First,Middle,Last,Suffix,Address 1,City,State / Province,Country,Zip Code,Unique Entity ID,Exclusion Program,Excluding Agency,CT Code,Exclusion Type,Additional Comments,Active Date,Termination Date,Record Status,NPI',
		'Individual,,,John,,Smith,,1 Main,Austin,TX,USA,1,,Reciprocal,HHS,,Ineligible,,01/01/2025,03/01/2025,Active,',
		'Individual,,,John,,Smith,,2 Main,Columbus,OH,USA,1,,Reciprocal,HHS,,Ineligible,,01/01/2025,Indefinite,Active,',
		`Individual,,,Ann,,Alpha,,3 Main,Austin,TX,USA,1,,Reciprocal,HHS,,Ineligible,,01/01/2025,Indefinite,Active,${N.alpha}`
	].join('\n') + '\n');
	await importFile(join(d, 'claims.csv'), { dbPath: db.path });
	await importFile(join(d, 'roster.csv'), { dbPath: db.path });
	for (const f of ['UPDATED-20250401.csv', '2505REIN.csv', 'SAM_Exclusions_Public_Extract_V2_25152.csv']) await importFile(join(d, f), { dbPath: db.path });
	rows = (await screen({ dbPath: db.path, today: '2025-06-02' })).rows;
});

describe('names as claim exports write them', () => {
	it.each([
		['Maria De La Cruz (a multi-word last name, no comma)', 'cruz'],
		["Patrick O'Brien (apostrophe)", 'obrien'],
		['Mary Smith-Jones (hyphen)', 'hyphen'],
		['Minh Do, MD (the surname Do, a credential after the comma)', 'doMd'],
		['Do, Minh', 'doComma'],
		['Robert Lee Jr against LEE JR on the list', 'lee'],
		['Karen Wu, roster state "Texas" (not a two-letter code: treated as unknown)', 'wu']
	])('%s is a name candidate', (_label, key) => {
		expect(of(N[key as keyof typeof N]).map((r) => [r.match, r.status])).toEqual([['name', 'candidate']]);
	});
});

describe('record identity, waiver state, totals', () => {
	it('a waiver ends the exclusion only in its state', () => {
		expect(of(N.waiverOh)).toMatchObject([{ waiver_on: '2025-01-01', excluded_until: '2025-01-01', lines: 0 }]);
		expect(of(N.waiverTx)).toMatchObject([{ waiver_on: '2025-01-01', excluded_until: null, lines: 1 }]);
	});
	it('two SAM people of one name in two states stay two records; the OH provider meets the OH one, still excluded', () => {
		expect(of(N.smithOh)).toMatchObject([{ list: 'sam', listed_state: 'OH', excluded_until: null, lines: 1 }]);
	});
	it('a supplement that adds the NPI is the same record: matched by NPI, reinstated, one record', () => {
		expect(of(N.kilo)).toMatchObject([{ match: 'npi', status: 'confirmed', reinstated_on: '2025-05-01', lines: 0 }]);
	});
	it('a line covered by both lists counts once in the evidence; a nameless provider is not called cleared', async () => {
		expect(of(N.alpha).map((r) => r.list).sort()).toEqual(['leie', 'sam']);
		const results = await providerResults(db.path);
		expect(results.find((r) => r.provider_npi === N.alpha)).toMatchObject({ result: 'excluded', confirmed: 2, lines: 1, paid_at_risk: 100 });
		expect(results.find((r) => r.provider_npi === N.blank)?.result).toBe('no name: NPI only');
	});
	it('the SAM extract is dated by its file name (2025, day 152 = June 1)', async () => {
		const s = await screen({ dbPath: db.path, today: '2025-06-02' });
		expect(s.lists.find((l) => l.list === 'sam')).toMatchObject({ list_date: '2025-06-01', age_days: 1 });
		expect(s.lists.find((l) => l.list === 'leie')).toMatchObject({ file_name: '2505REIN.csv', list_date: '2025-05-01', records: 10 });
	});
});
