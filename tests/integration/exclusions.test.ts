// Exclusion screening (issue 13) on synthetic list rows in the LEIE layout (no real people), each
// with a hand-known answer. Jaro-Winkler values worked by hand: SMITH/SMYTH m = 4, no
// transpositions, Jaro (0.8 + 0.8 + 1) / 3 = 0.866667, prefix 2 -> 0.893333 (below 0.92: no
// match); MARTINEZ/MARTINES Jaro (7/8 + 7/8 + 1) / 3 = 0.916667, prefix 4 -> 0.95 (a candidate,
// score (0.95 + 1) / 2 = 0.975).
import { join } from 'node:path';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { chromiumPath } from '../../src/lib/server/reports/pdf.ts';
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { decide, screen, UnknownMatch, type ScreenRow } from '../../src/lib/server/exclusions/screen.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { npiCheckDigit } from '../../src/lib/server/demo/generate-demo.ts';
import { tempDb } from '../helpers/temp-db.ts';

const npi = (i: number) => {
	const first9 = String(300000000 + i);
	return `${first9}${npiCheckDigit(first9)}`;
};
// providers: 1 exact NPI, 2 name with middle initial and suffix, 3 near miss, 4 reinstated,
// 5 waiver, 6 entity, 7 same name in another state, 8 reinstated by a supplement, 9 fuzzy name,
// 10 a list record whose NPI is mistyped (bad check digit): it loads without one, matched by name
const P = { exact: npi(1), public: npi(2), smyth: npi(3), rein: npi(4), waiver: npi(5), sunrise: npi(6), jones: npi(7), supp: npi(8), martines: npi(9), hotel: npi(10) };

const db = tempDb();
afterAll(() => db.cleanup());

const LEIE_HEAD = 'LASTNAME,FIRSTNAME,MIDNAME,BUSNAME,GENERAL,SPECIALTY,UPIN,NPI,DOB,ADDRESS,CITY,STATE,ZIP,EXCLTYPE,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE';
const leie = (r: Partial<Record<'last' | 'first' | 'mid' | 'bus' | 'npi' | 'state' | 'excl' | 'rein' | 'waiver', string>>) =>
	[r.last ?? '', r.first ?? '', r.mid ?? '', r.bus ?? '', 'IND- LIC HC SERV PRO', 'NURSING', '', r.npi ?? '0000000000', '19700101', '1 MAIN ST', 'SPRINGFIELD', r.state ?? 'TX', '75001', '1128a1', r.excl ?? '20250301', r.rein ?? '00000000', r.waiver ?? '00000000', ''].join(',');

