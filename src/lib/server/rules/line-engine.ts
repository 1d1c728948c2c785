// Line-level rules: each rule's SQL (queries/rules/<query>.sql) returns one row per finding line.
// Each rule runs once per data version into rule_findings; the flags list needs only a summary
// per provider, computed in SQL (a 10-million-line file can have millions of findings, which
// must not travel to JS); the drill-down and sampling frames read one provider's findings.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LineRule } from '../../schemas/rules.ts';
import type { FlagRow } from '../../schemas/flags.ts';
import { readQuery, runQuery, runSql } from '../db/query-files.ts';
import type { Period } from '../../period.ts';
import { dataVersion } from '../db/version-cache.ts';

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

/**
 * Runs the rule once for the current data version into rule_findings (queries/schema.sql), so
 * the summary and every drill-down read the stored findings. Returns false when the rule's
 * table is missing.
 */
export async function materializeFindings(conn: DuckDBConnection, rule: LineRule): Promise<boolean> {
	if (rule.requires_table && !(await tableHasRows(conn, rule.requires_table))) return false;
	const version = await dataVersion(conn);
	const [done] = await runSql(conn, 'SELECT 1 AS x FROM rule_findings WHERE rule_id = $r AND data_version = $v LIMIT 1', { r: rule.id, v: version });
	if (done) return true;
	await conn.run('BEGIN TRANSACTION');
	try {
		await runSql(conn, 'DELETE FROM rule_findings WHERE rule_id = $r', { r: rule.id });
		await runSql(
			conn,
			`INSERT INTO rule_findings SELECT $v, $r, rendering_npi, provider_name, specialty, claim_id, line_number, service_date, procedure_code, dollars, detail
			 FROM (${ruleSql(rule)})`,
			{ ...rule.params, v: version, r: rule.id }
		);
		await conn.run('COMMIT');
	} catch (e) {
		await conn.run('ROLLBACK').catch(() => {});
		throw e;
	}
	return true;
}

/** One provider's finding lines (npi given), or every provider's; null when the rule's table is missing. */
export async function findingLines(conn: DuckDBConnection, rule: LineRule, npi?: string | string[]): Promise<FindingLine[] | null> {
	if (!(await materializeFindings(conn, rule))) return null;
	const npis = npi === undefined ? [] : Array.isArray(npi) ? npi : [npi];
	return (await runSql(
		conn,
		`SELECT rendering_npi, provider_name, specialty, claim_id, line_number, service_date, procedure_code, dollars::DOUBLE AS dollars, detail
		 FROM rule_findings WHERE rule_id = $r AND (len($npis) = 0 OR list_contains($npis, rendering_npi))
		 ORDER BY service_date, claim_id, line_number`,
		{ r: rule.id, npis }
	)) as unknown as FindingLine[];
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

/** Per-provider results of a line rule within a period of service dates (null = all; null result when its table is missing). */
export async function summarizeLineRule(conn: DuckDBConnection, rule: LineRule, period: Period | null = null): Promise<FlagRow[] | null> {
	if (!(await materializeFindings(conn, rule))) return null;
	const rows = (await runQuery(conn, 'rules/line_summary', { rule_id: rule.id, date_from: period?.from ?? null, date_to: period?.to ?? null, max_claims: MAX_CLAIM_IDS })) as unknown as ProviderSummary[];
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
		p_value: null,
		q_value: null,
		upper_limit: null,
		phi: null,
		tau2: null,
		dispersion_model: null,
		excess_services: null,
		dollars_at_risk: p.dollars,
		direction: 'high',
		period_from: period?.from ?? null,
		period_to: period?.to ?? null,
		flagged: true,
		severity: severityOfLine(rule, p.findings, p.dollars),
		reasons: [`${p.findings} finding line(s) on ${p.claims} claim(s)`],
		findings: p.findings,
		claim_ids: p.claim_ids
	}));
}
