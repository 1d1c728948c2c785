// Coder accuracy answers. One function per question, shared by the Coder accuracy page, its
// coder drill-down, GET /api/accuracy, the CSV downloads and `claimlens accuracy`. Every page
// load is one connection and a handful of queries over queries/accuracy/*.sql.
import { cachedByDataVersion } from '../db/version-cache.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runQuery } from '../db/query-files.ts';
import { filterParams, withAccuracy } from './connection.ts';
import { toGroup, type GroupCounts } from './groups.ts';
import { getAccuracyTarget, readAccuracySettings } from './settings.ts';
import type {
	AccuracyBy, AccuracyFilters, AccuracyGroup, AccuracyOptions, AuditLine, CodeFamily, CodePair, TrendCell
} from '../../schemas/accuracy.ts';

type SummaryRow = GroupCounts & {
	dimension: 'all' | 'coder' | 'specialty' | 'auditor' | 'month' | 'specialty_month';
	coder_id: string | null;
	specialty: string | null;
	auditor_id: string | null;
	month: string | null;
};

/** What a group is called in tables and JSON (`group`). */
export function groupLabel(by: AccuracyBy, r: Pick<SummaryRow, 'coder_id' | 'specialty' | 'auditor_id' | 'month'>): string {
	if (by === 'coder') return r.coder_id ?? '(no coder)';
	if (by === 'specialty') return r.specialty ?? '(no specialty)';
	if (by === 'auditor') return r.auditor_id ?? '(no auditor)';
	return r.month ? r.month.slice(0, 7) : '(no date)';
}

export interface AccuracySummary {
	overall: AccuracyGroup;
	coders: AccuracyGroup[];
	specialties: AccuracyGroup[];
	auditors: AccuracyGroup[];
	months: AccuracyGroup[];
	/** specialty x month: the trend chart's points */
	trend: TrendCell[];
}

/** The configured accuracy target, read once per call on the call's own connection. */
const readTarget = async (conn: DuckDBConnection) => (await readAccuracySettings(conn)).target;

async function summary(conn: DuckDBConnection, filters: AccuracyFilters, target: number): Promise<AccuracySummary> {
	const rows = (await runQuery(conn, 'accuracy/summary', filterParams(filters))) as unknown as SummaryRow[];
	const of = (d: SummaryRow['dimension'], by: AccuracyBy) => rows.filter((r) => r.dimension === d).map((r) => toGroup(groupLabel(by, r), r, target));
	const all = rows.find((r) => r.dimension === 'all');
	return {
		overall: toGroup('all', all ?? emptyCounts, target),
		coders: of('coder', 'coder'),
		specialties: of('specialty', 'specialty'),
		auditors: of('auditor', 'auditor'),
		months: of('month', 'month'),
		trend: rows
			.filter((r) => r.dimension === 'specialty_month')
			.map((r) => ({ ...toGroup(`${groupLabel('specialty', r)} ${groupLabel('month', r)}`, r, target), specialty: groupLabel('specialty', r), month: groupLabel('month', r) }))
	};
}

const emptyCounts: GroupCounts = {
	audited_lines: 0, correct_lines: 0, audited_claims: 0, wrong_claims: 0, dx_matched: 0, dx_compared: 0, priced_lines: 0,
	financial_impact: null, overbilled: 0, underbilled: 0, specialties: [],
	upcoded: 0, downcoded: 0, wrong_code: 0, added_by_auditor: 0, not_supported: 0, modifier_error: 0, units_error: 0
};

async function codePairs(conn: DuckDBConnection, filters: AccuracyFilters, limit: number): Promise<{ pairs: CodePair[]; totalPairs: number }> {
	const rows = await runQuery(conn, 'accuracy/code_pairs', { ...filterParams(filters), limit });
	return { totalPairs: Number(rows[0]?.total_pairs ?? 0), pairs: rows.map(({ total_pairs: _t, ...r }) => r) as unknown as CodePair[] };
}

export interface LinePage {
	errorsOnly: boolean;
	limit: number;
	offset?: number;
}

