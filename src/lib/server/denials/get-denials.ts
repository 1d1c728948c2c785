// Denial analytics: one function per question, shared by the Denials page, GET /api/denials*,
// and `claimlens denials`. Every answer records the definition in force (excluded categories).
// Numbers come from the SQL in queries/denials/ over the denial facts (facts.ts).
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { cachedByDataVersion } from '../db/version-cache.ts';
import { runQuery } from '../db/query-files.ts';
import type { Row } from '../db/normalize.ts';
import {
	categoryLabels, denialCategories, type DenialBy, type DenialCategory, type DenialLinesQuery, type DenialRateRow,
	type HeatCell, type TopCode, type TrendRow, type UnknownCode
} from '../../schemas/denials.ts';
import { carcEntry, carcParams } from './carc-categories.ts';
import { ensureFacts, type FactsStatus } from './facts.ts';
import { remitSummary, type RemitSummary } from './remit-summary.ts';
import { periodLabel, type Period } from '../../period.ts';

export interface Definition {
	excluded_categories: DenialCategory[];
	/** one sentence, for the CLI, the API and the page */
	text: string;
}

export function describeDefinition(excluded: readonly DenialCategory[]): Definition {
	const list = excluded.map((c) => categoryLabels[c].toLowerCase()).join(', ');
	return {
		excluded_categories: [...excluded],
		text: excluded.length
			? `Denied = line status denied (or 835: paid 0 with a CO/PR/OA/PI adjustment), except lines whose every denial reason is in an excluded category: ${list}.`
			: 'Denied = line status denied (or 835: paid 0 with a CO/PR/OA/PI adjustment); no category excluded.'
	};
}

/** Excluded categories without repeats, in catalog order (so equal definitions look equal). */
export function canonicalExclusions(exclude: readonly DenialCategory[] | undefined): DenialCategory[] {
	return denialCategories.filter((c) => (exclude ?? []).includes(c));
}

function params(excluded: readonly DenialCategory[]) {
	return { excluded: [...excluded], ...carcParams() };
}

/**
 * Runs fn on a connection whose denial facts are current, or, when they cannot be rebuilt, the
 * last good ones: fn gets the status so every answer can name what failed.
 */
export function withFacts<T>(fn: (conn: DuckDBConnection, facts: FactsStatus) => Promise<T>, dbPath = defaultDbPath(), scope: DenialScope = {}): Promise<T> {
	return withConnection(async (conn) => {
		const facts = await ensureFacts(conn, dbPath);
		if (scope.period || scope.specialty || scope.payer || scope.provider) {
			const p = { month_from: scope.period?.from.slice(0, 7) ?? null, month_to: scope.period?.to.slice(0, 7) ?? null, specialty: scope.specialty ?? null, payer: scope.payer ?? null, provider: scope.provider ?? null };
			await runQuery(conn, 'denials/scope_lines', p);
			await runQuery(conn, 'denials/scope_claims', p);
		}
		return fn(conn, facts);
	}, dbPath);
}

/** What the denial figures are restricted to: a period of whole months, a specialty, a payer. */
export interface DenialScope {
	period?: Period | null;
	specialty?: string;
	payer?: string;
	/** a rendering provider's NPI */
	provider?: string;
}

/** The scope in words, for the page, exports and the CLI. */
export function scopeText(s: DenialScope): string {
	return [s.period ? `service dates ${periodLabel(s.period)}` : 'all service dates', s.specialty ? `specialty ${s.specialty}` : '', s.payer ? `payer ${s.payer}` : '', s.provider ? `provider ${s.provider}` : ''].filter(Boolean).join(', ');
}

function toRateRows(rows: Row[], by: DenialBy, excluded: readonly DenialCategory[]): DenialRateRow[] {
	return rows.map((r) => {
		const group = String(r.group);
		const row: DenialRateRow = {
			group,
			claims: Number(r.claims), denied_claims: Number(r.denied_claims), claim_denial_rate: r.claim_denial_rate as number | null,
			lines: Number(r.lines), denied_lines: Number(r.denied_lines), line_denial_rate: r.line_denial_rate as number | null,
			charges: Number(r.charges), denied_charges: Number(r.denied_charges), dollar_denial_rate: r.dollar_denial_rate as number | null,
			excluded_categories: [...excluded]
		};
		if (by === 'category') row.label = categoryLabels[group as DenialCategory] ?? group;
		if (by === 'carc') {
			const entry = carcEntry(group);
			row.label = entry?.label ?? (group === '(no reason code)' ? 'no denial-reason code (only adjustments such as CO-45)' : 'not in our CARC table');
			row.category = entry?.category ?? 'other';
		}
		return row;
	});
}

