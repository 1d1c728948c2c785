// The coder education loop on a hand-countable audit worksheet written below (one line per claim):
//   C1: 10 lines audited 2025-01-15, 7 correct (2 upcoded 99214 -> 99213, 1 modifier error);
//       education on 2025-02-01 on upcoding; 10 lines audited 2025-03-10, 9 correct (1 upcoded).
//   C2: 10 lines audited 2024-06-01, all correct (100%); education 2025-01-01.
//   C3: 4 lines audited 2025-06-20, 2 correct (50%).
//   C4: 1 line audited 2025-04-30 (correct), 2 lines audited 2025-05-01 (1 correct); education
//       on 2025-05-01: an audit on the education day counts after it.
// Line-accuracy intervals are 95% Wilson on the claim-clustered effective sample size
// (src/lib/server/stats/cluster.ts, as every line accuracy in ClaimLens). With one line per claim
// (y_i in {0, 1}), sum (y_i - p)^2 = n p (1 - p), so v_c = n/(n-1) x p(1-p)/n and the design
// effect is n/(n-1) = 10/9: n_eff = 9. Wilson for x of n (z = 1.959964, z^2 = 3.841459):
//   centre = (p + z^2/2n) / (1 + z^2/n), half = z sqrt(p(1-p)/n + z^2/4n^2) / (1 + z^2/n)
//   before 7/10: Wilson(6.3 of 9): denominator 1.426829, centre 0.640171, half 0.257682
//                -> 0.382489 .. 0.897853
//   after  9/10: Wilson(8.1 of 9): centre 0.780342, half 0.203079 -> 0.577263 .. 0.983421
//   upcoded share before 2/10: Wilson(1.8 of 9) -> 0.053276 .. 0.526211; after 1/10: Wilson(0.9 of 9)
//                -> 0.016579 .. 0.422737
// (independent-line Wilson on 7 of 10 would give 0.396778 .. 0.892209.)
// Re-audit on 2025-07-01 with the default bands (below 80% 30 d, 80-95% 90 d, 95%+ 365 d, 90 d
// after an education given after the last audit):
//   C1 latest 2025-03-10, round (90 days to it) 16/20 = 80% (on the bound: 80-95%) -> 90 days: 2025-06-08 (Mar 31 +21, Apr 30 +51, May 31 +82,
//      Jun 8 +90); overdue 23 days. The 2025-02-01 education is before that audit: no change.
//   C2 latest 2024-06-01 100% -> 365 days: 2025-06-01; education 2025-01-01 after it: + 90 days
//      = 2025-04-01 (Jan 31 +30, Feb 28 +58, Mar 31 +89, Apr 1 +90), earlier: overdue 91 days.
//   C3 latest 2025-06-20 50% -> 30 days: 2025-07-20; on time.
//   C4 latest 2025-05-01 1/2 = 50% -> 30 days: 2025-05-31; the education on the audit day is not
//      after it; overdue 31 days.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { addEducation, EducationRefused, listEducation, reauditStatus, type EducationWithEffect } from '../../src/lib/server/accuracy/education.ts';
import { getAccuracySettings, saveAccuracySettings, SettingsRefused } from '../../src/lib/server/accuracy/settings.ts';
import { accuracyBy } from '../../src/lib/server/accuracy/get-accuracy.ts';
import { DEFAULT_ACCURACY_SETTINGS } from '../../src/lib/schemas/accuracy.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const by = 'manager@example.test';

function worksheet(path: string): void {
	const rows = ['audit_id,claim_id,line_number,coder_id,auditor_id,audit_date,specialty,service_date,original_code,audited_code,original_modifiers,audited_modifiers'];
	let k = 0;
	// kind: ok | up (99214 billed, 99213 supported) | mod (modifier 25 added by the auditor)
	const line = (coder: string, audited: string, served: string, kind: 'ok' | 'up' | 'mod') => {
		k++;
		const [orig, aud, om, am] = kind === 'up' ? ['99214', '99213', '', ''] : kind === 'mod' ? ['99213', '99213', '', '25'] : ['99213', '99213', '', ''];
		rows.push(`A${k},CL${k},1,${coder},AU1,${audited},Internal Medicine,${served},${orig},${aud},${om},${am}`);
	};
	const many = (n: number, ...args: Parameters<typeof line>) => Array.from({ length: n }, () => line(...args));
	many(7, 'C1', '2025-01-15', '2025-01-05', 'ok');
	many(2, 'C1', '2025-01-15', '2025-01-05', 'up');
	line('C1', '2025-01-15', '2025-01-05', 'mod');
	many(9, 'C1', '2025-03-10', '2025-03-01', 'ok');
	line('C1', '2025-03-10', '2025-03-01', 'up');
	many(10, 'C2', '2024-06-01', '2024-05-20', 'ok');
	many(2, 'C3', '2025-06-20', '2025-06-10', 'ok');
	many(2, 'C3', '2025-06-20', '2025-06-10', 'up');
	line('C4', '2025-04-30', '2025-04-20', 'ok');
	line('C4', '2025-05-01', '2025-04-21', 'ok');
	line('C4', '2025-05-01', '2025-04-21', 'up');
	// C5: the audit round is the 90 days up to the latest audit day (2025-03-10): 2024-12-11 is in
	// it (day 90), 2024-12-10 is not (day 91)
	line('C5', '2024-12-10', '2024-12-01', 'up');
	line('C5', '2024-12-11', '2024-12-01', 'up');
	many(2, 'C5', '2025-03-10', '2025-03-01', 'ok');
	writeFileSync(path, `${rows.join('\n')}\n`);
}

