// Every chart option builder (src/lib/charts/options/), built on small realistic inputs: its
// legend names only series it draws, names every series a reader needs to tell apart, and shows
// each entry in the colour the chart draws it in.
//
// Legend colours follow ECharts 6 (node_modules/echarts/lib/component/legend/LegendView.js,
// lib/chart/line/LineSeries.js getLegendIcon, lib/visual/style.js):
//   - a series' colour ("fill") is its itemStyle.color, else a palette colour: the palette is
//     handed out in order to the series *without* an itemStyle.color, one colour per series name;
//   - the legend entry of a name is drawn from the first series of that name: a swatch/symbol in
//     the entry's itemStyle.color, else the series' fill; a line series' icon also has a line in
//     the entry's lineStyle.color, else the series' lineStyle.color, else its fill (no line when
//     the entry sets its own icon);
//   - opacity multiplies into the colour (the entry's itemStyle.opacity, else the series').
// A series draws: lines in lineStyle.color (else its fill), symbols (unless hidden) in its fill,
// areas in areaStyle.color (else its fill) at areaStyle.opacity (default 0.7), scatter points and
// bars in their fill (or a data item's own itemStyle.color), mark lines in markLine.lineStyle.color.
// The last block checks this model against ECharts itself (server-side rendering, no DOM).
import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { errorBreakdownOption, errorClassesOption } from '../../src/lib/charts/options/accuracy-errors.ts';
import { accuracyTrendOption, type TrendPanel } from '../../src/lib/charts/options/accuracy-trend.ts';
import { codeDistributionOption } from '../../src/lib/charts/options/code-distribution.ts';
import { denialHeatmapOption } from '../../src/lib/charts/options/denial-heatmap.ts';
import { denialParetoOption } from '../../src/lib/charts/options/denial-pareto.ts';
import { denialTrendOption } from '../../src/lib/charts/options/denial-trend.ts';
import { funnelOption } from '../../src/lib/charts/options/funnel.ts';
import { monthlyRateOption } from '../../src/lib/charts/options/monthly-rate.ts';
import { monthlyVolumeOption } from '../../src/lib/charts/options/monthly-volume.ts';
import { samplingIntervalOption } from '../../src/lib/charts/options/sampling-interval.ts';
import { quarterlyTrendOption } from '../../src/lib/charts/options/quarterly-trend.ts';
import type { DenialRateRow, HeatCell, TrendRow } from '../../src/lib/schemas/denials.ts';

// ---- option shapes read here (loosely typed: builders return EChartsCoreOption) -------------
interface Style { color?: string; opacity?: number }
interface SeriesOpt {
	name?: string;
	type: string;
	itemStyle?: Style;
	lineStyle?: Style;
	areaStyle?: Style;
	symbol?: string;
	showSymbol?: boolean;
	markLine?: { lineStyle?: Style };
	data?: unknown[];
}
interface LegendItem { name: string; icon?: string; itemStyle?: Style; lineStyle?: Style }
interface Opt { color?: string[]; legend?: { data?: (string | LegendItem)[]; show?: boolean }; series: SeriesOpt[] }

// ---- colours -------------------------------------------------------------------------------
/** '#1d4ed8' / '#abc' / 'rgba(29, 78, 216, 0.25)' times an opacity, as 'rgba(r,g,b,a)'. */
function rgba(color: string, opacity = 1): string {
	let r: number, g: number, b: number, a = 1;
	const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
	const fn = /^rgba?\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*(?:,\s*([\d.]+)\s*)?\)$/i.exec(color);
	if (hex) {
		const h = hex[1]!.length === 3 ? [...hex[1]!].map((c) => c + c).join('') : hex[1]!;
		[r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
	} else if (fn) {
		[r, g, b] = [fn[1], fn[2], fn[3]].map(Number) as [number, number, number];
		a = fn[4] === undefined ? 1 : Number(fn[4]);
	} else throw new Error(`colour not understood: ${color}`);
	return `rgba(${r},${g},${b},${Number((a * opacity).toFixed(3))})`;
}

