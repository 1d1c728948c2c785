// Exclusion screening (issue 13): every provider in the claims and the roster against the OIG
// LEIE and SAM.gov lists the user loaded, and the decisions people make on name matches. The
// matching itself is SQL (queries/schema_exclusions.sql: exclusion_matches); this module runs the
// named queries for the page, GET /api/exclusions and `claimlens screen`, and records decisions
// in the database and the audit trail.
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { appendAudit } from '../audit/audit-log.ts';

/** A list is stale after this many days: OIG expects monthly screening (and publishes monthly). */
export const STALE_AFTER_DAYS = 35;

export interface ListVersion {
	list: 'leie' | 'sam';
	import_id: number;
	file_name: string;
	loaded_at: string;
	/** YYYY-MM-DD: from the file name, else the day it was loaded */
	list_date: string;
	records: number;
	loads: number;
	/** days since the list date, on the day of the screening */
	age_days: number;
	stale: boolean;
}

export type MatchStatus = 'confirmed' | 'candidate' | 'dismissed';

export interface ScreenRow {
	match_id: string;
	provider_npi: string;
	provider_name: string | null;
	provider_state: string | null;
	list: 'leie' | 'sam';
	list_date: string | null;
	match: 'npi' | 'name';
	score: number;
	status: MatchStatus;
	decided_by: string | null;
	decided_at: string | null;
	listed_last_name: string | null;
	listed_first_name: string | null;
	listed_middle_name: string | null;
	listed_business_name: string | null;
	listed_npi: string | null;
	listed_state: string | null;
	excl_type: string | null;
	excluded_from: string;
	reinstated_on: string | null;
	waiver_on: string | null;
	excluded_until: string | null;
	/** claim lines with service dates inside the exclusion window, and their paid dollars */
	lines: number;
	paid_at_risk: number;
}

export interface ProviderResult {
	provider_npi: string;
	provider_name: string | null;
	provider_state: string | null;
	result: 'excluded' | 'to review' | 'cleared' | 'no name: NPI only';
	confirmed: number;
	candidates: number;
	dismissed: number;
	lines: number;
	paid_at_risk: number;
}

export interface Screening {
	screened_at: string;
	lists: ListVersion[];
	providers: number;
	counts: Record<MatchStatus, number>;
	rows: ScreenRow[];
}

const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));

/** The result for every provider screened (the evidence file), queries/exclusions/provider_results.sql. */
export async function providerResults(dbPath = defaultDbPath()): Promise<ProviderResult[]> {
	const rows = await withConnection((conn) => runQuery(conn, 'exclusions/provider_results'), dbPath);
	return rows.map((r) => ({ ...r, confirmed: Number(r.confirmed), candidates: Number(r.candidates), dismissed: Number(r.dismissed), lines: Number(r.lines), paid_at_risk: Math.round(Number(r.paid_at_risk) * 100) / 100 }) as unknown as ProviderResult);
}

async function readLists(conn: DuckDBConnection, today: string): Promise<ListVersion[]> {
	return (await runQuery(conn, 'exclusions/lists')).map((r) => {
		const listDate = day(r.list_date) as string;
		const age = Math.round((Date.parse(today) - Date.parse(listDate)) / 86_400_000);
		return { list: r.list, import_id: Number(r.import_id), file_name: String(r.file_name), loaded_at: String(r.loaded_at), list_date: listDate, records: Number(r.records), loads: Number(r.loads), age_days: age, stale: age > STALE_AFTER_DAYS } as ListVersion;
	});
}

/** The lists loaded (versions, list dates, ages) without screening: what the evidence CSV names. */
export function listVersions(opts: { dbPath?: string; today?: string } = {}): Promise<ListVersion[]> {
	return withConnection((conn) => readLists(conn, opts.today ?? new Date().toISOString().slice(0, 10)), opts.dbPath ?? defaultDbPath());
}

/**
 * Screens now. `today` (YYYY-MM-DD) decides list staleness; tests pin it.
 * @returns the lists used (versions), providers screened, counts by status and one row per pair
 */
export async function screen(opts: { dbPath?: string; today?: string } = {}): Promise<Screening> {
	const today = opts.today ?? new Date().toISOString().slice(0, 10);
	return withConnection(async (conn) => {
		const lists = await readLists(conn, today);
		const [p] = await runQuery(conn, 'exclusions/providers_screened');
		const dates = new Map(lists.map((l) => [l.list, l.list_date]));
		const rows = (await runQuery(conn, 'exclusions/screen')).map(
			(r) =>
				({
					...r,
					score: Number(r.score),
					lines: Number(r.lines),
					paid_at_risk: Math.round(Number(r.paid_at_risk) * 100) / 100,
					list_date: dates.get(r.list as 'leie' | 'sam') ?? null,
					decided_at: r.decided_at === null ? null : String(r.decided_at),
					excluded_from: day(r.excluded_from),
					reinstated_on: day(r.reinstated_on),
					waiver_on: day(r.waiver_on),
					excluded_until: day(r.excluded_until)
				}) as unknown as ScreenRow
		);
		const counts: Record<MatchStatus, number> = { confirmed: 0, candidate: 0, dismissed: 0 };
		for (const r of rows) counts[r.status]++;
		return { screened_at: new Date().toISOString(), lists, providers: Number(p?.providers ?? 0), counts, rows };
	}, opts.dbPath ?? defaultDbPath());
}

export class UnknownMatch extends Error {}

/**
 * Records a person's decision on a pair (confirm: its lines become findings of the
 * excluded_provider rule; dismiss: it stays dismissed for that list record), in the database and
 * the audit trail. Throws UnknownMatch for an id no current pair has.
 */
export async function decide(matchId: string, status: 'confirmed' | 'dismissed', opts: { by: string; userId?: string | null; note?: string; dbPath?: string }): Promise<{ match_id: string; provider_npi: string; status: MatchStatus }> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const pair = await withConnection(async (conn) => {
		const [m] = await runQuery(conn, 'exclusions/match_get', { match_id: matchId });
		if (!m) throw new UnknownMatch(`no exclusion match ${matchId} (run the screening again: the lists or the claims may have changed)`);
		await runQuery(conn, 'exclusions/decision_insert', { record_key: String(m.record_key), provider_npi: String(m.provider_npi), status, decided_by: opts.by, note: opts.note ?? null });
		return m;
	}, dbPath);
	await appendAudit({ userId: opts.userId ?? null, email: opts.by, action: 'exclusion_decision', target: `${pair.provider_npi}`, details: { match_id: matchId, list: pair.list, match: pair.match, status, previous: pair.status, note: opts.note ?? null } }, dbPath);
	return { match_id: matchId, provider_npi: String(pair.provider_npi), status };
}
