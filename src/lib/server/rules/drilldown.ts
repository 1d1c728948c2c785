// Provider drill-down: everything behind one flag. Used by /flags/provider/[npi], its Arrow
// endpoints and `claimlens provider`. Peer statistics come from the same cached evaluation as
// the flags list, so the page can never disagree with the table that linked to it.
import type { Period } from '../../period.ts';
import { surrogatePatients, type PatientIdAccess } from '../auth/identifiers.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import type { Row } from '../db/normalize.ts';
import type { FlagRow } from '../../schemas/flags.ts';
import type { PeerRule } from '../../schemas/rules.ts';
import { loadCatalog, resolveCodes } from './catalog.ts';
import { evaluateRules, type PeerBy, type Source, type Benchmark, type NationalBenchmark } from './evaluate.ts';
import { findingLines } from './line-engine.ts';
import { funnelLimits, type OverDispersion } from '../stats/funnel.ts';

export interface FunnelCurvePoint {
	n: number;
	upper: number;
	lower: number;
}

export interface Drilldown {
	npi: string;
	providerName: string | null;
	specialty: string | null;
	ruleId: string;
	ruleKind: 'peer' | 'line';
	ruleTitle: string;
	rationale: string;
	source: string | null;
	/** CMS source: the data year shown (null for claims) */
	year: number | null;
	peerBy: PeerBy;
	/** the service-date period in force (null = every date) */
	period: Period | null;
	/** the national benchmark in force (claims) */
	national: NationalBenchmark;
	/** CMS source: the years pooled as the user chose, else null */
	pooled_years: number[] | null;
	/** the flag rule of the evaluation: z > threshold (default) or fdr (q <= 0.05) */
	flagRule: 'z' | 'fdr';
	/** the FDR level in force (q_threshold of the evaluation) */
	fdrQ: number;
	row: FlagRow | null;
	otherRules: FlagRow[];
	codeDistribution: Row[];
	peers: { npi: string; name: string | null; n: number; rate: number; flagged: boolean }[];
	curve: FunnelCurvePoint[];
	monthly: Row[];
}

export class NotFound extends Error {}

function findRule(ruleId: string) {
	const catalog = loadCatalog();
	const peer = catalog.peer.find((r) => r.id === ruleId);
	const line = catalog.line.find((r) => r.id === ruleId);
	if (!peer && !line) throw new NotFound(`unknown rule ${ruleId}`);
	return { peer, line };
}

async function presentCodes(conn: DuckDBConnection, source: string, year = 0): Promise<string[]> {
	return (await runQuery(conn, 'rules/distinct_codes', { source, year })).map((r) => String(r.procedure_code));
}

/**
 * Funnel limits at 60 volumes spread log-evenly over the peers' range, plus each peer's own
 * volume, so that the line drawn passes exactly through the limit every provider is judged by.
 */
export function funnelCurve(p0: number, d: OverDispersion, zLimit: number, peerNs: number[]): FunnelCurvePoint[] {
	const top = Math.max(10, Math.max(0, ...peerNs) * 1.1);
	const ns = new Set<number>(peerNs.filter((n) => n > 0).map((n) => Math.round(n)));
	for (let i = 0; i <= 60; i++) ns.add(Math.round(Math.exp(Math.log(5) + ((Math.log(top) - Math.log(5)) * i) / 60)));
	return [...ns]
		.sort((a, b) => a - b)
		.map((n) => {
			const { upper, lower } = funnelLimits(n, p0, d, zLimit);
			return { n, upper, lower };
		});
}