const visible = (c: string) => !c.endsWith(',0)');

// ---- what ECharts would do with an option ---------------------------------------------------
const ECHARTS_PALETTE = ((): string[] => {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 100, height: 100 });
	chart.setOption({ series: [] });
	const palette = (chart.getOption() as { color: string[] }).color;
	chart.dispose();
	return palette;
})();

/** Each series' colour: its itemStyle.color, else the palette colour of its name. */
function seriesFills(o: Opt): string[] {
	const palette = o.color ?? ECHARTS_PALETTE;
	const slots = new Map<string, number>();
	return o.series.map((s) => {
		if (s.itemStyle?.color) return s.itemStyle.color;
		const key = s.name ?? '';
		if (!slots.has(key)) slots.set(key, slots.size);
		return palette[(slots.get(key) as number) % palette.length] as string;
	});
}

/** Legend entries as ECharts reads them: legend.data, or every series name when it has none. */
function legendEntries(o: Opt): LegendItem[] {
	if (!o.legend || o.legend.show === false) return [];
	const data = o.legend.data ?? [...new Set(o.series.map((s) => s.name).filter((n): n is string => Boolean(n)))];
	return data.map((d) => (typeof d === 'string' ? { name: d } : d));
}

/** The colours the legend icon of an entry paints (swatch or symbol, and a line for line series). */
function legendColours(o: Opt, entry: LegendItem): { symbol: string; line: string | null } {
	const fills = seriesFills(o);
	const k = o.series.findIndex((s) => s.name === entry.name);
	const s = o.series[k] as SeriesOpt;
	const fill = fills[k] as string;
	const symbol = rgba(entry.itemStyle?.color ?? fill, entry.itemStyle?.opacity ?? s.itemStyle?.opacity ?? 1);
	const ownIcon = entry.icon !== undefined && entry.icon !== 'inherit';
	const line = s.type === 'line' && !ownIcon ? rgba(entry.lineStyle?.color ?? s.lineStyle?.color ?? fill, entry.lineStyle?.opacity ?? s.lineStyle?.opacity ?? 1) : null;
	return { symbol, line };
}

/** The colours the chart draws for one name (every series of that name), and the main one. */
function drawnColours(o: Opt, name: string): { all: Set<string>; main: string[] } {
	const fills = seriesFills(o);
	const all = new Set<string>();
	const main: string[] = [];
	o.series.forEach((s, k) => {
		if (s.name !== name) return;
		const fill = fills[k] as string;
		const item = rgba(fill, s.itemStyle?.opacity ?? 1);
		const dataColours = (s.data ?? []).flatMap((d) => {
			const c = (d as { itemStyle?: Style } | null)?.itemStyle?.color;
			return c ? [rgba(c)] : [];
		});
		if (s.type === 'line') {
			const line = rgba(s.lineStyle?.color ?? fill, s.lineStyle?.opacity ?? 1);
			const area = s.areaStyle ? rgba(s.areaStyle.color ?? fill, s.areaStyle.opacity ?? 0.7) : null;
			const hasPoints = (s.data ?? []).length > 0;
			if (hasPoints && visible(line)) { all.add(line); main.push(line); }
			if (hasPoints && area && visible(area)) { all.add(area); if (!visible(line)) main.push(area); }
			if (hasPoints && s.symbol !== 'none' && s.showSymbol !== false) all.add(item);
		} else if (s.type === 'scatter' || s.type === 'bar') {
			if (dataColours.length) dataColours.forEach((c) => all.add(c));
			else { all.add(item); main.push(item); }
		}
		if (s.markLine) {
			const mark = rgba(s.markLine.lineStyle?.color ?? fill);
			all.add(mark);
			main.push(mark);
		}
	});
	return { all, main };
}

