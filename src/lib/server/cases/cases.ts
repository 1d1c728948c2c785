// Review cases (issue 12): a flag (provider x rule x period) opened for review, worked through
// its statuses, noted, linked to the samples drawn for it and closed with an outcome. One module
// answers the Cases pages, GET /api/cases(.csv), the work plan and `claimlens case(s)`; every
// change is written to the database (queries/cases/*.sql) and to the audit trail.
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { dataVersion } from '../db/version-cache.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { allowed, type Role } from '../auth/roles.ts';
import { evaluateRules } from '../rules/evaluate.ts';
import { parsePeriod, PeriodError, type Period } from '../../period.ts';
import { compareFlag } from '../../cases-flag.ts';
import { caseStatuses, statusLabel, outcomeLabel, type CaseEvent, type CaseFilter, type CaseOutcome, type CaseStatus, type ReviewCase } from '../../schemas/cases.ts';
import type { FlagRow } from '../../schemas/flags.ts';

/** A refused change: the message says what and why (pages show it, the CLI prints it). */
export class CaseError extends Error {}
/** The actor lacks the permission (pages answer 403). */
export class CaseForbidden extends CaseError {}

/** Who acts. `role` undefined = the CLI at the database's own machine (like every CLI write). */
export interface Actor {
	email: string;
	userId?: string | null;
	role?: Role;
}

const need = (actor: Actor, permission: 'cases_work' | 'cases_manage', what: string) => {
	if (actor.role !== undefined && !allowed(permission, actor.role)) throw new CaseForbidden(`your role may not ${what}`);
};

const today = () => new Date().toISOString().slice(0, 10);

/** The current evaluation's row for a provider and rule: the flagged one first when peer groups differ. */
function currentRow(rows: FlagRow[], npi: string, ruleId: string): FlagRow | undefined {
	const mine = rows.filter((r) => r.provider_npi === npi && r.rule_id === ruleId);
	return mine.find((r) => r.flagged) ?? mine[0];
}

function toCase(r: Record<string, unknown>, rows: FlagRow[]): ReviewCase {
	const events = (r.events as CaseEvent[]).map((e) => ({ at: String(e.at), author: String(e.author), kind: e.kind, text: String(e.text) }));
	const snapshot = JSON.parse(String(r.snapshot)) as FlagRow;
	return {
		case_id: Number(r.case_id),
		provider_npi: String(r.provider_npi),
		provider_name: (r.provider_name as string | null) ?? null,
		rule_id: String(r.rule_id),
		rule_title: String(r.rule_title),
		period_from: String(r.period_from),
		period_to: String(r.period_to),
		status: r.status as CaseStatus,
		outcome: (r.outcome as CaseOutcome | null) ?? null,
		assignee: (r.assignee as string | null) ?? null,
		due_date: (r.due_date as string | null) ?? null,
		overdue: Boolean(r.overdue),
		opened_by: String(r.opened_by),
		opened_at: String(r.opened_at),
		closed_at: (r.closed_at as string | null) ?? null,
		notes: events.filter((e) => e.kind === 'note').map(({ at, author, text }) => ({ at, author, text })),
		history: events,
		samples: (r.samples as unknown[]).map(Number),
		snapshot: snapshot as unknown as Record<string, unknown>,
		data_version: String(r.data_version),
		flag_now: compareFlag(snapshot, currentRow(rows, String(r.provider_npi), String(r.rule_id)))
	};
}

/** The period a case's flag is evaluated over: every date, or its whole months. */
const casePeriod = (r: Record<string, unknown>): Period | null => (r.all_dates === false ? { from: String(r.period_from), to: String(r.period_to) } : null);

async function readCases(conn: DuckDBConnection, f: CaseFilter & { case_id?: number }, on: string, dbPath: string, me?: string): Promise<ReviewCase[]> {
	const active = f.status === 'active';
	const rows = await runQuery(conn, 'cases/list', {
		case_id: f.case_id ?? null,
		status: active ? null : (f.status ?? null),
		assignee: f.mine ? (me ?? '') : (f.assignee ?? null),
		rule_id: f.rule ?? null,
		provider_npi: f.npi ?? null,
		today: on,
		overdue: f.overdue ?? false
	});
	const kept = active ? rows.filter((r) => r.status !== 'closed') : rows;
	if (!kept.length) return [];
	// the flag now, over each case's own period (evaluations are cached per period)
	const byPeriod = new Map<string, FlagRow[]>();
	for (const r of kept) {
		const p = casePeriod(r);
		const key = p ? `${p.from}..${p.to}` : 'all';
		if (!byPeriod.has(key)) byPeriod.set(key, (await evaluateRules({ period: p, dbPath })).rows);
	}
	return kept.map((r) => {
		const p = casePeriod(r);
		return toCase(r, byPeriod.get(p ? `${p.from}..${p.to}` : 'all') as FlagRow[]);
	});
}

/**
 * The cases matching a filter, each with its notes, history, samples and how its flag has moved.
 * @param opts.me the signed-in user's e-mail (for mine=true); opts.today YYYY-MM-DD decides overdue (due date before today)
 */
