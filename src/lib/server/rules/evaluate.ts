// Runs the rule catalog over the database: peer rules on the provider-service summary, line
// rules on the claim lines. One function answers the Risk flags page, GET /api/flags and
// `claimlens flags`. Results are cached per data version (imports change it).
import { processMap } from '../db/process-cache.ts';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableKinds } from '../../import-kinds/index.ts';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { dataVersion } from '../db/version-cache.ts';
import type { FlagQuery, FlagRow, FlagRule } from '../../schemas/flags.ts';
import type { PeerRule } from '../../schemas/rules.ts';
import { loadCatalog, resolveCodes } from './catalog.ts';
import { applyMultiplicity, evaluatePeerRule, type PeerCheck, type PeerCounts, type PeerGroupStats } from './peer-engine.ts';
import { expectedChanceFlags, FDR_Q_DEFAULT } from '../stats/fdr.ts';
import type { Multiplicity } from '../../multiplicity.ts';
import { resolvePeriod, type Period } from '../../period.ts';

export type { Multiplicity };
import { summarizeLineRule } from './line-engine.ts';
import { compareNational, nationalGroups, type NationalGroup } from './national.ts';
import { severityOf } from './peer-engine.ts';
import { mapSpecialties, type SpecialtyMapping } from '../../specialty-map.ts';

export type Source = 'claims' | 'cms';
export type PeerBy = 'specialty' | 'pos' | 'payer';
export type Benchmark = 'own' | 'national' | 'both';

export interface NationalBenchmark {
	benchmark: Benchmark;
	/** the CMS data year compared with; null when no CMS file is imported */
	year: number | null;
	years: number[];
	note: string;
	mapping: SpecialtyMapping[];
}

export interface RuleStatus {
	rule_id: string;
	kind: 'peer' | 'line';
	title: string;
	evaluated: boolean;
	note: string;
	providers: number;
	flagged: number;
	small_peer_groups: string[];
}

export interface Evaluation {
	source: Source | null;
	/** CMS source: the data year evaluated (0 = rows without a year); null for claims */
	year: number | null;
	/** CMS source: every data year imported, newest first (each is its own pool) */
	years: number[];
	/** CMS source: the years the user chose to pool (two or more), else null: never pooled silently */
	pooled_years: number[] | null;
	peerBy: PeerBy;
	/** the service-date period evaluated (whole months; claims only), null = every service date */
	period: Period | null;
	/** the national benchmark in force (claims source) */
	national: NationalBenchmark;
	rows: FlagRow[];
	rules: RuleStatus[];
	groups: Record<string, PeerGroupStats[]>;
	multiplicity: Multiplicity;
}


export async function defaultSource(conn: DuckDBConnection): Promise<Source | null> {
	const r = await conn.runAndReadAll(`SELECT source FROM provider_services GROUP BY source ORDER BY source = 'claims' DESC LIMIT 1`);
	const s = r.getRowObjectsJS()[0]?.source;
	return s === 'claims' || s === 'cms' ? s : null;
}

async function peerCounts(conn: DuckDBConnection, rule: PeerRule, source: Source, years: number[], peerBy: PeerBy, present: string[], period: Period | null): Promise<PeerCounts[]> {
	const { den, num } = resolveCodes(rule, present);
	if (!den.length) return [];
	return (await runQuery(conn, 'rules/peer_counts', {
		source,
		years: years.map(String),
		den_codes: den,
		num_codes: num,
		num_modifiers: rule.numerator.modifiers,
		peer_by: peerBy,
		by_quarter: false,
		month_from: period?.from ?? null,
		month_to: period?.to ?? null
	})) as unknown as PeerCounts[];
}