export async function getDrilldown(opts: { npi: string; ruleId: string; peerBy?: PeerBy; source?: Source; year?: number; pooledYears?: number[]; flagRule?: 'z' | 'fdr'; fdrQ?: number; period?: Period | null; benchmark?: Benchmark; nationalYear?: number; dbPath?: string }): Promise<Drilldown> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const { peer, line } = findRule(opts.ruleId);
	const ev = await evaluateRules({ peerBy: opts.peerBy, source: opts.source, year: opts.year, pooledYears: opts.pooledYears, flagRule: opts.flagRule, fdrQ: opts.fdrQ, period: opts.period, benchmark: opts.benchmark, nationalYear: opts.nationalYear, dbPath });
	const mine = ev.rows.filter((r) => r.provider_npi === opts.npi);
	const row = mine.find((r) => r.rule_id === opts.ruleId) ?? null;
	const identity = await withConnection(
		(conn) => conn.runAndReadAll(`SELECT min(provider_name) AS name, min(specialty) AS specialty FROM provider_services WHERE rendering_npi = $npi`, { npi: opts.npi }),
		dbPath
	).then((r) => r.getRowObjectsJS()[0] ?? {});
	if (!mine.length && identity.specialty === null) throw new NotFound(`provider ${opts.npi} has no data`);
	const specialty = row?.specialty ?? (identity.specialty as string | null) ?? null;
	const base: Drilldown = {
		npi: opts.npi,
		providerName: row?.provider_name ?? (identity.name as string | null) ?? null,
		specialty,
		ruleId: opts.ruleId,
		ruleKind: peer ? 'peer' : 'line',
		ruleTitle: (peer ?? line)?.title ?? opts.ruleId,
		rationale: `${(peer ?? line)?.rationale} Source: ${(peer ?? line)?.source}.`,
		source: ev.source,
		year: ev.year,
		peerBy: ev.peerBy,
		period: ev.period,
		national: ev.national,
		pooled_years: ev.pooled_years,
		flagRule: ev.multiplicity.flag_rule,
		fdrQ: ev.multiplicity.q_threshold,
		row,
		otherRules: mine.filter((r) => r.rule_id !== opts.ruleId),
		codeDistribution: [],
		peers: [],
		curve: [],
		monthly: []
	};
	if (!peer || !ev.source || !specialty) return base;
	const peerRows = ev.rows.filter((r) => r.rule_id === peer.id && r.peer_group === (row?.peer_group ?? specialty));
	base.peers = peerRows.map((r) => ({ npi: r.provider_npi, name: r.provider_name, n: r.denominator ?? 0, rate: r.rate ?? 0, flagged: r.flagged }));
	const p0 = row?.peer_rate ?? null;
	if (p0 !== null && p0 > 0 && p0 < 1) {
		// the group's over-dispersion as the flag used it; around the viewed provider's own peer
		// rate (in a leave-one-out group, the other providers' rate)
		const d: OverDispersion =
			row?.dispersion_model === 'additive'
				? { model: 'additive', phi: 1, tau2: row.tau2 ?? 0, applied: (row.tau2 ?? 0) > 0, k: row.peer_count ?? 0 }
				: { model: 'multiplicative', phi: row?.phi ?? 1, tau2: 0, applied: (row?.phi ?? 1) > 1, k: row?.peer_count ?? 0 };
		base.curve = funnelCurve(p0, d, peer.z_threshold, base.peers.map((p) => p.n));
	}
	await withConnection(async (conn) => {
		const codes = resolveCodes(peer, [...new Set((await Promise.all((ev.pooled_years ?? [ev.year ?? 0]).map((y) => presentCodes(conn, ev.source as string, y)))).flat())]);
		base.codeDistribution = await runQuery(conn, 'rules/code_distribution', { source: ev.source as string, years: (ev.pooled_years ?? [ev.year ?? 0]).map(String), npi: opts.npi, specialty, den_codes: codes.den, month_from: ev.period?.from ?? null, month_to: ev.period?.to ?? null });
		// the national specialty's distribution over the same codes (national benchmark)
		const type = row?.national_group ?? null;
		if (ev.national.year !== null && type) {
			const nat = new Map((await runQuery(conn, 'rules/code_distribution_national', { year: ev.national.year, cms_type: type, den_codes: codes.den })).map((r) => [String(r.procedure_code), Number(r.national_share)]));
			base.codeDistribution = base.codeDistribution.map((r) => ({ ...r, national_share: nat.get(String(r.procedure_code)) ?? 0 }));
		}
		if (ev.source === 'claims') {
			base.monthly = await runQuery(conn, 'rules/monthly_rate', { npi: opts.npi, specialty, den_codes: codes.den, num_codes: codes.num, num_modifiers: peer.numerator.modifiers });
		}
	}, dbPath);
	return base;
}

export interface LinePageQuery {
	npi: string;
	ruleId: string;
	code?: string;
	dateFrom?: string;
	dateTo?: string;
	page: number;
	pageSize: number;
	/** patient ids in full (auditors, CLI) or as per-response surrogates (auth/identifiers.ts); default full */
	patientIds?: PatientIdAccess;
}

/** The claim lines behind a flag (numerator lines for peer rules, findings for line rules). */
export async function getFlagLines(q: LinePageQuery, dbPath = defaultDbPath()): Promise<{ total: number; rows: Row[]; columns: string[] }> {
	const { peer, line } = findRule(q.ruleId);
	return withConnection(async (conn) => {
		const filters = { code: (q.code ?? '').toUpperCase(), date_from: q.dateFrom ?? null, date_to: q.dateTo ?? null, limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
		let rows: Row[];
		let total: number;
		if (peer) {
			const codes = resolveCodes(peer as PeerRule, await presentCodes(conn, 'claims'));
			rows = await runQuery(conn, 'rules/numerator_lines', { npi: q.npi, den_codes: codes.den, num_codes: codes.num, num_modifiers: peer.numerator.modifiers, ...filters });
			total = Number(rows[0]?.total ?? 0);
		} else {
			// filter and page the stored findings first (they carry code and date), then fetch only
			// this page's claim lines
			const found = ((await findingLines(conn, line as NonNullable<typeof line>, q.npi)) ?? []).filter(
				(f) => (!filters.code || f.procedure_code === filters.code) && (!q.dateFrom || f.service_date >= q.dateFrom) && (!q.dateTo || f.service_date <= q.dateTo)
			);
			total = found.length;
			const page = found.slice(filters.offset, filters.offset + filters.limit);
			rows = await runQuery(conn, 'rules/lines_by_key', {
				claim_ids: page.map((f) => f.claim_id),
				line_numbers: page.map((f) => String(f.line_number)),
				details: page.map((f) => f.detail),
				...filters,
				offset: 0
			});
		}
		const columns = ['claim_id', 'line_number', 'patient_id', 'service_date', 'procedure_code', 'modifiers', 'units', 'minutes', 'payer', 'charge_amount', 'allowed_amount', 'paid_amount', 'line_status', 'detail'];
		const out = rows.map(({ total: _t, ...rest }) => rest);
		return { total, rows: q.patientIds === 'surrogate' ? surrogatePatients(out) : out, columns };
	}, dbPath);
}
