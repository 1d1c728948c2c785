// PDF reports (issue 12), printed by headless Chromium and read back with pdf.js: the figures in
// the PDF itself, each worked out by hand.
// - Provider report on the peer fixture (tests/helpers/peer-fixture.ts): provider 11 bills 60 of
//   100 visits at 99215; leave-one-out peer rate (218 - 60) / (1,110 - 100) = 158 / 1,010;
//   dollars at risk = (60 - 100 x 158/1,010) x $53 (99215 - 99214 mean allowed) = $2,350.89;
//   every visit is its own claim: 60 claims, 60 lines behind the flag.
// - Coder scorecard, coder C1 of tests/fixtures/audits_accuracy.csv: 4 of 9 lines correct
//   (44.4%), claim accuracy 1 / 4 = 25.0%, dx 8 / 10 = 80.0% (tests/integration/accuracy.test.ts),
//   line interval 13.4% to 80.6% (claim-clustered Wilson, same file).
// - Appraisal: a census of provider A's twelve 99215 lines in tests/fixtures/sampling_claims.csv
//   (paid 50, 60, 70, 80, 90, 100, 150, 200, 250, 300, 400, 500: $2,250.00); the two largest
//   audited at $0, the rest as paid: audited $1,350.00, difference $900.00, 2 nonzero
//   differences; a census has no sampling error, so every limit is the point estimate.
import { existsSync, writeFileSync } from 'node:fs';
import { claimsBehind } from '../../src/lib/server/reports/provider.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { chromiumPath, htmlToPdf } from '../../src/lib/server/reports/pdf.ts';
import { reportById } from '../../src/lib/server/reports/registry.ts';
import { ReportError } from '../../src/lib/server/reports/types.ts';
import { openCase, setStatus } from '../../src/lib/server/cases/cases.ts';
import { addEducation } from '../../src/lib/server/accuracy/education.ts';
import { createFrame, parseDefinition } from '../../src/lib/server/sampling/frames.ts';
import { drawSample } from '../../src/lib/server/sampling/draw.ts';
import { importFindings } from '../../src/lib/server/sampling/findings.ts';
import { DrawRequest } from '../../src/lib/schemas/sampling.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi, writePeerFixture } from '../helpers/peer-fixture.ts';
import { pdfText } from '../helpers/pdf-text.ts';

const noBrowser = !existsSync(chromiumPath()) && !process.env.CI;
const db = tempDb();
const sdb = tempDb();
afterAll(() => {
	db.cleanup();
	sdb.cleanup();
});
const AT = '2026-01-05T09:30:00.000Z';
const ctx = (dbPath: string) => ({ by: 'tester@example.org', at: AT, dbPath });

async function pdf(id: string, params: Record<string, unknown>, dbPath: string): Promise<string> {
	const r = reportById(id)!;
	const built = await r.build(r.params.parse(params), ctx(dbPath));
	const bytes = await htmlToPdf(built.html);
	expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
	return (await pdfText(bytes)).join(' ');
}

let sampleId = 0;
beforeAll(async () => {
	const path = join(db.dir, 'peers.csv');
	writePeerFixture(path);
	expect((await importFile(path, { dbPath: db.path })).rowsLoaded).toBe(1110);
	expect((await importFile('tests/fixtures/audits_accuracy.csv', { dbPath: db.path })).rowsLoaded).toBe(14);
	await openCase({ npi: fixtureNpi(11), ruleId: 'em_established_level5', actor: { email: 'co@example.org' }, dbPath: db.path });
	await addEducation({ coder: 'C1', given_on: '2025-03-01', topic: 'E/M level selection', error_classes: ['upcoded'] }, { by: 'cm@example.org', dbPath: db.path, today: '2026-01-05' });
	expect((await importFile('tests/fixtures/sampling_claims.csv', { dbPath: sdb.path })).rowsLoaded).toBe(32);
	const f = await createFrame(parseDefinition({ name: 'Census of A 99215', npis: ['1234567893'], codes: ['99215'] }), { dbPath: sdb.path });
	const m = await drawSample(f.frame_id, DrawRequest.parse({ size: 12, seed: 7 }), { dbPath: sdb.path });
	sampleId = m.sample_id;
	const rows = m.units.filter((u) => u.role === 'sample').map((u) => `${u.item},${u.examined_amount >= 400 ? 0 : u.examined_amount}`);
	await importFindings(m.sample_id, `item,audited_amount\n${rows.join('\n')}\n`, { dbPath: sdb.path });
});