async function evaluateAll(conn: DuckDBConnection, source: Source | null, peerBy: PeerBy, year: number | null, years: number[], flagRule: FlagRule, fdrQ: number, period: Period | null, benchmark: Benchmark, nationalYear: number | undefined, pooled: number[] | null, versionKey: string): Promise<Evaluation> {
	const catalog = loadCatalog();
	const rows: FlagRow[] = [];
	const rules: RuleStatus[] = [];
	const checks: PeerCheck[] = [];
	const peerRows: Record<string, FlagRow[]> = {};
	const groups: Record<string, PeerGroupStats[]> = {};
	// the CMS years evaluated: the one chosen, or those the user pooled
	const yearList = pooled ?? [year ?? 0];
	const present = source ? [...new Set((await Promise.all(yearList.map((y) => runQuery(conn, 'rules/distinct_codes', { source, year: y })))).flat().map((r) => String(r.procedure_code)))] : [];
	for (const rule of catalog.peer) {
		if (!source) {
			rules.push({ rule_id: rule.id, kind: 'peer', title: rule.title, evaluated: false, note: 'no claim lines or CMS provider-service rows imported', providers: 0, flagged: 0, small_peer_groups: [] });
			continue;
		}
		if (source === 'cms' && rule.numerator.modifiers.length) {
			rules.push({ rule_id: rule.id, kind: 'peer', title: rule.title, evaluated: false, note: 'needs modifiers, which the CMS provider-and-service file does not carry', providers: 0, flagged: 0, small_peer_groups: [] });
			continue;
		}
		const result = evaluatePeerRule(rule, await peerCounts(conn, rule, source, yearList, peerBy, present, period));
		for (const r of result.rows) (r.period_from = period?.from ?? null), (r.period_to = period?.to ?? null);
		rows.push(...result.rows);
		checks.push(...result.checks);
		peerRows[rule.id] = result.rows;
		groups[rule.id] = result.groups;
		const small = result.groups.filter((g) => g.providers < rule.min_peer_group).map((g) => g.label);
		rules.push({
			rule_id: rule.id, kind: 'peer', title: rule.title, evaluated: true,
			note: result.rows.length ? '' : 'no provider bills this code family',
			providers: result.rows.length, flagged: 0, small_peer_groups: small
		});
	}
	// multiplicity across every peer rule of this evaluation, then the flag counts
	const tests = applyMultiplicity(checks, flagRule, fdrQ);
	for (const r of rules) r.flagged = (peerRows[r.rule_id] ?? []).filter((row) => row.flagged).length;
	const multiplicity: Multiplicity = {
		flag_rule: flagRule,
		q_threshold: fdrQ,
		tests,
		expected_chance: expectedChanceFlags(checks.filter((c) => c.row.p_value !== null).map((c) => c.rule.z_threshold))
	};
	const national = source === 'claims' ? await applyNational(conn, catalog.peer, rows, benchmark, nationalYear, versionKey) : { benchmark, year: null, years: [], note: '', mapping: [] };
	if (benchmark !== 'own') for (const r of rules) r.flagged = rows.filter((row) => row.rule_id === r.rule_id && row.flagged).length;
	for (const rule of catalog.line) {
		const summary = source === 'claims' ? await summarizeLineRule(conn, rule, period) : null;
		if (summary === null) {
			// the import kind that fills the table the rule needs, from the registry
			const kind = tableKinds.find((k) => k.target === rule.requires_table);
			const note = source !== 'claims' ? 'needs claim lines' : `needs the ${kind?.label ?? rule.requires_table}: import your copy (claimlens import FILE --kind ${kind?.id ?? '?'}, or the Data page); ClaimLens never ships it`;
			rules.push({ rule_id: rule.id, kind: 'line', title: rule.title, evaluated: false, note, providers: 0, flagged: 0, small_peer_groups: [] });
			continue;
		}
		rows.push(...summary);
		rules.push({ rule_id: rule.id, kind: 'line', title: rule.title, evaluated: true, note: '', providers: summary.length, flagged: summary.length, small_peer_groups: [] });
	}
	return { source, year, years, pooled_years: pooled, peerBy, period, national, rows, rules, groups, multiplicity };
}

/**
 * Adds the national comparison to every own peer row (national.ts) and, under the national or
 * both benchmark, lets it decide (national) or add to (both) the flag. Returns what was compared.
 */
/**
 * The national groups of each rule and CMS year, per data version: they do not depend on the
 * own period, peers or flag rule, so choosing another quarter under a national benchmark does not
 * scan the national file again (about 3 s a rule at 10 million CMS rows).
 */
const nationalCache = processMap<string, Promise<Map<string, NationalGroup>>>('national-groups');
const cmsMetaCache = processMap<string, Promise<string[]>>('national-cms-meta');