// ---- small realistic inputs, one case per builder ------------------------------------------
const trendPoint = (month: string, correct: number, n: number) => ({ month, correct, n, rate: correct / n, low: correct / n - 0.04, high: Math.min(1, correct / n + 0.03) });
const panels: TrendPanel[] = [
	{ label: 'Cardiology', points: [trendPoint('2025-01', 95, 100), trendPoint('2025-02', 88, 100)] },
	{ label: 'Dermatology', points: [trendPoint('2025-01', 47, 50), trendPoint('2025-02', 49, 50)] }
];
const denialCounts = (claims: number, denied: number) => ({ claims, denied_claims: denied, lines: claims * 2, denied_lines: denied * 2, charges: claims * 150, denied_charges: denied * 150 });
const trendRows: TrendRow[] = [
	{ month: '2025-01', specialty: 'Dermatology', ...denialCounts(40, 6) },
	{ month: '2025-02', specialty: 'Dermatology', ...denialCounts(38, 4) },
	{ month: '2025-01', specialty: 'Psychiatry', ...denialCounts(25, 2) },
	{ month: '2025-02', specialty: 'Psychiatry', ...denialCounts(30, 5) }
];
const carc = (group: string, denied: number): DenialRateRow => ({ group, ...denialCounts(100, denied), claim_denial_rate: denied / 100, line_denial_rate: denied / 100, dollar_denial_rate: denied / 100, excluded_categories: [] });
const heat: HeatCell[] = [
	{ payer: 'Acme', category: 'coding', ...denialCounts(50, 5) },
	{ payer: 'Medicare', category: 'eligibility', ...denialCounts(80, 3) }
];
const errors = { upcoded: 4, downcoded: 1, wrong_code: 2, added_by_auditor: 0, not_supported: 1, modifier_error: 3, units_error: 0 };
const peers = [
	{ npi: '1000000004', name: 'Doe, Jane', n: 420, rate: 0.41, flagged: false, self: true },
	{ npi: '1000000012', name: 'Roe, Rick', n: 310, rate: 0.22, flagged: false, self: false },
	{ npi: '1000000020', name: null, n: 150, rate: 0.19, flagged: false, self: false },
	{ npi: '1000000038', name: 'Poe, Pat', n: 500, rate: 0.39, flagged: true, self: false }
];
const curve = [10, 100, 300, 600].map((n) => ({ n, upper: 0.2 + 3.09 * Math.sqrt((0.2 * 0.8) / n), lower: Math.max(0, 0.2 - 3.09 * Math.sqrt((0.2 * 0.8) / n)) }));
const intervals = [{ confidence: 0.8, lower: 620_000, upper: 790_000 }, { confidence: 0.9, lower: 591_881, upper: 820_119 }, { confidence: 0.95, lower: 570_000, upper: 842_000 }];

interface Case {
	/** module file and exported builder, e.g. 'funnel.ts:funnelOption' */
	builder: string;
	label: string;
	option: () => unknown;
	/** series names left out of the legend on purpose, and why */
	unlisted?: { names: string[]; why: string };
	/** a chart without a legend, and why none is needed */
	noLegend?: string;
}

