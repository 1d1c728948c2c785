// Line-level rules: each rule's SQL returns one row per finding line; this groups them per
// provider into FlagRow results (findings, claim ids, dollars) and keeps the lines for drill-down.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LineRule } from '../../schemas/rules.ts';
import type { FlagRow } from '../../schemas/flags.ts';
import { runQuery } from '../db/query-files.ts';

export interface FindingLine {
	rendering_npi: string;
	provider_name: string | null;
	specialty: string;
	claim_id: string;
	line_number: number;
	service_date: string;
	procedure_code: string;
	dollars: number;
	detail: string;
}

/** Claim ids listed per result row; the full list is one drill-down away. */
const MAX_CLAIM_IDS = 200;

export async function tableHasRows(conn: DuckDBConnection, table: string): Promise<boolean> {
	if (!/^[a-z_]+$/.test(table)) throw new Error(`bad table name ${table}`);
	const r = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM (SELECT 1 FROM ${table} LIMIT 1)`);
	return Number(r.getRowObjectsJS()[0]?.n ?? 0) > 0;
}


export async function findingLines(conn: DuckDBConnection, rule: LineRule): Promise<FindingLine[] | null> {
	if (rule.requires_table && !(await tableHasRows(conn, rule.requires_table))) return null;
	return (await runQuery(conn, `rules/${rule.query}`, rule.params)) as unknown as FindingLine[];
}

export function severityOfLine(rule: LineRule, findings: number, dollars: number): 'low' | 'medium' | 'high' {
	const s = rule.severity;
	if (findings >= s.high_findings || dollars >= s.high_dollars) return 'high';
	if (findings >= s.medium_findings || dollars >= s.medium_dollars) return 'medium';
	return 'low';
}

export function summarizeLineRule(rule: LineRule, lines: FindingLine[]): FlagRow[] {
	const byProvider = new Map<string, FindingLine[]>();
	for (const l of lines) {
		const list = byProvider.get(l.rendering_npi) ?? [];
		list.push(l);
		byProvider.set(l.rendering_npi, list);
	}
	const rows: FlagRow[] = [];
	for (const [npi, list] of byProvider) {
		const first = list[0] as FindingLine;
		const dollars = Math.round(list.reduce((s, l) => s + Number(l.dollars ?? 0), 0) * 100) / 100;
		const claimIds = [...new Set(list.map((l) => l.claim_id))].sort();
		rows.push({
			rule_id: rule.id,
			kind: 'line',
			title: rule.title,
			provider_npi: npi,
			provider_name: first.provider_name,
			specialty: first.specialty,
			peer_group: first.specialty,
			peer_count: null,
			numerator: list.length,
			denominator: null,
			rate: null,
			peer_rate: null,
			peer_median: null,
			percentile: null,
			z: null,
			upper_limit: null,
			phi: null,
			excess_services: null,
			dollars_at_risk: dollars,
			flagged: true,
			severity: severityOfLine(rule, list.length, dollars),
			reasons: [`${list.length} finding line(s) on ${claimIds.length} claim(s)`],
			findings: list.length,
			claim_ids: claimIds.slice(0, MAX_CLAIM_IDS)
		});
	}
	return rows;
}