async function applyNational(conn: DuckDBConnection, peerRules: PeerRule[], rows: FlagRow[], benchmark: Benchmark, wanted: number | undefined, versionKey: string): Promise<NationalBenchmark> {
	if (benchmark === 'own') return { benchmark, year: null, years: [], note: '', mapping: [] };
	// what the CMS rows hold (years; a year's provider types and codes): per data version too
	const meta = (key: string, fn: () => Promise<string[]>) => {
		let p = cmsMetaCache.get(`${versionKey}|${key}`);
		if (!p) {
			for (const k of cmsMetaCache.keys()) if (k.split('|')[0] === versionKey.split('|')[0] && !k.startsWith(`${versionKey}|`)) cmsMetaCache.delete(k);
			p = fn();
			cmsMetaCache.set(`${versionKey}|${key}`, p);
			p.catch(() => cmsMetaCache.delete(`${versionKey}|${key}`));
		}
		return p;
	};
	const years = (await meta('years', async () => (await runQuery(conn, 'rules/cms_years')).map((r) => String(r.year)))).map(Number);
	const out: NationalBenchmark = { benchmark, year: null, years, note: '', mapping: [] };
	if (!years.length) {
		out.note = 'no CMS provider-and-service file imported: import your copy of the national file (claimlens import FILE --kind cms-provider-service --year Y) to compare with national peers';
		return out;
	}
	const year = wanted !== undefined && years.includes(wanted) ? wanted : (years[0] as number);
	out.year = year;
	const types = await meta(`types|${year}`, async () => (await runQuery(conn, 'rules/cms_types', { year })).map((r) => String(r.cms_type)));
	const own = (await runQuery(conn, 'rules/own_specialties')).map((r) => String(r.specialty));
	const user = Object.fromEntries((await runQuery(conn, 'rules/specialty_map_list')).map((r) => [String(r.own_specialty), String(r.cms_type)]));
	out.mapping = mapSpecialties(own, types, user);
	const mapped = new Map(out.mapping.map((m) => [m.own, m.cms]));
	const present = await meta(`codes|${year}`, async () => (await runQuery(conn, 'rules/distinct_codes', { source: 'cms', year })).map((r) => String(r.procedure_code)));
	for (const rule of peerRules) {
		const mine = rows.filter((r) => r.rule_id === rule.id);
		if (!mine.length) continue;
		if (rule.numerator.modifiers.length) {
			for (const r of mine) Object.assign(r, { national_year: year, national_group: null, national_providers: null, national_rate: null, national_percentile: null, national_z: null, national_flagged: false, national_direction: null, national_reason: 'needs modifiers, which the CMS file does not carry: own peers only' });
			continue;
		}
		const key = `${versionKey}|${year}|${rule.id}`;
		let groupsP = nationalCache.get(key);
		if (!groupsP) {
			// groups of an older data version go
			for (const k of nationalCache.keys()) if (k.split('|')[0] === versionKey.split('|')[0] && !k.startsWith(`${versionKey}|`)) nationalCache.delete(k);
			groupsP = peerCounts(conn, rule, 'cms', [year], 'specialty', present, null).then((c) => nationalGroups(rule, c));
			nationalCache.set(key, groupsP);
			groupsP.catch(() => nationalCache.delete(key));
		}
		const groups = await groupsP;
		for (const r of mine) {
			const type = mapped.get(r.specialty) ?? null;
			const n = compareNational(rule, r, type ? groups.get(type) : undefined, year, type);
			Object.assign(r, n);
			const ownFlag = r.flagged;
			const nationalSeverity = n.national_flagged && n.national_z !== null ? severityOf(rule, Math.abs(n.national_z), n.national_direction === 'high' ? r.dollars_at_risk : 0) : 'none';
			if (benchmark === 'national') {
				r.flagged = n.national_flagged;
				r.severity = nationalSeverity;
				if (n.national_direction) r.direction = n.national_direction;
			} else if (n.national_flagged && !ownFlag) {
				r.flagged = true;
				r.severity = nationalSeverity;
				if (n.national_direction) r.direction = n.national_direction;
			}
			r.reasons.push(`national: ${n.national_reason}`);
		}
	}
	return out;
}

const cache = processMap<string, Promise<Evaluation>>('rule-evaluations');

/** Forget cached evaluations (benchmarks time cold runs). */
export function clearRuleCache(): void {
	cache.clear();
	nationalCache.clear();
	cmsMetaCache.clear();
	cmsYears.clear();
}

/** The CMS data years imported, per data version (a GROUP BY over every CMS row: once, not per view). */
const cmsYears = processMap<string, Promise<number[]>>('cms-years');

