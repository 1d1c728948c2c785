// `claimlens case`, `cases`, `workplan` and `report` as an operator runs them (node
// bin/claimlens.js, one process per call), on the hand-counted peer fixture: provider 11 is the
// one em_established_level5 flag (tests/helpers/peer-fixture.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { closeDatabase } from '../../src/lib/server/db/database.ts';
import { chromiumPath } from '../../src/lib/server/reports/pdf.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi, writePeerFixture } from '../helpers/peer-fixture.ts';

const db = tempDb();
afterAll(() => db.cleanup());
const env = { ...process.env, TZ: 'UTC', CLAIMLENS_ROOT: process.cwd() };
const run = (args: string[]) => spawnSync(process.execPath, ['bin/claimlens.js', ...args, '--db', db.path], { cwd: process.cwd(), env, encoding: 'utf8' });
const ok = (args: string[]) => {
	const r = run(args);
	expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
	return r.stdout;
};

beforeAll(async () => {
	const path = join(db.dir, 'peers.csv');
	writePeerFixture(path);
	expect((await importFile(path, { dbPath: db.path })).rowsLoaded).toBe(1110);
	closeDatabase(db.path); // the CLI opens the file in its own process
	await new Promise((r) => setTimeout(r, 200));
});

describe('claimlens case / cases / workplan / report', () => {
	it('opens, notes and closes a case; every JSON row carries the issue\'s fields', () => {
		const opened = JSON.parse(ok(['case', 'open', '--npi', fixtureNpi(11), '--rule', 'em_established_level5', '--from', '2025-01-01', '--to', '2025-12-31', '--user', 'co@example.org', '--json']));
		expect(opened).toMatchObject({ case_id: 1, status: 'open', period_from: '2025-01-01', period_to: '2025-12-31' });
		ok(['case', 'note', '1', '--text', 'records requested', '--user', 'co@example.org']);
		const refused = run(['case', 'status', '1', '--status', 'closed', '--user', 'co@example.org']);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toContain('claimlens: closing a case needs an outcome: no_issue, education, refund, referred');
		ok(['case', 'status', '1', '--status', 'closed', '--outcome', 'refund', '--user', 'co@example.org']);
		const [row] = JSON.parse(ok(['cases', '--json'])) as Record<string, unknown>[];
		for (const k of ['case_id', 'provider_npi', 'rule_id', 'period_from', 'period_to', 'status', 'outcome', 'assignee', 'due_date', 'notes']) expect(row, k).toHaveProperty(k);
		expect(row).toMatchObject({ case_id: 1, provider_npi: fixtureNpi(11), rule_id: 'em_established_level5', status: 'closed', outcome: 'refund', assignee: null, due_date: null });
		expect((row?.notes as { text: string; author: string }[]).map((n) => [n.author, n.text])).toEqual([['co@example.org', 'records requested']]);
		expect(JSON.parse(ok(['cases', '--status', 'active', '--json']))).toEqual([]);
	});
	it('refuses bad input with the value named', () => {
		const bad = run(['case', 'open', '--npi', fixtureNpi(11), '--rule', 'em_established_level5', '--from', '2025-02-30', '--to', '2025-12-31', '--user', 'co@example.org']);
		expect(bad.status).toBe(1);
		expect(bad.stderr).toContain('--from: not a calendar date');
		const noUser = run(['case', 'note', '1', '--text', 'x']);
		expect(noUser.stderr).toContain('case note: --user EMAIL');
	});
	it('ranks the work plan', () => {
		const rows = JSON.parse(ok(['workplan', '--json'])) as Record<string, unknown>[];
		expect(rows[0]).toMatchObject({ rank: 1, provider_npi: fixtureNpi(11), measures_flagged: 1, flagged_rules: ['em_established_level5'], open_cases: 0, period_from: '2025-01-10', period_to: '2025-12-10' });
	});
	it.skipIf(!existsSync(chromiumPath()) && !process.env.CI)('writes a provider report PDF and records it in the audit trail', () => {
		const out = join(db.dir, 'provider.pdf');
		ok(['report', 'provider', fixtureNpi(11), '--out', out, '--user', 'co@example.org']);
		expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
		expect(ok(['audit-log', 'list', '--json'])).toContain('"action": "report"');
		const unknown = run(['report', 'provider', '1234567893', '--out', out, '--user', 'co@example.org']);
		expect(unknown.stderr).toContain('NPI 1234567893 has no result for any rule');
	});
});
