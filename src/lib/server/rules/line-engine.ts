// Line-level rules: each rule's SQL (queries/rules/<query>.sql) returns one row per finding line.
// The flags list needs only a summary per provider, computed in SQL (a 10-million-line file can
// have millions of findings, which must not travel to JS); the drill-down and sampling frames
// fetch one provider's finding lines.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LineRule } from '../../schemas/rules.ts';
import type { FlagRow } from '../../schemas/flags.ts';
import { readQuery, runSql } from '../db/query-files.ts';

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

function ruleSql(rule: LineRule): string {
	return readQuery(`rules/${rule.query}`).trim().replace(/;\s*$/, '');
}

/** One provider's finding lines (npi given), or every provider's; null when the rule's table is missing. */
export async function findingLines(conn: DuckDBConnection, rule: LineRule, npi?: string | string[]): Promise<FindingLine[] | null> {
	if (rule.requires_table && !(await tableHasRows(conn, rule.requires_table))) return null;
	const npis = npi === undefined ? [] : Array.isArray(npi) ? npi : [npi];
	return (await runSql(conn, `SELECT * FROM (${ruleSql(rule)}) WHERE len($npis) = 0 OR list_contains($npis, rendering_npi) ORDER BY service_date, claim_id, line_number`, {
		...rule.params,
		npis
	})) as unknown as FindingLine[];
}

export function severityOfLine(rule: LineRule, findings: number, dollars: number): 'low' | 'medium' | 'high' {
	const s = rule.severity;
	if (findings >= s.high_findings || dollars >= s.high_dollars) return 'high';
	if (findings >= s.medium_findings || dollars >= s.medium_dollars) return 'medium';
	return 'low';
}

interface ProviderSummary {
	rendering_npi: string;
	provider_name: string | null;
	specialty: string;
	findings: number;
	claims: number;
	dollars: number;
	claim_ids: string[];
}

/** Per-provider results of a line rule (null when its table is missing). */
export async function summarizeLineRule(conn: DuckDBConnection, rule: LineRule): Promise<FlagRow[] | null> {
	if (rule.requires_table && !(await tableHasRows(conn, rule.requires_table))) return null;
	const rows = (await runSql(
		conn,
		`SELECT rendering_npi, min(provider_name) AS provider_name, min(specialty) AS specialty, count(*)::INTEGER AS findings,
			count(DISTINCT claim_id)::INTEGER AS claims, round(sum(dollars), 2)::DOUBLE AS dollars,
			list_sort(list_distinct(list(claim_id)))[1:${MAX_CLAIM_IDS}] AS claim_ids
		 FROM (${ruleSql(rule)}) GROUP BY rendering_npi ORDER BY rendering_npi`,
		rule.params
	)) as unknown as ProviderSummary[];
	return rows.map((p) => ({
		rule_id: rule.id,
		kind: 'line',
		title: rule.title,
		provider_npi: p.rendering_npi,
		provider_name: p.provider_name,
		specialty: p.specialty,
		peer_group: p.specialty,
		peer_count: null,
		numerator: p.findings,
		denominator: null,
		rate: null,
		peer_rate: null,
		peer_median: null,
		percentile: null,
		z: null,
		upper_limit: null,
		phi: null,
		excess_services: null,
		dollars_at_risk: p.dollars,
		flagged: true,
		severity: severityOfLine(rule, p.findings, p.dollars),
		reasons: [`${p.findings} finding line(s) on ${p.claims} claim(s)`],
		findings: p.findings,
		claim_ids: p.claim_ids
	}));
}