beforeAll(async () => {
	const path = join(db.dir, 'audits.csv');
	worksheet(path);
	const r = await importFile(path, { kind: 'audits', dbPath: db.path });
	expect(r.rowsLoaded).toBe(41); // C1 20, C2 10, C3 4, C4 3, C5 4
	const today = '2025-07-01';
	await addEducation({ coder: 'C1', given_on: '2025-02-01', topic: 'E/M levels', error_classes: ['upcoded'] }, { by, dbPath: db.path, today });
	await addEducation({ coder: 'C2', given_on: '2025-01-01', topic: 'Modifier 25' }, { by, dbPath: db.path, today });
	await addEducation({ coder: 'C4', given_on: '2025-05-01', topic: 'E/M levels', error_classes: ['upcoded', 'modifier_error'], note: 'one to one' }, { by, dbPath: db.path, today });
});

const one = (rows: EducationWithEffect[], coder: string) => {
	const r = rows.find((x) => x.coder_id === coder);
	if (!r) throw new Error(`no education of ${coder}`);
	return r;
};

describe('accuracy before and after an education', () => {
	it('C1: 7/10 before, 9/10 after, with claim-clustered Wilson intervals worked by hand', async () => {
		const [e] = await listEducation({ coder: 'C1', dbPath: db.path });
		expect(e).toMatchObject({ coder_id: 'C1', given_on: '2025-02-01', topic: 'E/M levels', error_classes: ['upcoded'], recorded_by: by });
		expect(e?.before).toMatchObject({ from: null, to: '2025-02-01', lines: 10, correct: 7, claims: 10, accuracy: 0.7, class_errors: 2, class_error_share: 0.2 });
		expect(e?.after).toMatchObject({ from: '2025-02-01', to: null, lines: 10, correct: 9, claims: 10, accuracy: 0.9, class_errors: 1, class_error_share: 0.1 });
		expect(e?.before.low).toBeCloseTo(0.382489, 5);
		expect(e?.before.high).toBeCloseTo(0.897853, 5);
		expect(e?.after.low).toBeCloseTo(0.577263, 5);
		expect(e?.after.high).toBeCloseTo(0.983421, 5);
		expect(e?.before.class_error_low).toBeCloseTo(0.053276, 5);
		expect(e?.before.class_error_high).toBeCloseTo(0.526211, 5);
		expect(e?.after.class_error_low).toBeCloseTo(0.016579, 5);
		expect(e?.after.class_error_high).toBeCloseTo(0.422737, 5);
	});

	it('C4: an audit on the education day counts after it (before 1/1 on 2025-04-30, after 1/2)', async () => {
		const e = one(await listEducation({ dbPath: db.path }), 'C4');
		expect([e.before.lines, e.before.correct, e.after.lines, e.after.correct]).toEqual([1, 1, 2, 1]);
		// addressed upcoded and modifier_error: the one upcoded line of 2025-05-01
		expect([e.before.class_errors, e.after.class_errors]).toEqual([0, 1]);
		expect(e.note).toBe('one to one');
	});

	it('a later education splits the windows: the first one\'s after stops where the next one begins', async () => {
		const second = tempDb();
		try {
			const path = join(second.dir, 'audits.csv');
			worksheet(path);
			await importFile(path, { kind: 'audits', dbPath: second.path });
			// and 5 more C1 lines audited 2025-05-15, all correct
			const later = join(second.dir, 'later.csv');
			writeFileSync(later, ['audit_id,claim_id,line_number,coder_id,audit_date,service_date,original_code,audited_code', ...[1, 2, 3, 4, 5].map((i) => `L${i},LC${i},1,C1,2025-05-15,2025-05-01,99213,99213`)].join('\n') + '\n');
			await importFile(later, { kind: 'audits', dbPath: second.path });
			const opts = { by, dbPath: second.path, today: '2025-07-01' };
			await addEducation({ coder: 'C1', given_on: '2025-02-01', topic: 'first' }, opts);
			await addEducation({ coder: 'C1', given_on: '2025-04-01', topic: 'second' }, opts);
			const [latest, first] = await listEducation({ coder: 'C1', dbPath: second.path });
			// first: before = the 2025-01-15 audit, after = [2025-02-01, 2025-04-01) = the 2025-03-10 audit only
			expect([first?.topic, first?.before.lines, first?.after.lines, first?.after.correct, first?.after.to]).toEqual(['first', 10, 10, 9, '2025-04-01']);
			// second: before = [2025-02-01, 2025-04-01) = the 2025-03-10 audit; after = the 2025-05-15 lines
			expect([latest?.topic, latest?.before.from, latest?.before.lines, latest?.before.correct, latest?.after.lines, latest?.after.correct, latest?.after.to]).toEqual(['second', '2025-02-01', 10, 9, 5, 5, null]);
			// 5 of 5 on 5 claims: the exact end stays 1
			expect(latest?.after.high).toBe(1);
		} finally {
			second.cleanup();
		}
	});

	it('refuses a bad education with a message naming the value, and writes nothing', async () => {
		const opts = { by, dbPath: db.path, today: '2025-07-01' };
		await expect(addEducation({ coder: 'C1', given_on: '2025-02-30', topic: 'x' }, opts)).rejects.toThrow(/date 2025-02-30 is not a calendar date/);
		await expect(addEducation({ coder: 'C1', given_on: '2025-07-03', topic: 'x' }, opts)).rejects.toThrow(/date 2025-07-03 is in the future/);
		await expect(addEducation({ coder: 'C1', given_on: '2025-07-01', topic: ' ' }, opts)).rejects.toThrow(/^topic is required/);
		await expect(addEducation({ coder: 'C1', given_on: '2025-07-01', topic: 'x', error_classes: ['miscoded'] }, opts)).rejects.toThrow(EducationRefused);
		expect(await listEducation({ dbPath: db.path })).toHaveLength(3);
	});

	it('the audit trail has an education_add record per education', async () => {
		const rows = await db.query("SELECT email, target, details FROM audit_log WHERE action = 'education_add' ORDER BY seq");
		expect(rows.map((r) => r.target)).toEqual(['C1', 'C2', 'C4']);
		expect(rows[0]?.email).toBe(by);
		expect(JSON.parse(String(rows[0]?.details))).toMatchObject({ given_on: '2025-02-01', topic: 'E/M levels', error_classes: ['upcoded'] });
	});
});

