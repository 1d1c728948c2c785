// The coder education loop (issue "coder education", part 3): educations a coding manager
// records (database and audit trail), each with the coder's line accuracy before and after it,
// and who is due for re-audit. One function per question, shared by the coder page, the
// Education page, `claimlens education` and the PDF reports. SQL: queries/education/*.sql, on
// a withAccuracy connection so that lines are classified by queries/accuracy/prepare.sql.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import type { Row } from '../db/normalize.ts';
import { appendAudit } from '../audit/audit-log.ts';
import { clusteredWilson } from '../stats/cluster.ts';
import { withAccuracy } from './connection.ts';
import { readAccuracySettings, type SavedAccuracySettings } from './settings.ts';
import { addDays, reauditDue, type ReauditDecision } from './reaudit.ts';
import { EducationInput, firstIssue, type ErrorClass } from '../../schemas/accuracy.ts';

/** An education could not be recorded; the message names the value (nothing was written). */
export class EducationRefused extends Error {}

/**
 * The latest audit round whose line accuracy picks the re-audit band: the coder's lines audited in
 * the 90 days (a quarter, the middle band's cadence) up to and including the latest audit day.
 */
export const REAUDIT_ROUND_DAYS = 90;

export interface EducationRecord {
	education_id: number;
	coder_id: string;
	/** YYYY-MM-DD */
	given_on: string;
	topic: string;
	error_classes: ErrorClass[];
	note: string | null;
	recorded_by: string;
	/** ISO timestamp, UTC */
	recorded_at: string;
}

/**
 * The coder's audited lines on one side of an education (queries/education/list.sql windows:
 * before = [previous education day, education day), after = [education day, next education day)).
 * Intervals are 95% Wilson on the claim-clustered effective sample size (stats/cluster.ts), as
 * every line accuracy in ClaimLens (groups.ts); all rates are fractions, null without lines.
 */
export interface EducationWindow {
	/** first day of the window (inclusive), null = from the coder's first audit */
	from: string | null;
	/** end of the window (exclusive), null = up to today */
	to: string | null;
	lines: number;
	correct: number;
	claims: number;
	accuracy: number | null;
	low: number | null;
	high: number | null;
	/** lines with an error class the education addressed, and their share of the window's lines */
	class_errors: number;
	class_error_share: number | null;
	class_error_low: number | null;
	class_error_high: number | null;
}

export interface EducationWithEffect extends EducationRecord {
	before: EducationWindow;
	after: EducationWindow;
}

export interface ReauditRow extends ReauditDecision {
	coder_id: string;
	last_audit_on: string | null;
	/** lines of the latest audit round (REAUDIT_ROUND_DAYS up to the latest audit day), and their correct ones (the score's counts) */
	latest_lines: number;
	latest_correct: number;
	/** every audited line of the coder */
	audited_lines: number;
	educations: number;
	last_education_on: string | null;
}

export interface ReauditStatus {
	/** the day the decisions were made for (YYYY-MM-DD, UTC) */
	today: string;
	settings: SavedAccuracySettings;
	/** overdue first (most days late first), then by due date, then coder */
	coders: ReauditRow[];
}

const utcToday = () => new Date().toISOString().slice(0, 10);

function toRecord(r: Row): EducationRecord {
	return {
		education_id: Number(r.education_id),
		coder_id: String(r.coder_id),
		given_on: String(r.given_on),
		topic: String(r.topic),
		error_classes: (r.error_classes ?? []) as ErrorClass[],
		note: r.note === null ? null : String(r.note),
		recorded_by: String(r.recorded_by),
		recorded_at: String(r.recorded_at)
	};
}

function toWindow(r: Row, side: 'before' | 'after'): EducationWindow {
	const n = (k: string) => Number(r[`${side}_${k}`] ?? 0);
	const lines = n('lines');
	const correct = n('correct');
	const classErrors = n('class_errors');
	const claims = n('claims');
	const acc = clusteredWilson({ lines, correct, claims, sum_y2: n('sum_y2'), sum_ym: n('sum_ym'), sum_m2: n('sum_m2') });
	// the class-error share is the same ratio with c (class errors per claim) in place of y
	const cls = clusteredWilson({ lines, correct: classErrors, claims, sum_y2: n('sum_c2'), sum_ym: n('sum_cm'), sum_m2: n('sum_m2') });
	return {
		from: side === 'before' ? (r.before_from === null ? null : String(r.before_from)) : String(r.given_on),
		to: side === 'before' ? String(r.given_on) : r.after_to === null ? null : String(r.after_to),
		lines,
		correct,
		claims,
		accuracy: lines ? correct / lines : null,
		low: acc?.low ?? null,
		high: acc?.high ?? null,
		class_errors: classErrors,
		class_error_share: lines ? classErrors / lines : null,
		class_error_low: cls?.low ?? null,
		class_error_high: cls?.high ?? null
	};
}