/** Every rule over the whole database (cached until the next import). */
export function evaluateRules(opts: { source?: Source; peerBy?: PeerBy; year?: number; pooledYears?: number[]; flagRule?: FlagRule; fdrQ?: number; period?: Period | null; benchmark?: Benchmark; nationalYear?: number; dbPath?: string } = {}): Promise<Evaluation> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	return withConnection(async (conn) => {
		const source = opts.source ?? (await defaultSource(conn));
		const peerBy = opts.peerBy ?? 'specialty';
		const flagRule = opts.flagRule ?? 'z';
		// the FDR level matters only under the fdr rule; under z it would only split the cache
		const fdrQ = flagRule === 'fdr' ? (opts.fdrQ ?? FDR_Q_DEFAULT) : FDR_Q_DEFAULT;
		const version = `${dbPath}|${await dataVersion(conn)}|`;
		// CMS files are yearly: one year at a time, the newest unless asked
		let yearsP = cmsYears.get(version);
		if (source === 'cms' && !yearsP) {
			for (const k of cmsYears.keys()) if (k.startsWith(`${dbPath}|`)) cmsYears.delete(k);
			yearsP = runQuery(conn, 'rules/cms_years').then((rows) => rows.map((r) => Number(r.year)));
			cmsYears.set(version, yearsP);
			yearsP.catch(() => cmsYears.delete(version));
		}
		const years = source === 'cms' ? await (yearsP as Promise<number[]>) : [];
		const year = source === 'cms' ? (opts.year !== undefined && years.includes(opts.year) ? opts.year : (years[0] ?? 0)) : null;
		// a period applies to claim lines only (a CMS file is one data year)
		const period = source === 'claims' ? (opts.period ?? null) : null;
		const benchmark = source === 'claims' ? (opts.benchmark ?? 'own') : 'own';
		// CMS years pooled only when the user names two or more imported years
		const chosen = source === 'cms' ? [...new Set((opts.pooledYears ?? []).filter((y) => years.includes(y)))].sort((a, b) => a - b) : [];
		const pooled = chosen.length > 1 ? chosen : null;
		const key = `${version}${source}|${peerBy}|${year}|${flagRule}|${fdrQ}|${period ? `${period.from}..${period.to}` : 'all'}|${benchmark}|${benchmark === 'own' ? '' : (opts.nationalYear ?? 'newest')}|${pooled ? pooled.join('+') : ''}`;
		let p = cache.get(key);
		if (!p) {
			// evaluations of an older data version go; other years and peer groupings of this one stay
			for (const k of cache.keys()) if (k.startsWith(`${dbPath}|`) && !k.startsWith(version)) cache.delete(k);
			p = evaluateAll(conn, source, peerBy, year, years, flagRule, fdrQ, period, benchmark, opts.nationalYear, pooled, version.slice(0, -1));
			cache.set(key, p);
			p.catch(() => cache.delete(key));
		}
		return p;
	}, dbPath);
}

/** The first and last service dates of the claim lines (YYYY-MM-DD; nulls when there are none). */
export function serviceRange(dbPath = defaultDbPath()): Promise<{ first: string | null; last: string | null }> {
	return withConnection(async (conn) => {
		const [r] = await runQuery(conn, 'cases/data_period');
		return { first: (r?.period_from as string | null) ?? null, last: (r?.period_to as string | null) ?? null };
	}, dbPath);
}
const lastServiceDate = async (dbPath?: string) => (await serviceRange(dbPath)).last;

const severityRank = { high: 3, medium: 2, low: 1, none: 0 } as const;

/**
 * The flags list with the user's filters: by default flagged rows only, worst first.
 * @throws PeriodError when from/to are not a period of whole months
 */
export async function listFlags(query: FlagQuery = {}, dbPath?: string): Promise<Evaluation & { filtered: FlagRow[] }> {
	const period = query.period || query.from || query.to ? resolvePeriod(query, query.period === 'last12' ? await lastServiceDate(dbPath) : null) : null;
	const ev = await evaluateRules({ source: query.source, peerBy: query.peer_by, year: query.year, pooledYears: query.years, flagRule: query.flag_rule, fdrQ: query.fdr_q, period, benchmark: query.benchmark, nationalYear: query.national_year ?? (query.benchmark && query.benchmark !== 'own' ? query.year : undefined), dbPath });
	const q = query.q?.trim().toLowerCase();
	const filtered = ev.rows
		.filter((r) => query.all || r.flagged)
		.filter((r) => !query.rule || r.rule_id === query.rule)
		.filter((r) => !query.specialty || r.specialty === query.specialty)
		.filter((r) => !query.severity || r.severity === query.severity)
		.filter((r) => !query.direction || r.direction === query.direction)
		.filter((r) => !q || r.provider_npi.includes(q) || (r.provider_name ?? '').toLowerCase().includes(q))
		.sort((a, b) => severityRank[b.severity] - severityRank[a.severity] || (b.dollars_at_risk ?? 0) - (a.dollars_at_risk ?? 0) || (b.z ?? 0) - (a.z ?? 0));
	return { ...ev, filtered };
}
