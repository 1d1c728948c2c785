// One-sentence text summaries of the charts, for screen readers (ECharts.svelte renders them in a
// visually hidden element the canvas points at with aria-describedby). Pure: computed from the
// same rows the chart and its table show. Unit-tested in tests/unit/chart-summaries.test.ts.
import { fmtInt, fmtMoney, fmtPct } from '../format.ts';
import { errorClasses, errorClassLabels, type ErrorCounts } from '../schemas/accuracy.ts';
import { categoryLabels, type DenialRateRow, type HeatCell, type RateMetric, type TrendRow } from '../schemas/denials.ts';
import type { MonthRow } from '../schemas/overview.ts';
import type { TrendPanel } from './options/accuracy-trend.ts';
import type { ErrorRow } from './options/accuracy-errors.ts';
import type { CodeShare } from './options/code-distribution.ts';
import type { FunnelPeer } from './options/funnel.ts';
import type { MonthlyRate } from './options/monthly-rate.ts';
import type { IntervalChartInput } from './options/sampling-interval.ts';
import { heatPoints } from './options/denial-heatmap.ts';
import { paretoBars } from './options/denial-pareto.ts';
import { metricLabels } from './options/denial-rates.ts';
import { trendSeries } from './options/denial-trend.ts';

const ym = (month: string) => month.slice(0, 7);
const plural = (n: number, one: string, many = `${one}s`) => `${fmtInt(n)} ${n === 1 ? one : many}`;
const span = (months: string[]) => (months.length ? `${plural(months.length, 'month')}, ${ym(months[0] as string)} to ${ym(months[months.length - 1] as string)}` : 'no months');

function extremes<T>(rows: T[], value: (r: T) => number | null): { min: T; max: T } | null {
	let min: T | null = null;
	let max: T | null = null;
	for (const r of rows) {
		const v = value(r);
		if (v === null) continue;
		if (min === null || v < (value(min) as number)) min = r;
		if (max === null || v > (value(max) as number)) max = r;
	}
	return min === null || max === null ? null : { min, max };
}

/** Overview: claim lines per month (bars) and the claim denial rate (line). */
export function monthlyVolumeSummary(months: MonthRow[]): string {
	const lines = extremes(months, (m) => m.lines);
	const rate = extremes(months, (m) => m.claim_denial_rate);
	const last = months[months.length - 1];
	if (!lines || !last) return 'No months of claim lines.';
	const rates = rate ? `; claim denial rate ${fmtPct(rate.min.claim_denial_rate)} to ${fmtPct(rate.max.claim_denial_rate)}, ${fmtPct(last.claim_denial_rate)} in ${ym(last.month)}` : '';
	return `${span(months.map((m) => m.month))}: ${fmtInt(lines.min.lines)} to ${fmtInt(lines.max.lines)} claim lines a month (most in ${ym(lines.max.month)})${rates}.`;
}

/** Accuracy trend: one panel (a coder) or small multiples (one per specialty). */
export function accuracyTrendSummary(panels: TrendPanel[], target = 0.95): string {
	const below = (p: TrendPanel) => p.points.filter((x) => x.high !== null && x.high < target).length;
	const months = [...new Set(panels.flatMap((p) => p.points.map((x) => x.month)))].sort();
	if (panels.length === 1) {
		const points = (panels[0] as TrendPanel).points;
		const e = extremes(points, (x) => x.rate);
		const last = points[points.length - 1];
		if (!e || !last) return 'No audited months.';
		return `${span(months)}: monthly line accuracy from ${fmtPct(e.min.rate)} (${e.min.month}) to ${fmtPct(e.max.rate)} (${e.max.month}), ${fmtPct(last.rate)} in ${last.month}; ${plural(below(panels[0] as TrendPanel), 'month')} with the whole 95% interval under the ${fmtPct(target, 0)} target.`;
	}
	const latest = panels.map((p) => ({ label: p.label, point: p.points[p.points.length - 1] })).filter((l) => l.point && l.point.rate !== null);
	const e = extremes(latest, (l) => l.point?.rate ?? null);
	const under = panels.filter((p) => below(p) > 0).map((p) => `${p.label} (${below(p)})`);
	if (!e) return `${plural(panels.length, 'specialty', 'specialties')}, no audited months.`;
	return `${plural(panels.length, 'specialty', 'specialties')}, ${span(months)}. Latest month's line accuracy: highest ${e.max.label} ${fmtPct(e.max.point?.rate)}, lowest ${e.min.label} ${fmtPct(e.min.point?.rate)}. Months with the whole 95% interval under the ${fmtPct(target, 0)} target: ${under.length ? under.join(', ') : 'none'}.`;
}

const total = (errors: ErrorCounts) => errorClasses.reduce((s, c) => s + errors[c], 0);
const topClass = (errors: ErrorCounts) => [...errorClasses].sort((a, b) => errors[b] - errors[a])[0] as (typeof errorClasses)[number];

/** Error classes per specialty, as wrong lines per 100 audited lines. */
export function errorClassesSummary(rows: ErrorRow[]): string {
	const per100 = (r: ErrorRow) => (r.audited_lines ? (100 * total(r.errors)) / r.audited_lines : null);
	const e = extremes(rows, per100);
	if (!e) return 'No audited lines.';
	const rate = (r: ErrorRow) => (per100(r) as number).toFixed(1);
	const top = total(e.max.errors) ? `, most often ${errorClassLabels[topClass(e.max.errors)].toLowerCase()}` : '';
	return `Wrong lines per 100 audited lines for ${plural(rows.length, 'specialty', 'specialties')}: highest ${e.max.label} ${rate(e.max)}${top}; lowest ${e.min.label} ${rate(e.min)}.`;
}

