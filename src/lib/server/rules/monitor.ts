// Monitoring (issue 11): a Bernoulli CUSUM (stats/cusum.ts, Steiner et al. 2000) per provider and
// peer rule over service months, upper (odds doubled against the peers' monthly rate) and lower
// (odds halved), on the claims summary. An alert is a month where a chart signals; alerts in the
// months the newest claims import brought are "raised by the latest import" (the Overview lists
// those; `claimlens alerts` lists them, or every alert with --all). Cached per data version.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { cachedByDataVersion } from '../db/version-cache.ts';
import { loadCatalog, resolveCodes } from './catalog.ts';
import { bernoulliCusum, CUSUM_H, CUSUM_ODDS_RATIO, type MonthCount } from '../stats/cusum.ts';

export interface Alert {
	provider_npi: string;
	provider_name: string | null;
	specialty: string;
	rule_id: string;
	title: string;
	/** YYYY-MM: the month the chart signalled */
	month: string;
	direction: 'high' | 'low';
	/** the CUSUM statistic that crossed h */
	statistic: number;
	h: number;
	odds_ratio: number;
	/** the month's services and the peers' rate that month */
	numerator: number;
	denominator: number;
	peer_rate: number;
	/** in a month the newest claims import brought */
	latest_import: boolean;
}

export interface Monitoring {
	method: string;
	latest_import_id: number | null;
	latest_months: string[];
	alerts: Alert[];
}

const METHOD = `Bernoulli CUSUM per provider and rule over service months (Steiner, Cook, Farewell & Treasure 2000, without risk adjustment): each service tested against the peer group's pooled rate that month, odds ratio ${CUSUM_ODDS_RATIO} (upper) or 1/${CUSUM_ODDS_RATIO} (lower), decision interval h = ${CUSUM_H}, restart after a signal`;

async function compute(dbPath: string): Promise<Monitoring> {
	return withConnection(async (conn) => {
		const latest = await runQuery(conn, 'rules/latest_import_months');
		const latestMonths = latest.map((r) => String(r.month));
		const present = (await runQuery(conn, 'rules/distinct_codes', { source: 'claims', year: 0 })).map((r) => String(r.procedure_code));
		const alerts: Alert[] = [];
		for (const rule of loadCatalog().peer) {
			const { den, num } = resolveCodes(rule, present);
			if (!den.length) continue;
			const rows = await runQuery(conn, 'rules/monthly_counts', { den_codes: den, num_codes: num, num_modifiers: rule.numerator.modifiers });
			// the peers' pooled rate per specialty and month
			const pooled = new Map<string, { x: number; n: number }>();
			for (const r of rows) {
				const k = `${r.specialty}|${r.month}`;
				const p = pooled.get(k) ?? { x: 0, n: 0 };
				p.x += Number(r.x);
				p.n += Number(r.n);
				pooled.set(k, p);
			}
			const byProvider = new Map<string, typeof rows>();
			for (const r of rows) {
				const k = `${r.provider_npi}|${r.specialty}`;
				const list = byProvider.get(k) ?? [];
				list.push(r);
				byProvider.set(k, list);
			}
			for (const list of byProvider.values()) {
				const first = list[0] as (typeof rows)[number];
				// the peers' rate without this provider (leave-one-out: a provider is not its own norm)
				const months: MonthCount[] = list.map((r) => {
					const p = pooled.get(`${r.specialty}|${r.month}`) as { x: number; n: number };
					const rest = p.n - Number(r.n);
					return { month: String(r.month), x: Number(r.x), n: Number(r.n), p0: rest > 0 ? (p.x - Number(r.x)) / rest : 0 };
				});
				for (const [direction, ra] of [['high', CUSUM_ODDS_RATIO], ['low', 1 / CUSUM_ODDS_RATIO]] as const) {
					bernoulliCusum(months, ra).forEach((pt, i) => {
						if (!pt.signal) return;
						const m = months[i] as MonthCount;
						alerts.push({
							provider_npi: String(first.provider_npi), provider_name: (first.provider_name as string | null) ?? null, specialty: String(first.specialty),
							rule_id: rule.id, title: rule.title, month: pt.month, direction, statistic: Math.round(pt.s * 1000) / 1000, h: CUSUM_H, odds_ratio: ra,
							numerator: m.x, denominator: m.n, peer_rate: m.p0, latest_import: latestMonths.includes(pt.month)
						});
					});
				}
			}
		}
		alerts.sort((a, b) => b.month.localeCompare(a.month) || b.statistic - a.statistic || a.provider_npi.localeCompare(b.provider_npi));
		return { method: METHOD, latest_import_id: latest[0] ? Number(latest[0].import_id) : null, latest_months: latestMonths, alerts };
	}, dbPath);
}

/** Every alert, newest month first; `latestOnly` keeps those raised in the newest import's months. */
export async function monitoring(opts: { latestOnly?: boolean; dbPath?: string } = {}): Promise<Monitoring> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const m = await cachedByDataVersion('monitoring', null, () => compute(dbPath), dbPath);
	return opts.latestOnly ? { ...m, alerts: m.alerts.filter((a) => a.latest_import) } : m;
}
