// Review cases (issue 12) on the hand-counted peer fixture (tests/helpers/peer-fixture.ts):
// provider 11 bills 60 of 100 established visits at 99215 and is the one flag of
// em_established_level5. Life cycle, roles, overdue, the audit trail, and a case that survives
// an import which clears its flag.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { addUser } from '../../src/lib/server/auth/users.ts';
import { addNote, assignCase, CaseError, CaseForbidden, getCase, linkSample, listCases, openCase, setStatus, type Actor } from '../../src/lib/server/cases/cases.ts';
import { getWorkplan, openWorkplanCases } from '../../src/lib/server/cases/workplan.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi, writePeerFixture } from '../helpers/peer-fixture.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const RULE = 'em_established_level5';
const co: Actor = { email: 'co@example.org', role: 'compliance_officer' };
const aud: Actor = { email: 'aud@example.org', role: 'auditor' };
const cm: Actor = { email: 'cm@example.org', role: 'coding_manager' };
let id = 0;

beforeAll(async () => {
	const path = join(db.dir, 'peers.csv');
	writePeerFixture(path);
	expect((await importFile(path, { dbPath: db.path })).rowsLoaded).toBe(1110);
	for (const [email, role] of [['co@example.org', 'compliance_officer'], ['aud@example.org', 'auditor'], ['cm@example.org', 'coding_manager']] as const) await addUser({ email, role, password: 'a-long-enough-password', dbPath: db.path });
});