export function listCases(filter: CaseFilter = {}, opts: { me?: string; today?: string; dbPath?: string } = {}): Promise<ReviewCase[]> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	return withConnection((conn) => readCases(conn, filter, opts.today ?? today(), dbPath, opts.me), dbPath);
}

/** Everyone a case is assigned to (the Cases page's filter), without evaluating flags. */
export async function caseAssignees(dbPath = defaultDbPath()): Promise<string[]> {
	return (await withConnection((conn) => runQuery(conn, 'cases/assignees'), dbPath)).map((r) => String(r.assignee));
}

/** The active (not closed) case of each provider and rule, keyed "NPI|rule_id": badges, without evaluating flags. */
export async function activeCaseIndex(dbPath = defaultDbPath()): Promise<Record<string, { case_id: number; status: CaseStatus }>> {
	const rows = await withConnection((conn) => runQuery(conn, 'cases/active_index'), dbPath);
	return Object.fromEntries(rows.map((r) => [`${r.provider_npi}|${r.rule_id}`, { case_id: Number(r.case_id), status: r.status as CaseStatus }]));
}

/** One case, or CaseError when there is none with this id. */
export async function getCase(caseId: number, opts: { today?: string; dbPath?: string } = {}): Promise<ReviewCase> {
	const [c] = await listCases({ case_id: caseId } as CaseFilter, opts);
	if (!c) throw new CaseError(`no case ${caseId}`);
	return c;
}

async function assignable(conn: DuckDBConnection, email: string): Promise<string> {
	const e = email.trim().toLowerCase();
	const [u] = await runQuery(conn, 'auth/user_by_email', { email: e });
	if (!u || u.disabled) throw new CaseError(`no enabled user ${e} to assign the case to`);
	if (!allowed('cases_work', u.role as Role)) throw new CaseError(`${e} is a ${String(u.role).replace('_', ' ')}, who cannot work cases: assign a compliance officer or an auditor`);
	return e;
}

async function addEvent(conn: DuckDBConnection, caseId: number, author: string, kind: CaseEvent['kind'], text: string) {
	await runQuery(conn, 'cases/event_insert', { case_id: caseId, author, kind, text });
}

/**
 * Opens a case on a provider's result for a rule, with the flag's statistics as they are now.
 * One active case per provider and rule: when one is not yet closed, or one has exactly this
 * period, that case is returned (existing: true) and nothing is written.
 * Period: --from/--to when given; else the first and last service date of the claim lines,
 * which is what every flag is computed over today.
 * @throws CaseError when the provider has no result for the rule, or the assignee cannot work cases
 */
export async function openCase(o: { npi: string; ruleId: string; from?: string; to?: string; assignee?: string; due?: string; note?: string; actor: Actor; dbPath?: string }): Promise<{ case: ReviewCase; existing: boolean }> {
	const dbPath = o.dbPath ?? defaultDbPath();
	need(o.actor, 'cases_work', 'open cases');
	if (o.assignee) need(o.actor, 'cases_manage', 'assign cases');
	// a period given is the flag's period (whole months); none = the flag over every service date
	let period: Period | null = null;
	try {
		period = o.from || o.to ? parsePeriod(o.from, o.to) : null;
	} catch (e) {
		if (e instanceof PeriodError) throw new CaseError(e.message);
		throw e;
	}
	const ev = await evaluateRules({ period, dbPath });
	const row = currentRow(ev.rows, o.npi, o.ruleId);
	if (!row) throw new CaseError(`NPI ${o.npi} has no result for rule ${o.ruleId}${period ? ` in ${period.from} to ${period.to}` : ''}: nothing to open a case on (see claimlens flags --all)`);
	const result = await withConnection(async (conn) => {
		const [range] = await runQuery(conn, 'cases/data_period');
		const from = period?.from ?? (range?.period_from as string | null) ?? today();
		const to = period?.to ?? (range?.period_to as string | null) ?? today();
		if (from > to) throw new CaseError(`the period starts (${from}) after it ends (${to})`);
		const [same] = await runQuery(conn, 'cases/find_key', { provider_npi: o.npi, rule_id: o.ruleId, period_from: from, period_to: to });
		const [active] = await runQuery(conn, 'cases/find_active', { provider_npi: o.npi, rule_id: o.ruleId });
		const found = active ?? (same && same.status !== 'closed' ? same : undefined);
		if (found) return { id: Number(found.case_id), existing: true };
		const assignee = o.assignee ? await assignable(conn, o.assignee) : null;
		const [ins] = await runQuery(conn, 'cases/insert', {
			provider_npi: o.npi, provider_name: row.provider_name, rule_id: o.ruleId, rule_title: row.title, period_from: from, period_to: to,
			all_dates: period === null, assignee, due_date: o.due ?? null, opened_by: o.actor.email, snapshot: JSON.stringify(row), data_version: await dataVersion(conn)
		});
		const id = Number(ins?.case_id);
		await addEvent(conn, id, o.actor.email, 'opened', `opened on ${row.flagged ? `a ${row.severity} flag` : 'a result that is not flagged'} for ${from} to ${to}${assignee ? `, assigned to ${assignee}` : ''}${o.due ? `, due ${o.due}` : ''}`);
		if (o.note?.trim()) await addEvent(conn, id, o.actor.email, 'note', o.note.trim());
		return { id, existing: false };
	}, dbPath);
	if (!result.existing) await appendAudit({ userId: o.actor.userId ?? null, email: o.actor.email, action: 'case_open', target: String(result.id), details: { provider_npi: o.npi, rule_id: o.ruleId, flagged: row.flagged, assignee: o.assignee ?? null } }, dbPath);
	return { case: await getCase(result.id, { dbPath }), existing: result.existing };
}