async function auditLines(conn: DuckDBConnection, filters: AccuracyFilters, page: LinePage): Promise<{ lines: AuditLine[]; totalLines: number }> {
	const rows = await runQuery(conn, 'accuracy/lines', { ...filterParams(filters), errors_only: page.errorsOnly, limit: page.limit, offset: page.offset ?? 0 });
	return { totalLines: Number(rows[0]?.total ?? 0), lines: rows.map(({ total: _t, ...r }) => r) as unknown as AuditLine[] };
}

async function options(conn: DuckDBConnection): Promise<AccuracyOptions> {
	const [row] = await runQuery(conn, 'accuracy/options');
	return row as unknown as AccuracyOptions;
}

async function families(conn: DuckDBConnection): Promise<CodeFamily[]> {
	return (await runQuery(conn, 'accuracy/families')) as unknown as CodeFamily[];
}

export interface AccuracyOverview extends AccuracySummary {
	filters: AccuracyFilters;
	options: AccuracyOptions;
	families: CodeFamily[];
	pairs: CodePair[];
	totalPairs: number;
}

/** The Coder accuracy page: every group, the trend, the top code pairs and the filter choices. */
export async function getAccuracyOverview(filters: AccuracyFilters = {}, dbPath?: string, pairLimit = 15): Promise<AccuracyOverview> {
	// cached until the next import (audit rows change only through imports); the target is part
	// of the key, so a changed target is not answered from a cache made under the old one
	const target = await getAccuracyTarget(dbPath);
	return cachedByDataVersion('accuracy-overview', { filters, pairLimit, target }, () =>
		withAccuracy(async (conn) => ({
			filters,
			options: await options(conn),
			families: await families(conn),
			...(await summary(conn, filters, target)),
			...(await codePairs(conn, filters, pairLimit))
		}), dbPath),
	dbPath);
}

/**
 * One grouping: `claimlens accuracy --by`, GET /api/accuracy?by= and the group CSVs. `target`
 * (fraction) judges below_target; omitted, the configured one is read on this call's connection.
 */
export function accuracyBy(by: AccuracyBy, filters: AccuracyFilters = {}, dbPath?: string, target?: number): Promise<AccuracyGroup[]> {
	return withAccuracy(async (conn) => {
		const s = await summary(conn, filters, target ?? (await readTarget(conn)));
		return by === 'coder' ? s.coders : by === 'specialty' ? s.specialties : by === 'auditor' ? s.auditors : s.months;
	}, dbPath);
}

/** Specialty x month cells (the trend chart's table and CSV). */
export function accuracyTrend(filters: AccuracyFilters = {}, dbPath?: string): Promise<TrendCell[]> {
	return withAccuracy(async (conn) => (await summary(conn, filters, await readTarget(conn))).trend, dbPath);
}

export interface CoderAccuracy {
	coder: string;
	filters: AccuracyFilters;
	overall: AccuracyGroup;
	months: AccuracyGroup[];
	specialties: AccuracyGroup[];
	pairs: CodePair[];
	totalPairs: number;
	lines: AuditLine[];
	totalLines: number;
	families: CodeFamily[];
}

/** A coder's drill-down: trend, error breakdown, code pairs and audited lines (wrong ones first). */
export function getCoderAccuracy(coder: string, filters: AccuracyFilters = {}, page: LinePage = { errorsOnly: false, limit: 500 }, dbPath?: string): Promise<CoderAccuracy> {
	const f = { ...filters, coder };
	return withAccuracy(async (conn) => {
		const s = await summary(conn, f, await readTarget(conn));
		return {
			coder,
			filters,
			overall: { ...s.overall, group: coder },
			months: s.months,
			specialties: s.specialties,
			...(await codePairs(conn, f, 15)),
			...(await auditLines(conn, f, page)),
			families: await families(conn)
		};
	}, dbPath);
}

/** Audited lines with their classification (the lines CSV). */
export function getAuditLines(filters: AccuracyFilters = {}, page: LinePage = { errorsOnly: false, limit: 10_000_000 }, dbPath?: string) {
	return withAccuracy((conn) => auditLines(conn, filters, page), dbPath);
}

/** Every original -> audited code pair (the code-pairs CSV). */
export function getCodePairs(filters: AccuracyFilters = {}, limit = 1_000_000, dbPath?: string) {
	return withAccuracy((conn) => codePairs(conn, filters, limit), dbPath);
}