function writeFiles(dir: string) {
	const lines = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount,paid_amount'];
	let k = 0;
	const line = (prov: string, name: string, date: string, paid: number) => lines.push(`X${++k},1,PT${k},${prov},"${name}",Internal Medicine,${date},99213,${paid},${paid}`);
	// exact NPI, excluded from 2025-03-01: the day before does not count, the day itself does
	line(P.exact, 'Alpha, Ann', '2025-02-28', 100);
	line(P.exact, 'Alpha, Ann', '2025-03-01', 110);
	line(P.exact, 'Alpha, Ann', '2025-06-10', 120);
	line(P.public, 'John Q. Public Jr., MD', '2025-04-01', 200);
	line(P.smyth, 'Jon Smyth', '2025-04-01', 300);
	// reinstated 2025-02-01: lines from 2024-01-01 up to the day before count
	line(P.rein, 'Delta, Dan', '2023-12-31', 10);
	line(P.rein, 'Delta, Dan', '2024-06-01', 20);
	line(P.rein, 'Delta, Dan', '2025-02-01', 30);
	// waiver from 2025-01-01
	line(P.waiver, 'Echo, Eve', '2024-12-31', 40);
	line(P.waiver, 'Echo, Eve', '2025-01-01', 50);
	line(P.sunrise, 'Sunrise Medical Group, LLC', '2025-05-05', 500);
	line(P.jones, 'Mary Jones', '2025-05-05', 60);
	// in the full file from 2024-05-01; a reinstatement supplement ends it on 2025-04-01
	line(P.supp, 'Foxtrot, Fay', '2025-03-31', 70);
	line(P.supp, 'Foxtrot, Fay', '2025-04-01', 80);
	line(P.martines, 'Ana Martines', '2025-05-05', 90);
	line(P.hotel, 'Hotel, Hank', '2025-05-05', 95);
	writeFileSync(join(dir, 'claims.csv'), `${lines.join('\n')}\n`);
	writeFileSync(join(dir, 'roster.csv'), `npi,provider_name,specialty,state\n${P.jones},Mary Jones,Internal Medicine,OH\n`);
	const full = [
		LEIE_HEAD,
		leie({ last: 'ALPHA', first: 'ANN', npi: P.exact, excl: '20250301' }),
		leie({ last: 'PUBLIC', first: 'JOHN', mid: 'QUINCY', excl: '20250101' }),
		leie({ last: 'SMITH', first: 'JOHN', excl: '20250101' }),
		leie({ last: 'DELTA', first: 'DAN', npi: P.rein, excl: '20240101', rein: '20250201' }),
		leie({ last: 'ECHO', first: 'EVE', npi: P.waiver, excl: '20240101', waiver: '20250101' }),
		leie({ bus: 'SUNRISE MEDICAL GROUP INC', excl: '20250101' }),
		leie({ last: 'JONES', first: 'MARY', state: 'TX', excl: '20250101' }),
		leie({ last: 'FOXTROT', first: 'FAY', npi: P.supp, excl: '20240501' }),
		leie({ last: 'MARTINEZ', first: 'ANA', excl: '20250101' }),
		leie({ last: 'HOTEL', first: 'HANK', npi: '1234567890', excl: '20250101' })
	];
	writeFileSync(join(dir, 'UPDATED.csv'), `${full.join('\n')}\n`);
	writeFileSync(join(dir, '2504REIN.csv'), `${[LEIE_HEAD, leie({ last: 'FOXTROT', first: 'FAY', npi: P.supp, excl: '20240501', rein: '20250401' })].join('\n')}\n`);
}

let rows: ScreenRow[] = [];
const of = (prov: string) => rows.filter((r) => r.provider_npi === prov);

beforeAll(async () => {
	writeFiles(db.dir);
	expect((await importFile(join(db.dir, 'claims.csv'), { dbPath: db.path })).rowsLoaded).toBe(16);
	expect((await importFile(join(db.dir, 'roster.csv'), { dbPath: db.path })).kind).toBe('provider-roster');
	const list = await importFile(join(db.dir, 'UPDATED.csv'), { dbPath: db.path });
	expect({ kind: list.kind, rows: list.rowsLoaded, rejected: list.rowsRejected }).toEqual({ kind: 'leie', rows: 10, rejected: 0 });
	expect((await importFile(join(db.dir, '2504REIN.csv'), { dbPath: db.path })).rowsLoaded).toBe(1);
	rows = (await screen({ dbPath: db.path, today: '2025-05-06' })).rows;
});