describe.skipIf(noBrowser)('PDF reports: the figures in the PDF', () => {
	it('provider report: every rule, the flag with its dollars and claims, the case, period and who made it', async () => {
		const t = await pdf('provider', { npi: fixtureNpi(11) }, db.path);
		expect(t).toContain('Provider report: Doc 11');
		expect(t).toContain('Period: service dates 2025-01-10 to 2025-12-10 (all imported claim lines)');
		expect(t).toContain(`Filters: Provider: ${fixtureNpi(11)}`);
		expect(t).toContain('Data version: 2:2:0 · 2 imports, newest #2 (audits_accuracy.csv');
		expect(t).toContain('Generated 2026-01-05 09:30:00 UTC by tester@example.org');
		expect(t).toContain('60.0% (60 / 100)');
		expect(t).toContain('$2,350.89');
		expect(t).toContain('60 claims (60 lines)');
		expect(t).toContain('Open cases 1');
		expect(t).toMatch(/#1 Level-5 established-patient visits 2025-01-10 to 2025-12-10 Open/);
	});
	it('provider report for a quarter: its period and the quarter\'s counts', async () => {
		// the fixture's visit v falls in month v % 12 + 1: Q1 holds v % 12 in {0, 1, 2}: 9 + 9 + 9 = 27
		// visits (100 = 8 x 12 + 4, so remainders 0-3 get 9), 15 of them at 99215 (v < 60: 5 each)
		const t = await pdf('provider', { npi: fixtureNpi(11), from: '2025-01-01', to: '2025-03-31' }, db.path);
		expect(t).toContain('Period: service dates 2025-01-01 to 2025-03-31 (2025-Q1)');
		expect(t).toContain('55.6% (15 / 27)');
		await expect(reportById('provider')!.build({ npi: fixtureNpi(11), from: '2025-01-02', to: '2025-03-31' }, ctx(db.path))).rejects.toThrow('from: 2025-01-02 is not the first day of a month');
	});
	it('committee pack: top flags, work plan, accuracy, open cases', async () => {
		const t = await pdf('committee', {}, db.path);
		expect(t).toContain('Compliance committee pack');
		expect(t).toContain('cases as of 2026-01-05');
		expect(t).toMatch(/Audit work plan RANK PROVIDER MEASURES FLAGGED RULES DOLLARS AT RISK HIGHEST OPEN CASES 1 Doc 11 NPI \d{10} 1 of \d+ em_established_level5 \$2,350\.89/);
		// 14 audited lines, 6 correct (C1 4 of 9, C2 2 of 5)
		expect(t).toContain('6 of 14 audited lines correct: 42.9%');
		expect(t).toMatch(/Open review cases CASE PROVIDER RULE STATUS ASSIGNEE DUE FLAG NOW #1 Doc 11 NPI \d{10} Level-5 established-patient visits Open/);
	});
	it('coder scorecard: accuracy with intervals, target, error classes, education', async () => {
		const t = await pdf('coder', { coder: 'C1' }, db.path);
		expect(t).toContain('Coder scorecard: C1');
		expect(t).toContain('Line accuracy 44.4% 13.4% to 80.6%');
		expect(t).toContain('Claim accuracy 25.0%');
		expect(t).toContain('Target 95.0% below target');
		expect(t).toContain('4 of 9 audited lines correct on 4 claims');
		expect(t).toContain('upcoded 1');
		expect(t).toContain('2025-03-01 E/M level selection by cm@example.org upcoded');
	});
	it('appraisal report: examined, audited and difference side by side, nonzero differences, the items', async () => {
		const t = await pdf('appraisal', { sample: sampleId }, sdb.path);
		expect(t).toContain(`Appraisal: Census of A 99215 (sample ${sampleId})`);
		expect(t).toContain('Universe size 12 Sample size 12 Reviewed 12 Nonzero differences 2');
		expect(t).toContain('Sample total $2,250.00 $1,350.00 $900.00');
		expect(t).toContain('Point estimate $2,250.00 $1,350.00 $900.00');
		expect(t).toContain('Standard error $0.00 $0.00 $0.00');
		expect(t).toContain('90% confidence : lower limit $2,250.00 $1,350.00 $900.00');
		expect(t).toContain('Run date: 2026-01-05 09:30:00 UTC');
		// item listing: the $500 line audited at $0 (an error: the finding has a difference)
		expect(t).toMatch(/A12:1 \$500\.00 \$0\.00 \$500\.00 yes/);
		expect(t).toMatch(/A01:1 \$50\.00 \$50\.00 \$0\.00 no/);
		// attribute: 2 errors of 12 in a census: 16.67% exactly
		expect(t).toContain('Errors in the sample 2 of 12 Error rate (point estimate) 16.67%');
	});
	it('appraisal report of a sample (not a census): the sample\'s own totals beside the projections', async () => {
		// 8 of the 12 lines (seed 7); the items at $250 or more audited at $0, the rest as paid. The
		// printed sample totals are the items' sums; the examined point estimate projects them, x 12 / 8
		const f = await createFrame(parseDefinition({ name: 'Eight of A 99215', npis: ['1234567893'], codes: ['99215'] }), { dbPath: sdb.path });
		const m = await drawSample(f.frame_id, DrawRequest.parse({ size: 8, seed: 7 }), { dbPath: sdb.path });
		const units = m.units.filter((u) => u.role === 'sample');
		await importFindings(m.sample_id, `item,audited_amount\n${units.map((u) => `${u.item},${u.examined_amount >= 250 ? 0 : u.examined_amount}`).join('\n')}\n`, { dbPath: sdb.path });
		const examined = units.reduce((t, u) => t + u.examined_amount, 0);
		const audited = units.reduce((t, u) => t + (u.examined_amount >= 250 ? 0 : u.examined_amount), 0);
		const usd = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
		const t = await pdf('appraisal', { sample: m.sample_id }, sdb.path);
		expect(t).toContain(`Sample total ${usd(examined)} ${usd(audited)} ${usd(examined - audited)}`);
		expect(t).toContain(`Mean ${usd(examined / 8)} ${usd(audited / 8)} ${usd((examined - audited) / 8)}`);
		expect(t).toContain(`Point estimate ${usd((examined * 12) / 8)} ${usd((audited * 12) / 8)}`);
		expect(examined).toBeLessThan(2250);
	});
	it('counts the claims behind a flag once each, however many of its lines are behind it', async () => {
		// three claims with two 99215 lines each and one 99214 claim: 6 numerator lines on 3 claims
		const rows = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount'];
		for (const c of ['Q1', 'Q2', 'Q3']) for (const l of [1, 2]) rows.push(`${c},${l},P${c},1234567893,"Q, Doc",Internal Medicine,2025-03-0${l},99215,184.00`);
		rows.push('Q4,1,PQ4,1234567893,"Q, Doc",Internal Medicine,2025-03-04,99214,131.00');
		const q = tempDb();
		writeFileSync(join(q.dir, 'q.csv'), `${rows.join('\n')}\n`);
		await importFile(join(q.dir, 'q.csv'), { dbPath: q.path });
		expect(await claimsBehind('1234567893', 'em_established_level5', q.path)).toEqual({ lines: 6, claims: 3 });
		q.cleanup();
	});
	it('committee pack: recently closed cases, the last closed first', async () => {
		const co = { email: 'co@example.org', role: 'compliance_officer' as const };
		const a = (await openCase({ npi: fixtureNpi(1), ruleId: 'em_established_level5', actor: co, dbPath: db.path })).case.case_id;
		const b = (await openCase({ npi: fixtureNpi(2), ruleId: 'em_established_level5', actor: co, dbPath: db.path })).case.case_id;
		await setStatus(b, 'closed', 'no_issue', co, db.path);
		await new Promise((r) => setTimeout(r, 1100)); // closed_at has whole seconds
		await setStatus(a, 'closed', 'education', co, db.path);
		const { html } = await reportById('committee')!.build({ top: 15 }, ctx(db.path));
		const closed = html.slice(html.indexOf('Recently closed cases'));
		expect(closed.indexOf(`#${a}<`)).toBeGreaterThan(0);
		expect(closed.indexOf(`#${a}<`)).toBeLessThan(closed.indexOf(`#${b}<`));
	});
	it('refuses what it cannot report', async () => {
		await expect(reportById('provider')!.build({ npi: '1234567893' }, ctx(db.path))).rejects.toBeInstanceOf(ReportError);
		await expect(reportById('coder')!.build({ coder: 'NOBODY' }, ctx(db.path))).rejects.toThrow('no audited lines for coder NOBODY');
		await expect(reportById('appraisal')!.build({ sample: 999 }, ctx(sdb.path))).rejects.toBeInstanceOf(ReportError);
	});
});