const cases: Case[] = [
	{ builder: 'accuracy-errors.ts:errorClassesOption', label: 'error classes by group', option: () => errorClassesOption([{ label: 'DEMO-K04', audited_lines: 120, errors }, { label: 'DEMO-K07', audited_lines: 80, errors: { ...errors, upcoded: 9 } }]) },
	{ builder: 'accuracy-errors.ts:errorBreakdownOption', label: 'one group by class', option: () => errorBreakdownOption(errors), noLegend: 'one series; each bar is named on the x axis' },
	{ builder: 'accuracy-trend.ts:accuracyTrendOption', label: 'one coder', option: () => accuracyTrendOption([panels[0] as TrendPanel], ['2025-01', '2025-02']) },
	{ builder: 'accuracy-trend.ts:accuracyTrendOption', label: 'small multiples', option: () => accuracyTrendOption(panels, ['2025-01', '2025-02']) },
	{ builder: 'code-distribution.ts:codeDistributionOption', label: 'E/M bell curve', option: () => codeDistributionOption([{ procedure_code: '99213', provider_share: 0.2, peer_share: 0.45, provider_services: 40, peer_services: 900 }, { procedure_code: '99215', provider_share: 0.6, peer_share: 0.15, provider_services: 120, peer_services: 300 }], 'Doe, Jane', 'Dermatology peers') },
	{ builder: 'code-distribution.ts:codeDistributionOption', label: 'with the national specialty', option: () => codeDistributionOption([{ procedure_code: '99213', provider_share: 0.2, peer_share: 0.45, provider_services: 40, peer_services: 900, national_share: 0.5 }, { procedure_code: '99215', provider_share: 0.6, peer_share: 0.15, provider_services: 120, peer_services: 300, national_share: 0.1 }], 'Doe, Jane', 'Dermatology peers', 'Dermatology, national (CMS 2023)') },
	{ builder: 'denial-heatmap.ts:denialHeatmapOption', label: 'payer x category', option: () => denialHeatmapOption(heat, 'claim'), noLegend: 'colour is explained by the visual map beside it' },
	{ builder: 'denial-pareto.ts:denialParetoOption', label: 'CARC Pareto', option: () => denialParetoOption([carc('CO-97', 30), carc('CO-16', 12), carc('CO-18', 5)], 'line') },
	{ builder: 'denial-trend.ts:denialTrendOption', label: 'trend by specialty', option: () => denialTrendOption(trendRows, 'claim') },
	{ builder: 'funnel.ts:funnelOption', label: 'funnel plot', option: () => funnelOption(peers, curve, 0.2) },
	{ builder: 'monthly-rate.ts:monthlyRateOption', label: 'provider vs peers by month', option: () => monthlyRateOption([{ month: '2025-01-01', provider_rate: 0.4, provider_n: 30, peer_rate: 0.2 }, { month: '2025-02-01', provider_rate: null, provider_n: 0, peer_rate: 0.21 }], 'Doe, Jane') },
	{ builder: 'quarterly-trend.ts:quarterlyTrendOption', label: 'provider vs peers by quarter', option: () => quarterlyTrendOption([{ quarter: '2025-Q1', rate: 0.6, peer_rate: 0.15, peer_p10: 0.1, peer_p90: 0.2, flagged: true }, { quarter: '2025-Q2', rate: null, peer_rate: 0.16, peer_p10: 0.11, peer_p90: 0.21, flagged: false }], 'Doe, Jane'), unlisted: { names: ['band base'], why: 'the invisible base the percentile band is stacked on' } },
	{ builder: 'monthly-volume.ts:monthlyVolumeOption', label: 'overview months', option: () => monthlyVolumeOption([{ month: '2025-01-01', lines: 2400, claims: 900, adjudicated_claims: 880, denied_claims: 70, claim_denial_rate: 70 / 880 }, { month: '2025-02-01', lines: 2100, claims: 800, adjudicated_claims: 790, denied_claims: 55, claim_denial_rate: 55 / 790 }]) },
	{ builder: 'sampling-interval.ts:samplingIntervalOption', label: 'with demand amounts', option: () => samplingIntervalOption({ point: 706_000, intervals, unit: 'money', demands: [{ label: 'OIG recovery (90% two-sided lower)', amount: 591_881 }, { label: 'CMS recovery (90% one-sided lower)', amount: 617_000 }] }), unlisted: { names: ['80% interval', '90% interval', '95% interval'], why: 'each interval is named on the y axis' } },
	{ builder: 'sampling-interval.ts:samplingIntervalOption', label: 'attribute appraisal', option: () => samplingIntervalOption({ point: 0.12, intervals: intervals.map((i) => ({ ...i, lower: i.lower / 7e6, upper: i.upper / 7e6 })), unit: 'rate' }), noLegend: 'the point is the only mark besides the intervals named on the y axis' }
];