describe('exclusion screening', () => {
	it('an exact NPI match is confirmed; its lines from the exclusion date count', () => {
		expect(of(P.exact)).toMatchObject([{ list: 'leie', match: 'npi', score: 1, status: 'confirmed', excluded_from: '2025-03-01', excluded_until: null, lines: 2, paid_at_risk: 230 }]);
	});

	it('a name with a middle initial and a suffix is a candidate, not yet a finding', () => {
		expect(of(P.public)).toMatchObject([{ match: 'name', score: 1, status: 'candidate', listed_last_name: 'PUBLIC', listed_middle_name: 'QUINCY', lines: 1, paid_at_risk: 200 }]);
	});

	it('a near miss (SMYTH / SMITH, 0.8933) and a same name in another state are not matched', () => {
		expect(of(P.smyth)).toEqual([]);
		expect(of(P.jones)).toEqual([]);
	});

	it('a fuzzy name above the threshold (MARTINES / MARTINEZ, 0.95) is a candidate scored 0.975', () => {
		expect(of(P.martines)).toMatchObject([{ match: 'name', score: 0.975, status: 'candidate' }]);
	});

	it('reinstatement and waiver close the window; a reinstatement supplement closes it too', () => {
		expect(of(P.rein)).toMatchObject([{ excluded_from: '2024-01-01', reinstated_on: '2025-02-01', excluded_until: '2025-02-01', lines: 1, paid_at_risk: 20 }]);
		expect(of(P.waiver)).toMatchObject([{ waiver_on: '2025-01-01', excluded_until: '2025-01-01', lines: 1, paid_at_risk: 40 }]);
		expect(of(P.supp)).toMatchObject([{ excluded_from: '2024-05-01', reinstated_on: '2025-04-01', lines: 1, paid_at_risk: 70 }]);
	});

	it('a list record with a mistyped NPI is kept, without the NPI, and matched by name', () => {
		expect(of(P.hotel)).toMatchObject([{ match: 'name', score: 1, status: 'candidate', listed_npi: null }]);
	});

	it('an entity matches on its business name (corporate forms dropped)', () => {
		expect(of(P.sunrise)).toMatchObject([{ match: 'name', score: 1, status: 'candidate', listed_business_name: 'SUNRISE MEDICAL GROUP INC' }]);
	});

	it('states the list version and its age, and counts by status', async () => {
		const s = await screen({ dbPath: db.path, today: '2025-05-06' });
		expect(s.lists).toMatchObject([{ list: 'leie', file_name: '2504REIN.csv', list_date: '2025-04-01', records: 10, loads: 2, age_days: 35, stale: false }]);
		expect((await screen({ dbPath: db.path, today: '2025-05-07' })).lists[0]).toMatchObject({ age_days: 36, stale: true });
		expect(s.providers).toBe(10);
		expect(s.counts).toEqual({ confirmed: 4, candidate: 4, dismissed: 0 });
	});

	it('the excluded_provider rule lists the confirmed lines; confirming a candidate adds its lines, dismissing keeps it out', async () => {
		const flagged = async () => Object.fromEntries((await listFlags({ rule: 'excluded_provider' }, db.path)).filtered.map((r) => [r.provider_npi, [r.findings, r.dollars_at_risk, r.severity]]));
		expect(await flagged()).toEqual({ [P.exact]: [2, 230, 'high'], [P.rein]: [1, 20, 'high'], [P.waiver]: [1, 40, 'high'], [P.supp]: [1, 70, 'high'] });
		const pub = of(P.public)[0] as ScreenRow;
		await decide(pub.match_id, 'confirmed', { by: 'auditor@example.test', dbPath: db.path });
		const sunrise = of(P.sunrise)[0] as ScreenRow;
		await decide(sunrise.match_id, 'dismissed', { by: 'auditor@example.test', note: 'different group, other NPI', dbPath: db.path });
		expect((await flagged())[P.public]).toEqual([1, 200, 'high']);
		expect((await flagged())[P.sunrise]).toBeUndefined();
		const after = await screen({ dbPath: db.path, today: '2025-05-06' });
		expect(after.rows.find((r) => r.match_id === sunrise.match_id)).toMatchObject({ status: 'dismissed', decided_by: 'auditor@example.test' });
		expect(after.counts).toEqual({ confirmed: 5, candidate: 2, dismissed: 1 });
		await expect(decide('000000000000', 'confirmed', { by: 'x', dbPath: db.path })).rejects.toThrow(UnknownMatch);
	});

	it('a dismissed pair stays dismissed when the list is loaded again', async () => {
		const again = join(db.dir, 'UPDATED-2025-06-01.csv');
		const { readFileSync } = await import('node:fs');
		writeFileSync(again, `${readFileSync(join(db.dir, 'UPDATED.csv'), 'utf8')}${leie({ last: 'GOLF', first: 'GUS', excl: '20250501' })}\n`);
		await importFile(again, { dbPath: db.path });
		const s = await screen({ dbPath: db.path, today: '2025-06-02' });
		expect(s.rows.filter((r) => r.provider_npi === P.sunrise).map((r) => r.status)).toEqual(['dismissed']);
		expect(s.lists[0]).toMatchObject({ list_date: '2025-06-01', records: 11, loads: 3 });
	});
});