describe('re-audit status', () => {
	it('overdue first (most days late first), with the band and the reason', async () => {
		const s = await reauditStatus({ today: '2025-07-01', dbPath: db.path });
		expect(s.coders.map((c) => [c.coder_id, c.band, c.due_on, c.overdue, c.days_overdue])).toEqual([
			['C2', '95% or more', '2025-04-01', true, 91],
			['C5', 'below 80%', '2025-04-09', true, 83],
			['C4', 'below 80%', '2025-05-31', true, 31],
			['C1', '80% to 95%', '2025-06-08', true, 23],
			['C3', 'below 80%', '2025-07-20', false, 0]
		]);
		const c1 = s.coders.find((c) => c.coder_id === 'C1');
		// C1's round: 2025-01-15 (7 of 10) and 2025-03-10 (9 of 10) = 16 of 20 = 80%, on the bound: 80-95%
		expect(c1).toMatchObject({ last_audit_on: '2025-03-10', latest_lines: 20, latest_correct: 16, score: 0.8, audited_lines: 20, educations: 1, last_education_on: '2025-02-01' });
		// C5's round: 2 of 3 (2024-12-10 falls outside), below 80%: 2025-03-10 + 30 = 2025-04-09
		expect(s.coders.find((c) => c.coder_id === 'C5')).toMatchObject({ latest_lines: 3, latest_correct: 2, audited_lines: 4 });
		expect(s.coders[0]?.basis).toMatch(/education on 2025-01-01, after that audit, brings it forward/);
		expect((await reauditStatus({ today: '2025-07-01', coder: 'C3', dbPath: db.path })).coders.map((c) => c.coder_id)).toEqual(['C3']);
	});
});

