// The audit work plan (issue 12): providers ranked across every rule for the evaluation in
// force, with their open cases; and opening the cases of several providers in one step. Same
// function for /workplan, GET /api/workplan(.csv), `claimlens workplan` and the committee pack.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { evaluateRules, serviceRange } from '../rules/evaluate.ts';
import { rankWorkplan, type WorkplanRow } from '../../workplan.ts';
import { openCase, type Actor } from './cases.ts';
import type { Period } from '../../period.ts';

export interface Workplan {
	/** the period evaluated (whole months), null = every service date */
	period: Period | null;
	/** the service dates the flags cover: the period, or the first and last service date of the claim lines */
	period_from: string | null;
	period_to: string | null;
	rules_evaluated: number;
	rows: WorkplanRow[];
}

/** The ranked work plan. `all` keeps providers with no flag. */
export async function getWorkplan(opts: { all?: boolean; today?: string; period?: Period | null; dbPath?: string } = {}): Promise<Workplan> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const ev = await evaluateRules({ period: opts.period ?? null, dbPath });
	const range = await serviceRange(dbPath);
	const cases = await withConnection(async (conn) => new Map((await runQuery(conn, 'cases/open_by_provider', { today: opts.today ?? new Date().toISOString().slice(0, 10) })).map((r) => [String(r.provider_npi), { open: Number(r.open_cases), overdue: Number(r.overdue_cases) }])), dbPath);
	const lineRules = ev.rules.filter((r) => r.kind === 'line' && r.evaluated).length;
	return {
		period: ev.period,
		period_from: ev.period?.from ?? range.first,
		period_to: ev.period?.to ?? range.last,
		rules_evaluated: ev.rules.filter((r) => r.evaluated).length,
		rows: rankWorkplan(ev.rows, lineRules, cases, opts.all)
	};
}

/**
 * Opens a case for every flagged rule of each provider given (an existing active case is kept).
 * @returns per provider, the case ids (new or existing)
 */
export async function openWorkplanCases(npis: string[], actor: Actor, dbPath = defaultDbPath(), period: Period | null = null): Promise<{ provider_npi: string; opened: number[]; existing: number[] }[]> {
	const ev = await evaluateRules({ period, dbPath });
	const out = [];
	for (const npi of npis) {
		// the work plan's measures: high-side flags (a low-side case is opened from its drill-down)
		const rules = [...new Set(ev.rows.filter((r) => r.provider_npi === npi && r.flagged && r.direction === 'high').map((r) => r.rule_id))];
		const opened: number[] = [];
		const existing: number[] = [];
		for (const ruleId of rules) {
			const r = await openCase({ npi, ruleId, from: period?.from, to: period?.to, actor, dbPath });
			(r.existing ? existing : opened).push(r.case.case_id);
		}
		out.push({ provider_npi: npi, opened, existing });
	}
	return out;
}