describe('the SAM.gov extract and the command line', () => {
	it('a SAM firm and individual load as list sam; claimlens screen --json and screen confirm work on them', () => {
		// the CLI is another process: its own database
		const cliDb = join(db.dir, 'cli.duckdb');
		const cli = (args: string[]) => execFileSync(process.execPath, ['bin/claimlens.js', ...args, '--db', cliDb], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		cli(['import', join(db.dir, 'claims.csv')]);
		const sam = join(db.dir, 'SAM_Exclusions_Public_Extract_25126.csv');
		writeFileSync(sam, [
			'Classification,Name,Prefix,First,Middle,Last,Suffix,Address 1,City,State / Province,Country,Zip Code,Unique Entity ID,Exclusion Program,Excluding Agency,CT Code,Exclusion Type,Additional Comments,Active Date,Termination Date,Record Status,NPI',
			`Individual,,,Ann,,Alpha,,1 Main St,Springfield,TX,USA,75001,,Reciprocal,HHS,,Prohibition/Restriction,,03/01/2025,Indefinite,Active,${P.exact}`,
			'Firm,Sunrise Medical Group Inc,,,,,,2 Main St,Springfield,TX,USA,75001,,Reciprocal,HHS,,Ineligible (Proceedings Completed),,01/01/2025,12/31/2025,Active,'
		].join('\n') + '\n');
		expect(cli(['import', sam, '--json'])).toMatch(/"kind": "sam"/);
		const rows = JSON.parse(cli(['screen', '--json'])) as ScreenRow[];
		expect(rows.map((r) => [r.provider_npi, r.list, r.match, r.status, r.excluded_from, r.excluded_until, r.lines, r.paid_at_risk])).toEqual([
			[P.exact, 'sam', 'npi', 'confirmed', '2025-03-01', null, 2, 230],
			[P.sunrise, 'sam', 'name', 'candidate', '2025-01-01', '2025-12-31', 1, 500]
		]);
		expect(Object.keys(rows[0] as object)).toEqual(expect.arrayContaining(['provider_npi', 'provider_name', 'list', 'list_date', 'match', 'score', 'status', 'excluded_from', 'reinstated_on', 'lines', 'paid_at_risk']));
		const id = rows[1]?.match_id as string;
		expect(() => cli(['screen', 'confirm', id])).toThrow(/--user NAME/);
		cli(['screen', 'confirm', id, '--user', 'auditor@example.test']);
		const flags = JSON.parse(cli(['flags', '--rule', 'excluded_provider', '--json'])) as { provider_npi: string; findings: number }[];
		expect(flags.map((r) => [r.provider_npi, r.findings]).sort()).toEqual([[P.exact, 2], [P.sunrise, 1]].sort());
		expect(cli(['audit-log', 'list', '--limit', '1'])).toMatch(/exclusion_decision/);
	});

	it.skipIf(!existsSync(chromiumPath()) && !process.env.CI)('claimlens screen --pdf writes the evidence as a PDF (headless Chromium)', () => {
		const cliDb = join(db.dir, 'cli.duckdb');
		const out = join(db.dir, 'screening.pdf');
		expect(() => execFileSync(process.execPath, ['bin/claimlens.js', 'screen', '--pdf', out, '--db', cliDb], { stdio: 'pipe' })).toThrow(/--user NAME/);
		execFileSync(process.execPath, ['bin/claimlens.js', 'screen', '--pdf', out, '--user', 'auditor@example.test', '--db', cliDb], { stdio: 'pipe' });
		const pdf = readFileSync(out);
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		// one page: two providers, two matches
		expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
	});
});