describe('settings', () => {
	it('defaults, a round trip, a refused value named, and the target used by below_target', async () => {
		expect(await getAccuracySettings(db.path)).toMatchObject({ ...DEFAULT_ACCURACY_SETTINGS, changed_by: null });
		// C1 overall 16/20 = 80%: below a 95% target (its interval's upper bound is under 95%)
		expect((await accuracyBy('coder', {}, db.path)).find((g) => g.group === 'C1')?.below_target).toBe(true);
		const bands = [{ below: 0.9, interval_days: 60 }, { below: 1, interval_days: 180 }];
		const saved = await saveAccuracySettings({ target: 0.8, bands, after_education_days: 45 }, { by, dbPath: db.path });
		expect(saved).toMatchObject({ target: 0.8, bands, after_education_days: 45, changed_by: by });
		expect(await getAccuracySettings(db.path)).toMatchObject({ target: 0.8, bands, after_education_days: 45 });
		// C1's upper bound is above 80%: no longer below target
		expect((await accuracyBy('coder', {}, db.path)).find((g) => g.group === 'C1')?.below_target).toBe(false);
		// the new bands drive the schedule: C3 at 50% -> 60 days after 2025-06-20 = 2025-08-19
		expect((await reauditStatus({ today: '2025-07-01', coder: 'C3', dbPath: db.path })).coders[0]).toMatchObject({ band: 'below 90%', due_on: '2025-08-19' });
		await expect(saveAccuracySettings({ target: 1.5 }, { by, dbPath: db.path })).rejects.toThrow(new SettingsRefused('target must be between 0.5 and 1 (50% to 100%), got 1.5'));
		await expect(saveAccuracySettings({ after_education_days: 2.5 }, { by, dbPath: db.path })).rejects.toThrow(/^after_education_days must be a whole number/);
		expect((await getAccuracySettings(db.path)).target).toBe(0.8);
		const audit = await db.query("SELECT details FROM audit_log WHERE action = 'education_settings'");
		expect(audit).toHaveLength(1);
		expect(JSON.parse(String(audit[0]?.details))).toMatchObject({ previous: { target: 0.95 }, next: { target: 0.8, after_education_days: 45 } });
		await saveAccuracySettings({ ...DEFAULT_ACCURACY_SETTINGS }, { by, dbPath: db.path });
	});
});

describe('claimlens education', () => {
	it('add, list --json, bands, status; --user required and bad values refused', () => {
		// the CLI is another process: its own database
		const cliDb = join(db.dir, 'cli.duckdb');
		const cli = (args: string[]) => execFileSync(process.execPath, ['bin/claimlens.js', ...args, '--db', cliDb], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		cli(['import', join(db.dir, 'audits.csv'), '--kind', 'audits']);
		expect(() => cli(['education', 'add', '--coder', 'C1', '--date', '2025-02-01', '--topic', 'E/M levels'])).toThrow(/--user EMAIL/);
		expect(() => cli(['education', 'add', '--coder', 'C1', '--date', '2025-02-01', '--topic', 'x', '--classes', 'upcoded,miscoded', '--user', by])).toThrow(/error class "miscoded"/);
		const added = JSON.parse(cli(['education', 'add', '--coder', 'C1', '--date', '2025-02-01', '--topic', 'E/M levels', '--classes', 'upcoded', '--user', by, '--json']));
		expect(added).toMatchObject({ coder_id: 'C1', given_on: '2025-02-01', error_classes: ['upcoded'], recorded_by: by });
		const listed = JSON.parse(cli(['education', 'list', '--coder', 'C1', '--json'])) as EducationWithEffect[];
		expect(listed.map((e) => [e.education_id, e.before.correct, e.before.lines, e.after.correct, e.after.lines])).toEqual([[added.education_id, 7, 10, 9, 10]]);
		expect(cli(['education', 'list'])).toMatch(/7\/10 70\.0% \(38\.2%-89\.8%\)\s+9\/10 90\.0% \(57\.7%-98\.3%\)/);
		expect(JSON.parse(cli(['education', 'bands', '--json']))).toMatchObject({ target: 0.95, after_education_days: 90 });
		expect(() => cli(['education', 'bands', '--target', '0.9'])).toThrow(/--user EMAIL/);
		expect(() => cli(['education', 'bands', '--bands', '0.8:30,0.7:90,1:365', '--user', by])).toThrow(/band 2: bound 70% must be above the previous band's 80%/);
		expect(JSON.parse(cli(['education', 'bands', '--bands', '0.9:30,1:120', '--user', by, '--json']))).toMatchObject({ target: 0.95, bands: [{ below: 0.9, interval_days: 30 }, { below: 1, interval_days: 120 }] });
		const status = JSON.parse(cli(['education', 'status', '--today', '2025-07-01', '--json'])) as { coder_id: string; overdue: boolean }[];
		expect(status[0]?.overdue).toBe(true);
		expect(cli(['audit-log', 'list', '--limit', '5'])).toMatch(/education_add/);
	});
});