/** Appends a note (notes are never edited or removed). */
export async function addNote(caseId: number, text: string, actor: Actor, dbPath = defaultDbPath()): Promise<ReviewCase> {
	need(actor, 'cases_work', 'add notes');
	const t = text.trim();
	if (!t) throw new CaseError('the note is empty');
	if (t.length > 4000) throw new CaseError(`the note has ${t.length} characters; at most 4000`);
	await getCase(caseId, { dbPath });
	await withConnection((conn) => addEvent(conn, caseId, actor.email, 'note', t), dbPath);
	await appendAudit({ userId: actor.userId ?? null, email: actor.email, action: 'case_note', target: String(caseId), details: { characters: t.length } }, dbPath);
	return getCase(caseId, { dbPath });
}

/**
 * Moves a case to a status. Closing needs an outcome and the cases_manage permission, as does
 * reopening a closed case; an outcome is refused on a case that is not being closed.
 */
export async function setStatus(caseId: number, status: CaseStatus, outcome: CaseOutcome | null, actor: Actor, dbPath = defaultDbPath()): Promise<ReviewCase> {
	const c = await getCase(caseId, { dbPath });
	if (status === 'closed' || c.status === 'closed') need(actor, 'cases_manage', status === 'closed' ? 'close cases' : 'reopen closed cases');
	else need(actor, 'cases_work', 'change a case\'s status');
	if (status === 'closed' && !outcome) throw new CaseError(`closing a case needs an outcome: ${Object.keys(outcomeLabel).join(', ')}`);
	if (status !== 'closed' && outcome) throw new CaseError('an outcome is recorded only when the case is closed');
	if (status === c.status && outcome === c.outcome) return c;
	await withConnection(async (conn) => {
		await runQuery(conn, 'cases/update', { case_id: caseId, status, outcome, assignee: c.assignee, due_date: c.due_date });
		await addEvent(conn, caseId, actor.email, 'status', `${statusLabel[c.status]} → ${statusLabel[status]}${outcome ? ` (outcome: ${outcomeLabel[outcome]})` : ''}`);
	}, dbPath);
	await appendAudit({ userId: actor.userId ?? null, email: actor.email, action: 'case_update', target: String(caseId), details: { status, previous: c.status, outcome } }, dbPath);
	return getCase(caseId, { dbPath });
}

/** Assigns a case (null = nobody) and sets its due date (YYYY-MM-DD or null). */
export async function assignCase(caseId: number, assignee: string | null, due: string | null, actor: Actor, dbPath = defaultDbPath()): Promise<ReviewCase> {
	need(actor, 'cases_manage', 'assign cases or set due dates');
	const c = await getCase(caseId, { dbPath });
	await withConnection(async (conn) => {
		const who = assignee ? await assignable(conn, assignee) : null;
		await runQuery(conn, 'cases/update', { case_id: caseId, status: c.status, outcome: c.outcome, assignee: who, due_date: due });
		if (who !== c.assignee) await addEvent(conn, caseId, actor.email, 'assign', who ? `assigned to ${who}` : 'unassigned');
		if (due !== c.due_date) await addEvent(conn, caseId, actor.email, 'due', due ? `due ${due}` : 'no due date');
	}, dbPath);
	await appendAudit({ userId: actor.userId ?? null, email: actor.email, action: 'case_update', target: String(caseId), details: { assignee, due_date: due, previous_assignee: c.assignee, previous_due_date: c.due_date } }, dbPath);
	return getCase(caseId, { dbPath });
}

/** Links an audit sample (drawn for this case) to it. @throws CaseError when no such sample */
export async function linkSample(caseId: number, sampleId: number, actor: Actor, dbPath = defaultDbPath()): Promise<ReviewCase> {
	need(actor, 'cases_work', 'link samples');
	const c = await getCase(caseId, { dbPath });
	if (c.samples.includes(sampleId)) return c;
	await withConnection(async (conn) => {
		const [s] = await runQuery(conn, 'sampling/sample_exists', { sample_id: sampleId });
		if (!s) throw new CaseError(`no sample ${sampleId}`);
		await runQuery(conn, 'cases/sample_link', { case_id: caseId, sample_id: sampleId, linked_by: actor.email });
		await addEvent(conn, caseId, actor.email, 'sample', `sample ${sampleId} linked`);
	}, dbPath);
	await appendAudit({ userId: actor.userId ?? null, email: actor.email, action: 'case_link', target: String(caseId), details: { sample_id: sampleId } }, dbPath);
	return getCase(caseId, { dbPath });
}

export { caseStatuses };