async function ratesOn(conn: DuckDBConnection, by: DenialBy | 'all', excluded: readonly DenialCategory[]): Promise<DenialRateRow[]> {
	const reason = by === 'carc' || by === 'category';
	const rows = await runQuery(conn, reason ? 'denials/rates_by_reason' : 'denials/rates_by_dimension', { by, ...params(excluded) });
	return toRateRows(rows, by === 'all' ? 'specialty' : by, excluded);
}

/** Rates per group: `claimlens denials --by ...`, GET /api/denials. */
export function denialRates(opts: { by: DenialBy; exclude?: readonly DenialCategory[]; scope?: DenialScope }, dbPath?: string) {
	const excluded = canonicalExclusions(opts.exclude);
	return withFacts(async (conn, facts) => ({
		by: opts.by, definition: describeDefinition(excluded), scope: scopeText(opts.scope ?? {}), facts_problem: facts.problem, rows: await ratesOn(conn, opts.by, excluded)
	}), dbPath, opts.scope);
}

export interface DenialsPage {
	definition: Definition;
	/** what the figures are restricted to, in words */
	scope: string;
	payer: string | null;
	total: DenialRateRow | null;
	bySpecialty: DenialRateRow[];
	byPayer: DenialRateRow[];
	byCategory: DenialRateRow[];
	byCarc: DenialRateRow[];
	trend: TrendRow[];
	heat: HeatCell[];
	topCodes: TopCode[];
	unknownCodes: UnknownCode[];
	remit: RemitSummary;
	/** what failed when the denial facts could not be rebuilt (the figures are then older), else null */
	factsProblem: string | null;
}

/** Everything the Denials page shows, under one definition (a handful of small queries). */
export function getDenialsPage(opts: { exclude?: readonly DenialCategory[]; payer?: string; scope?: DenialScope }, dbPath?: string): Promise<DenialsPage> {
	const excluded = canonicalExclusions(opts.exclude);
	const p = params(excluded);
	const scope = opts.scope ?? {};
	// cached until the next import: 835s and claim files both arrive as imports
	return cachedByDataVersion('denials-page', { excluded, payer: opts.payer ?? null, scope }, () => withFacts(async (conn, facts) => {
		const [total] = await ratesOn(conn, 'all', excluded);
		return {
			definition: describeDefinition(excluded),
			scope: scopeText(scope),
			payer: opts.payer ?? null,
			total: total ?? null,
			bySpecialty: await ratesOn(conn, 'specialty', excluded),
			byPayer: await ratesOn(conn, 'payer', excluded),
			byCategory: await ratesOn(conn, 'category', excluded),
			byCarc: await ratesOn(conn, 'carc', excluded),
			trend: (await runQuery(conn, 'denials/trend', { ...p, payer: opts.payer ?? '' })) as unknown as TrendRow[],
			heat: (await runQuery(conn, 'denials/payer_category', p)) as unknown as HeatCell[],
			topCodes: (await runQuery(conn, 'denials/top_codes', { ...p, top: 5 })) as unknown as TopCode[],
			unknownCodes: (await runQuery(conn, 'denials/unknown_codes', { carc_codes: p.carc_codes })) as unknown as UnknownCode[],
			remit: await remitSummary(conn),
			factsProblem: facts.problem
		};
	}, dbPath, scope), dbPath ?? defaultDbPath());
}

export const denialLineColumns = [
	'source', 'claim_id', 'line_number', 'service_date', 'specialty', 'payer', 'rendering_npi', 'provider_name',
	'procedure_code', 'modifiers', 'units', 'charge_amount', 'paid_amount', 'line_status', 'denial_codes',
	'remark_codes', 'counted_denied', 'category', 'reason_codes'
];

/** The lines behind a cell, one page (CSV: one page of up to 10 million). */
export function denialLines(q: DenialLinesQuery, dbPath?: string, scope: DenialScope = {}): Promise<{ total: number; rows: Row[]; columns: string[]; definition: Definition }> {
	const excluded = canonicalExclusions(q.exclude);
	return withFacts(async (conn) => {
		const rows = await runQuery(conn, 'denials/lines', {
			...params(excluded),
			status: q.status, specialty: q.specialty, payer: q.payer, month: q.month, category: q.category,
			carc: q.carc, code: q.code.toUpperCase(), limit: q.size, offset: (q.page - 1) * q.size,
			date_from: scope.period?.from ?? null, date_to: scope.period?.to ?? null, scope_specialty: scope.specialty ?? null, scope_payer: scope.payer ?? null, scope_provider: scope.provider ?? null
		});
		const total = Number(rows[0]?.total ?? 0);
		return { total, rows: rows.map(({ total: _t, ...rest }) => rest), columns: denialLineColumns, definition: describeDefinition(excluded) };
	}, dbPath);
}
