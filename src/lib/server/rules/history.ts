// Quarterly history of every peer and line rule (issue 11): the rules evaluated for each of the
// last n quarters (12 by default) ending with the quarter of the newest service date, with the
// same engine and conditions as any period (evaluateRules, cached per data version and period).
// One function answers the drill-down's trend, the flags table's sparklines and statuses, and
// `claimlens history`.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { cachedByDataVersion } from '../db/version-cache.ts';
import { runQuery } from '../db/query-files.ts';
import { loadCatalog, resolveCodes } from './catalog.ts';
import { evaluatePeerRule, type PeerCounts } from './peer-engine.ts';
import type { PeerRule } from '../../schemas/rules.ts';
import { evaluateRules, serviceRange, type PeerBy } from './evaluate.ts';
import { lastQuarters, quarterPeriod } from '../../period.ts';
import { flagStatus, type FlagStatus } from '../../flag-status.ts';
import type { FlagRow } from '../../schemas/flags.ts';

export interface QuarterPoint {
	/** e.g. 2025-Q1 */
	quarter: string;
	period_from: string;
	period_to: string;
	numerator: number | null;
	denominator: number | null;
	rate: number | null;
	peer_rate: number | null;
	percentile: number | null;
	z: number | null;
	flagged: boolean;
	direction: 'high' | 'low' | null;
	severity: string;
	/** the 10th and 90th percentile of the peer group's rates that quarter (peer rules) */
	peer_p10: number | null;
	peer_p90: number | null;
	/** line rules: finding lines that quarter */
	findings: number | null;
}