/**
 * Records one education: validated (EducationInput: coder, given_on YYYY-MM-DD not after
 * tomorrow, UTC, which leaves room for time zones ahead of UTC; topic; error classes; note),
 * written to coder_education and to the audit trail ('education_add', target = the coder).
 * @throws EducationRefused naming the bad value
 */
export async function addEducation(
	input: Partial<Record<keyof EducationInput, unknown>>,
	opts: { by: string; userId?: string | null; dbPath?: string; today?: string }
): Promise<EducationRecord> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const parsed = EducationInput.safeParse(input);
	if (!parsed.success) throw new EducationRefused(firstIssue(parsed.error));
	const e = parsed.data;
	const latest = addDays(opts.today ?? utcToday(), 1);
	if (e.given_on > latest) throw new EducationRefused(`date ${e.given_on} is in the future: record an education once it has been given`);
	const [row] = await withConnection(
		(conn) => runQuery(conn, 'education/insert', { coder_id: e.coder, given_on: e.given_on, topic: e.topic, error_classes: [...e.error_classes], note: e.note ?? null, recorded_by: opts.by }),
		dbPath
	);
	if (!row) throw new Error('the education was not recorded');
	const rec = toRecord(row);
	await appendAudit({ userId: opts.userId ?? null, email: opts.by, action: 'education_add', target: rec.coder_id, details: { education_id: rec.education_id, given_on: rec.given_on, topic: rec.topic, error_classes: rec.error_classes, note: rec.note } }, dbPath);
	return rec;
}

/**
 * Educations newest first (one coder, or everyone), each with the coder's line accuracy and
 * class-error share before and after it (EducationWindow).
 */
export function listEducation(opts: { coder?: string; limit?: number; dbPath?: string } = {}): Promise<EducationWithEffect[]> {
	return withAccuracy(async (conn) => {
		const rows = await runQuery(conn, 'education/list', { coder: opts.coder ?? null, limit: opts.limit ?? 1000 });
		return rows.map((r) => ({ ...toRecord(r), before: toWindow(r, 'before'), after: toWindow(r, 'after') }));
	}, opts.dbPath ?? defaultDbPath());
}

/**
 * Who is due for re-audit, decided by reauditDue (reaudit.ts) from one query
 * (queries/education/reaudit_inputs.sql) and the settings in force.
 * `today` YYYY-MM-DD (UTC today by default; tests pin it); `coder` restricts to one coder.
 */
export function reauditStatus(opts: { today?: string; coder?: string; dbPath?: string } = {}): Promise<ReauditStatus> {
	const today = opts.today ?? utcToday();
	return withAccuracy(async (conn) => {
		const settings = await readAccuracySettings(conn);
		const rows = await runQuery(conn, 'education/reaudit_inputs', { coder: opts.coder ?? null, window_days: REAUDIT_ROUND_DAYS });
		const coders = rows.map((r): ReauditRow => {
			const educations = ((r.educations ?? []) as string[]).map(String);
			const lines = Number(r.latest_lines);
			const last = r.last_audit_on === null ? null : String(r.last_audit_on);
			const decision = reauditDue({
				last_audit_on: last,
				score: last !== null && lines > 0 ? Number(r.latest_correct) / lines : null,
				educations,
				bands: settings.bands,
				after_education_days: settings.after_education_days,
				today
			});
			return {
				coder_id: String(r.coder_id),
				last_audit_on: last,
				latest_lines: lines,
				latest_correct: Number(r.latest_correct),
				audited_lines: Number(r.audited_lines),
				educations: educations.length,
				last_education_on: educations[educations.length - 1] ?? null,
				...decision
			};
		});
		coders.sort((a, b) =>
			Number(b.overdue) - Number(a.overdue) || b.days_overdue - a.days_overdue ||
			(a.due_on ?? '9999').localeCompare(b.due_on ?? '9999') || a.coder_id.localeCompare(b.coder_id));
		return { today, settings, coders };
	}, opts.dbPath ?? defaultDbPath());
}