describe('case life cycle', () => {
	it('opens a case on the flag with its statistics and the data period', async () => {
		await expect(openCase({ npi: fixtureNpi(11), ruleId: RULE, actor: cm, dbPath: db.path })).rejects.toBeInstanceOf(CaseForbidden);
		const { case: c, existing } = await openCase({ npi: fixtureNpi(11), ruleId: RULE, actor: aud, note: 'level 5 share four times the peers', dbPath: db.path });
		id = c.case_id;
		expect(existing).toBe(false);
		// the fixture's visits fall on the 10th of each month of 2025
		expect(c).toMatchObject({ provider_npi: fixtureNpi(11), rule_id: RULE, period_from: '2025-01-10', period_to: '2025-12-10', status: 'open', outcome: null, assignee: null, due_date: null, opened_by: 'aud@example.org', samples: [] });
		expect(c.snapshot).toMatchObject({ numerator: 60, denominator: 100, rate: 0.6, flagged: true });
		expect(c.notes.map((n) => [n.author, n.text])).toEqual([['aud@example.org', 'level 5 share four times the peers']]);
		expect(c.flag_now).toMatchObject({ state: 'flagged', changes: [] });
	});
	it('opening the same flag again returns the active case', async () => {
		const again = await openCase({ npi: fixtureNpi(11), ruleId: RULE, actor: co, dbPath: db.path });
		expect(again).toMatchObject({ existing: true, case: { case_id: id } });
		// another period (as after an import widens the data): still the one active case
		const other = await openCase({ npi: fixtureNpi(11), ruleId: RULE, from: '2025-04-01', to: '2025-06-30', actor: co, dbPath: db.path });
		expect(other).toMatchObject({ existing: true, case: { case_id: id, period_from: '2025-01-10' } });
		expect(await listCases({}, { dbPath: db.path })).toHaveLength(1);
	});
	it('refuses a provider with no result for the rule', async () => {
		await expect(openCase({ npi: '1234567893', ruleId: RULE, actor: co, dbPath: db.path })).rejects.toThrow('NPI 1234567893 has no result for rule em_established_level5');
	});
	it('assigns only as a compliance officer, and only to someone who can work cases', async () => {
		await expect(assignCase(id, 'aud@example.org', '2025-06-30', aud, db.path)).rejects.toBeInstanceOf(CaseForbidden);
		await expect(assignCase(id, 'cm@example.org', null, co, db.path)).rejects.toThrow('cm@example.org is a coding manager, who cannot work cases');
		await expect(assignCase(id, 'nobody@example.org', null, co, db.path)).rejects.toThrow('no enabled user nobody@example.org');
		const c = await assignCase(id, 'AUD@example.org', '2025-06-30', co, db.path);
		expect(c).toMatchObject({ assignee: 'aud@example.org', due_date: '2025-06-30' });
	});
	it('is overdue the day after its due date, not on it', async () => {
		expect((await listCases({ overdue: true }, { today: '2025-06-30', dbPath: db.path })).length).toBe(0);
		expect((await listCases({ overdue: true }, { today: '2025-07-01', dbPath: db.path })).map((c) => c.case_id)).toEqual([id]);
		expect((await listCases({ mine: true }, { me: 'aud@example.org', dbPath: db.path })).length).toBe(1);
		expect((await listCases({ mine: true }, { me: 'co@example.org', dbPath: db.path })).length).toBe(0);
	});
	it('keeps notes append-only with author and time, and moves through review', async () => {
		await expect(addNote(id, '   ', aud, db.path)).rejects.toThrow('the note is empty');
		await addNote(id, 'records requested from the practice', aud, db.path);
		const c = await setStatus(id, 'records_requested', null, aud, db.path);
		expect(c.status).toBe('records_requested');
		expect(c.notes.map((n) => n.text)).toEqual(['level 5 share four times the peers', 'records requested from the practice']);
		expect(c.history.map((e) => e.kind)).toEqual(['opened', 'note', 'assign', 'due', 'note', 'status']);
		expect(c.history[5]?.text).toBe('Open → Records requested');
		expect(c.notes[1]?.at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
	});
	it('links only samples that exist', async () => {
		await expect(linkSample(id, 99, aud, db.path)).rejects.toThrow('no sample 99');
	});
	it('closes only with an outcome, and only as a compliance officer', async () => {
		await expect(setStatus(id, 'closed', 'refund', aud, db.path)).rejects.toBeInstanceOf(CaseForbidden);
		await expect(setStatus(id, 'closed', null, co, db.path)).rejects.toThrow('closing a case needs an outcome');
		await expect(setStatus(id, 'in_review', 'refund', co, db.path)).rejects.toBeInstanceOf(CaseError);
		const c = await setStatus(id, 'closed', 'refund', co, db.path);
		expect(c).toMatchObject({ status: 'closed', outcome: 'refund', overdue: false });
		expect(c.closed_at).not.toBeNull();
		expect((await listCases({ status: 'active' }, { dbPath: db.path })).length).toBe(0);
		// reopening is the compliance officer's too
		await expect(setStatus(id, 'in_review', null, aud, db.path)).rejects.toBeInstanceOf(CaseForbidden);
	});
	it('writes every change to the audit trail', async () => {
		const rows = await db.query(`SELECT action, target FROM audit_log WHERE action LIKE 'case_%' ORDER BY seq`);
		expect(rows.map((r) => r.action)).toEqual(['case_open', 'case_update', 'case_note', 'case_update', 'case_update']);
		expect(new Set(rows.map((r) => r.target))).toEqual(new Set([String(id)]));
	});
});

describe('work plan and cases after an import', () => {
	it('ranks the flagged provider and counts its open cases', async () => {
		const w = await getWorkplan({ dbPath: db.path });
		expect(w.rows[0]).toMatchObject({ rank: 1, provider_npi: fixtureNpi(11), measures_flagged: 1, flagged_rules: [RULE], open_cases: 0 });
		const opened = await openWorkplanCases([fixtureNpi(11)], co, db.path);
		// the first case is closed, so a new one opens for the same flag
		expect(opened).toEqual([{ provider_npi: fixtureNpi(11), opened: [id + 1], existing: [] }]);
		expect((await getWorkplan({ dbPath: db.path })).rows[0]?.open_cases).toBe(1);
		expect(await openWorkplanCases([fixtureNpi(11)], co, db.path)).toEqual([{ provider_npi: fixtureNpi(11), opened: [], existing: [id + 1] }]);
	});
	it('keeps the cases and says the flag cleared when an import dilutes it', async () => {
		// 400 more 99214 visits for provider 11: 60 / 500 = 12.0%, under the peers' 15%
		const lines = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount'];
		for (let v = 0; v < 400; v++) lines.push(`M${v},1,PM${v},${fixtureNpi(11)},"Doc 11",Internal Medicine,2025-06-11,99214,131.00`);
		const path = join(db.dir, 'more.csv');
		writeFileSync(path, `${lines.join('\n')}\n`);
		expect((await importFile(path, { dbPath: db.path })).rowsLoaded).toBe(400);
		const cases = await listCases({}, { dbPath: db.path });
		expect(cases.map((c) => [c.case_id, c.status])).toEqual([[id + 1, 'open'], [id, 'closed']]);
		const c = await getCase(id + 1, { dbPath: db.path });
		expect(c.flag_now.state).toBe('cleared');
		expect(c.flag_now.changes.slice(0, 3)).toEqual(['no longer flagged', 'rate 60.0% → 12.0%', 'services 60 / 100 → 60 / 500']);
		expect(c.snapshot).toMatchObject({ numerator: 60, denominator: 100 });
	});
});