/** One coder's wrong lines by error class. */
export function errorBreakdownSummary(errors: ErrorCounts): string {
	const parts = [...errorClasses].filter((c) => errors[c] > 0).sort((a, b) => errors[b] - errors[a]).map((c) => `${errorClassLabels[c].toLowerCase()} ${fmtInt(errors[c])}`);
	return parts.length ? `${plural(total(errors), 'wrong line')}: ${parts.join(', ')}.` : 'No wrong lines.';
}

/** A provider's share of each code in the family beside its peers' share. */
export function codeDistributionSummary(rows: CodeShare[]): string {
	const gap = extremes(rows, (r) => (r.provider_share === null || r.peer_share === null ? null : Math.abs(r.provider_share - r.peer_share)));
	if (!gap) return `${plural(rows.length, 'code')} in the family.`;
	const g = gap.max;
	return `${plural(rows.length, 'code')} in the family; the largest difference is ${g.procedure_code}: ${fmtPct(g.provider_share)} of this provider's services against ${fmtPct(g.peer_share)} of the peers'.`;
}

/** Funnel plot: every peer's rate against its volume, with the 99.8% limits. */
export function funnelSummary(peers: FunnelPeer[], peerRate: number): string {
	const self = peers.find((p) => p.self);
	const flagged = peers.filter((p) => p.flagged).length;
	const me = self ? ` This provider: ${fmtPct(self.rate)} on a volume of ${fmtInt(self.n)}${self.flagged ? ', flagged' : ''}.` : '';
	return `Funnel plot: ${plural(peers.length, 'provider')}, ${fmtInt(flagged)} flagged above the upper 99.8% limit; pooled peer rate ${fmtPct(peerRate)}.${me}`;
}

/** A provider's monthly rate against the peer group's pooled monthly rate. */
export function monthlyRateSummary(rows: MonthlyRate[]): string {
	const mine = extremes(rows, (r) => r.provider_rate);
	const peer = extremes(rows, (r) => r.peer_rate);
	const last = rows[rows.length - 1];
	if (!last) return 'No months.';
	const provider = mine ? `this provider's rate ${fmtPct(mine.min.provider_rate)} to ${fmtPct(mine.max.provider_rate)} (${fmtPct(last.provider_rate)} in ${ym(last.month)})` : 'no rate for this provider';
	const peers = peer ? `the peer rate ${fmtPct(peer.min.peer_rate)} to ${fmtPct(peer.max.peer_rate)} (${fmtPct(last.peer_rate)} in ${ym(last.month)})` : 'no peer rate';
	return `${span(rows.map((r) => r.month))}: ${provider}; ${peers}.`;
}

/** An appraisal's two-sided intervals around the point estimate (and the demand amounts). */
export function samplingIntervalSummary(input: IntervalChartInput): string {
	const f = (v: number) => (input.unit === 'money' ? fmtMoney(v) : fmtPct(v));
	const intervals = [...input.intervals].sort((a, b) => a.confidence - b.confidence).map((i) => `${fmtPct(i.confidence, 0)} ${f(i.lower)} to ${f(i.upper)}`);
	const demands = (input.demands ?? []).map((d) => `${d.label} ${f(d.amount)}`);
	return [`Point estimate ${f(input.point)}`, intervals.length ? `two-sided intervals ${intervals.join(', ')}` : '', ...demands].filter(Boolean).join('; ') + '.';
}

/** Denials: the monthly denial rate, one line per specialty. */
export function denialTrendSummary(rows: TrendRow[], metric: RateMetric): string {
	const { months, series } = trendSeries(rows, metric);
	const latest = series.map((x) => {
		const i = x.rates.map((r) => r !== null).lastIndexOf(true);
		return { specialty: x.specialty, month: months[i] ?? '', rate: x.rates[i] ?? null };
	});
	const e = extremes(latest, (l) => l.rate);
	if (!e) return `${metricLabels[metric]}: no adjudicated months.`;
	return `${metricLabels[metric]} for ${plural(series.length, 'specialty', 'specialties')}, ${span(months)}. Latest month: highest ${e.max.specialty} ${fmtPct(e.max.rate)} (${e.max.month}), lowest ${e.min.specialty} ${fmtPct(e.min.rate)} (${e.min.month}).`;
}

/** Denials: reason codes largest first, with the cumulative share. */
export function denialParetoSummary(rows: DenialRateRow[], metric: RateMetric): string {
	const bars = paretoBars(rows, metric, Number.MAX_SAFE_INTEGER);
	const first = bars[0];
	if (!first) return 'No denied lines.';
	const what = metric === 'claim' ? 'denied claims' : metric === 'line' ? 'denied lines' : 'denied charges';
	const value = (v: number) => (metric === 'dollar' ? fmtMoney(v) : fmtInt(v));
	const top = bars[Math.min(2, bars.length - 1)] as (typeof bars)[number];
	const topShare = bars.length > 1 ? `; the top ${Math.min(3, bars.length)} make up ${fmtPct(top.cumulative)}` : '';
	return `${plural(bars.length, 'reason code')}; the largest, ${first.code}, has ${value(first.value)} ${what} (${fmtPct(first.cumulative)} of all)${topShare}.`;
}

/** Denials: each payer's denial rate by category. */
export function denialHeatmapSummary(cells: HeatCell[], metric: RateMetric): string {
	const { payers, points } = heatPoints(cells, metric);
	const e = extremes(points, (p) => p.rate);
	if (!e || e.max.rate === 0) return `${plural(payers.length, 'payer')}, no denials.`;
	return `${metricLabels[metric]} by denial category for ${plural(payers.length, 'payer')}; the highest cell is ${e.max.payer}, ${categoryLabels[e.max.category].toLowerCase()}: ${fmtPct(e.max.rate)}.`;
}