// ---- the checks ----------------------------------------------------------------------------
describe('every option builder has a legend case', () => {
	it('lists each exported *Option function of src/lib/charts/options/', () => {
		const modules = import.meta.glob<Record<string, unknown>>('../../src/lib/charts/options/*.ts', { eager: true });
		const builders = Object.entries(modules).flatMap(([path, mod]) =>
			Object.entries(mod).filter(([name, v]) => typeof v === 'function' && name.endsWith('Option')).map(([name]) => `${path.split('/').pop()}:${name}`)
		);
		expect(builders.length).toBeGreaterThanOrEqual(11);
		expect([...new Set(cases.map((c) => c.builder))].sort()).toEqual(builders.sort());
	});
});

describe.each(cases)('$builder ($label)', (c) => {
	const o = c.option() as Opt;
	const entries = legendEntries(o);
	const names = new Set(o.series.map((s) => s.name).filter((n): n is string => Boolean(n)));

	if (c.noLegend) {
		it(`has no legend: ${c.noLegend}`, () => expect(entries).toEqual([]));
		return;
	}

	it('names in the legend only series it draws', () => {
		expect(entries.length).toBeGreaterThan(0);
		for (const e of entries) expect(names, `legend entry "${e.name}"`).toContain(e.name);
	});

	it('lists every named series in the legend', () => {
		const listed = new Set(entries.map((e) => e.name));
		const expected = [...names].filter((n) => !c.unlisted?.names.includes(n));
		expect(expected.filter((n) => !listed.has(n))).toEqual([]);
		for (const n of c.unlisted?.names ?? []) expect(listed.has(n), `${n}: ${c.unlisted?.why}`).toBe(false);
	});

	it('shows each entry in the colour the chart draws it in', () => {
		for (const e of entries) {
			const legend = legendColours(o, e);
			const drawn = drawnColours(o, e.name);
			const painted = [legend.symbol, legend.line].filter((x): x is string => x !== null && visible(x));
			// every colour in the legend icon is one the chart uses for this name ...
			for (const p of painted) expect([...drawn.all], `legend "${e.name}" paints ${p}`).toContain(p);
			// ... and the colour the series is mainly drawn in is in the icon
			for (const m of drawn.main) expect(painted, `"${e.name}" is drawn in ${m}`).toContain(m);
		}
	});
});

describe('the model above agrees with ECharts', () => {
	// ECharts' own resolved colours (model internals, read through its server-side renderer)
	interface SeriesModel { name: string; getData(): { getVisual(k: 'style'): { fill: string }; getVisual(k: 'legendLineStyle'): { stroke?: string } | undefined } }
	interface GlobalModel { eachSeries(cb: (s: SeriesModel) => void): void; getComponent(type: 'legend'): { getData(): { get(k: 'name'): string }[] } | undefined }

	it.each(cases)('$builder ($label): series colours, legend line colours and legend names', (c) => {
		const o = c.option() as Opt;
		const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 500 });
		try {
			chart.setOption(o as unknown as echarts.EChartsCoreOption);
			const model = (chart as unknown as { getModel(): GlobalModel }).getModel();
			const fills = seriesFills(o);
			let k = 0;
			model.eachSeries((s) => {
				const series = o.series[k] as SeriesOpt;
				const data = s.getData();
				expect(rgba(data.getVisual('style').fill), `${s.name} fill`).toBe(rgba(fills[k] as string));
				if (series.type === 'line') {
					expect(rgba(data.getVisual('legendLineStyle')?.stroke as string), `${s.name} legend line`).toBe(rgba(series.lineStyle?.color ?? (fills[k] as string)));
				}
				k++;
			});
			expect(k).toBe(o.series.length);
			const legend = model.getComponent('legend');
			expect(legend ? legend.getData().map((d) => d.get('name')) : []).toEqual(legendEntries(o).map((e) => e.name));
		} finally {
			chart.dispose();
		}
	});
});