const quantile = (xs: number[], q: number): number | null => {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	const pos = (s.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return (s[lo] as number) + ((s[hi] as number) - (s[lo] as number)) * (pos - lo);
};

/** The quarters of the history: the n ending with the quarter of the newest service date (oldest first). */
export async function historyQuarters(n = 12, dbPath = defaultDbPath()): Promise<string[]> {
	const { last } = await serviceRange(dbPath);
	return last ? lastQuarters(last, n) : [];
}

/** Every quarter's evaluation (rows), oldest first. */
async function quarterRows(n: number, peerBy: PeerBy | undefined, dbPath: string): Promise<{ quarter: string; rows: FlagRow[] }[]> {
	const out = [];
	for (const quarter of await historyQuarters(n, dbPath)) {
		const ev = await evaluateRules({ period: quarterPeriod(quarter), peerBy, dbPath });
		out.push({ quarter, rows: ev.rows });
	}
	return out;
}

function point(quarter: string, row: FlagRow | undefined, peers: FlagRow[]): QuarterPoint {
	const p = quarterPeriod(quarter);
	const rates = peers.map((r) => r.rate).filter((r): r is number => r !== null);
	return {
		quarter, period_from: p.from, period_to: p.to,
		numerator: row?.numerator ?? null, denominator: row?.denominator ?? null, rate: row?.rate ?? null,
		peer_rate: row?.peer_rate ?? null, percentile: row?.percentile ?? null, z: row?.z ?? null,
		flagged: row?.flagged ?? false, direction: row ? row.direction : null, severity: row?.severity ?? 'none',
		peer_p10: quantile(rates, 0.1), peer_p90: quantile(rates, 0.9), findings: row?.findings ?? null
	};
}

/**
 * One provider's history for one rule: a point per quarter (numerator, denominator, rate, peer
 * rate, percentile, z, flagged), oldest first; quarters without services have null counts.
 */
export async function providerHistory(o: { npi: string; ruleId: string; quarters?: number; peerBy?: PeerBy; dbPath?: string }): Promise<QuarterPoint[]> {
	const dbPath = o.dbPath ?? defaultDbPath();
	const peer = loadCatalog().peer.find((r) => r.id === o.ruleId);
	// a peer rule: one grouped query for its quarters, then the same engine per quarter (the drill-down's path)
	if (peer) return peerRuleHistory(peer, o.npi, o.quarters ?? 12, o.peerBy ?? 'specialty', dbPath);
	return (await quarterRows(o.quarters ?? 12, o.peerBy, dbPath)).map(({ quarter, rows }) => {
		const row = rows.find((r) => r.provider_npi === o.npi && r.rule_id === o.ruleId);
		const peers = rows.filter((r) => r.rule_id === o.ruleId && r.peer_group === row?.peer_group);
		return point(quarter, row, row ? peers : []);
	});
}

/**
 * One peer rule evaluated per quarter from a single query grouped by quarter
 * (peer_counts.sql with by_quarter), every provider's rows; cached per data version, so the
 * drill-down and the flags table's sparklines share it (and the warm-up after an import fills it).
 */
function peerRuleQuarters(rule: PeerRule, quarters: string[], peerBy: PeerBy, dbPath: string): Promise<Map<string, FlagRow[]>> {
	return cachedByDataVersion('rule-quarters', { rule: rule.id, quarters, peerBy }, async () => {
		const counts = await withConnection(async (conn) => {
			const present = (await runQuery(conn, 'rules/distinct_codes', { source: 'claims', year: 0 })).map((r) => String(r.procedure_code));
			const { den, num } = resolveCodes(rule, present);
			if (!den.length) return [];
			return runQuery(conn, 'rules/peer_counts', { source: 'claims', years: ['0'], by_quarter: true, den_codes: den, num_codes: num, num_modifiers: rule.numerator.modifiers, peer_by: peerBy, month_from: quarterPeriod(quarters[0] as string).from, month_to: quarterPeriod(quarters.at(-1) as string).to });
		}, dbPath);
		const byQuarter = new Map<string, PeerCounts[]>();
		for (const c of counts) {
			const list = byQuarter.get(String(c.quarter)) ?? [];
			list.push({ ...(c as unknown as PeerCounts), numerator: Number(c.numerator), denominator: Number(c.denominator) });
			byQuarter.set(String(c.quarter), list);
		}
		return new Map(quarters.map((q) => [q, evaluatePeerRule(rule, byQuarter.get(q) ?? []).rows]));
	}, dbPath);
}

/** One peer rule's history for one provider (peerRuleQuarters). */
async function peerRuleHistory(rule: PeerRule, npi: string, n: number, peerBy: PeerBy, dbPath: string): Promise<QuarterPoint[]> {
	const quarters = await historyQuarters(n, dbPath);
	if (!quarters.length) return [];
	const byQuarter = await peerRuleQuarters(rule, quarters, peerBy, dbPath);
	return quarters.map((quarter) => {
		const rows = byQuarter.get(quarter) ?? [];
		const row = rows.find((r) => r.provider_npi === npi);
		return point(quarter, row, row ? rows.filter((r) => r.peer_group === row.peer_group) : []);
	});
}

export interface HistoryMark {
	/** the quarterly rates (peer rules) or finding counts (line rules), oldest first */
	values: (number | null)[];
	flagged: boolean[];
	status: FlagStatus;
}

/**
 * Sparklines and statuses of every provider and rule, keyed "NPI|rule_id": each peer rule
 * evaluated per quarter (peerRuleQuarters, one grouped query per rule) and each line rule's
 * findings counted per quarter (line_summary_by_quarter.sql; a line rule flags any finding).
 */
export async function historyIndex(o: { quarters?: number; peerBy?: PeerBy; dbPath?: string } = {}): Promise<{ quarters: string[]; marks: Record<string, HistoryMark> }> {
	const dbPath = o.dbPath ?? defaultDbPath();
	const quarters = await historyQuarters(o.quarters ?? 12, dbPath);
	const marks: Record<string, HistoryMark> = {};
	if (!quarters.length) return { quarters, marks };
	const mark = (key: string) => (marks[key] ??= { values: quarters.map(() => null), flagged: quarters.map(() => false), status: null });
	const catalog = loadCatalog();
	for (const rule of catalog.peer) {
		const byQuarter = await peerRuleQuarters(rule, quarters, o.peerBy ?? 'specialty', dbPath);
		quarters.forEach((q, i) => {
			for (const r of byQuarter.get(q) ?? []) {
				const m = mark(`${r.provider_npi}|${r.rule_id}`);
				m.values[i] = r.rate;
				if (r.flagged) m.flagged[i] = true;
			}
		});
	}
	// line rules: their findings are materialised by the evaluation (rule_findings)
	await evaluateRules({ dbPath });
	const from = quarterPeriod(quarters[0] as string).from;
	const to = quarterPeriod(quarters.at(-1) as string).to;
	await withConnection(async (conn) => {
		for (const rule of catalog.line) {
			for (const r of await runQuery(conn, 'rules/line_summary_by_quarter', { rule_id: rule.id, date_from: from, date_to: to })) {
				const i = quarters.indexOf(String(r.quarter));
				if (i < 0) continue;
				const m = mark(`${r.rendering_npi}|${rule.id}`);
				m.values[i] = Number(r.findings);
				m.flagged[i] = true;
			}
		}
	}, dbPath);
	for (const m of Object.values(marks)) m.status = flagStatus(m.flagged);
	return { quarters, marks };
}
