// Option builder (pure): line accuracy by month with its 95% Wilson band and the 95% target
// line. Several panels (one per specialty) become small multiples sharing one y scale, because
// seven overlapping bands are unreadable; one panel (a coder's trend) fills the chart.
// Unit-tested in tests/unit/accuracy-charts.test.ts.
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../escape-html.ts';

export interface TrendPoint {
	month: string; // YYYY-MM
	correct: number;
	n: number;
	rate: number | null;
	low: number | null;
	high: number | null;
}

export interface TrendPanel {
	label: string;
	points: TrendPoint[];
}

const PANEL_HEIGHT = 210; // px per row of small multiples
const TOP = 34; // legend
const TITLE = 24;
const AXIS = 30;

export function trendLayout(panelCount: number, maxColumns = 4): { columns: number; rows: number; height: string } {
	const columns = Math.max(1, Math.min(panelCount, maxColumns));
	const rows = Math.max(1, Math.ceil(panelCount / columns));
	const height = panelCount <= 1 ? 300 : TOP + rows * PANEL_HEIGHT;
	return { columns, rows, height: `${height}px` };
}

// the interval band: its legend swatch is drawn with the same colour and opacity as the band
const BAND = { color: '#1d4ed8', opacity: 0.15 };

const pct = (v: number | null) => (v === null ? null : Number((v * 100).toFixed(2)));

/**
 * Lowest y shown: 5 points under the lowest monthly accuracy (never above 90%, so the target has
 * room). Bands of tiny months reach further down and are clipped at the axis: basing the floor on
 * the bounds would let one month of 3 audited lines flatten every panel.
 */
export function trendFloor(panels: TrendPanel[], target: number): number {
	const rates = panels.flatMap((p) => p.points.map((q) => q.rate)).filter((v): v is number => v !== null);
	const lowest = Math.min(target - 0.05, ...rates.map((r) => r - 0.05));
	return Math.max(0, Math.floor((lowest * 100) / 5) * 5);
}

export function accuracyTrendOption(panels: TrendPanel[], months: string[], opts: { target?: number; maxColumns?: number } = {}): EChartsCoreOption {
	const target = opts.target ?? 0.95;
	const { columns, rows } = trendLayout(panels.length, opts.maxColumns);
	const single = panels.length <= 1;
	// round ticks: 20-point steps over a wide range, 10 or 5 over narrower ones
	const rawMin = trendFloor(panels, target);
	const step = 100 - rawMin > 50 ? 20 : 100 - rawMin > 20 ? 10 : 5;
	const yMin = Math.floor(rawMin / step) * step;
	const width = 100 / columns;
	const grids = panels.map((_, i) => {
		const c = i % columns;
		const r = Math.floor(i / columns);
		return single
			? { left: 52, right: 20, top: TOP + 8, bottom: AXIS }
			: { left: `${c * width + 4}%`, width: `${width - 6}%`, top: TOP + r * PANEL_HEIGHT + TITLE, height: PANEL_HEIGHT - TITLE - AXIS };
	});
	const series = panels.flatMap((p, i) => {
		const byMonth = new Map(p.points.map((q) => [q.month, q]));
		const at = (m: string) => byMonth.get(m);
		const axes = { xAxisIndex: i, yAxisIndex: i };
		return [
			// band = invisible lower bound + stacked (upper - lower) filled area
			{ name: '95% interval', type: 'line', ...axes, stack: `band${i}`, symbol: 'none', silent: true, lineStyle: { opacity: 0 }, tooltip: { show: false }, data: months.map((m) => pct(at(m)?.low ?? null)) },
			{
				name: '95% interval', type: 'line', ...axes, stack: `band${i}`, symbol: 'none', silent: true, lineStyle: { opacity: 0 },
				areaStyle: BAND, itemStyle: { color: '#9db4e8' }, tooltip: { show: false },
				data: months.map((m) => {
					const q = at(m);
					return q && q.low !== null && q.high !== null ? Number(((q.high - q.low) * 100).toFixed(2)) : null;
				})
			},
			{
				name: 'Line accuracy', type: 'line', ...axes, symbolSize: 5, itemStyle: { color: '#1d4ed8' }, connectNulls: false,
				data: months.map((m) => {
					const q = at(m);
					return q && q.rate !== null ? { value: pct(q.rate), correct: q.correct, n: q.n, low: pct(q.low), high: pct(q.high), panel: p.label } : null;
				})
			},
			{ name: `${Math.round(target * 100)}% target`, type: 'line', ...axes, symbol: 'none', silent: true, tooltip: { show: false }, lineStyle: { type: 'dashed', color: '#b42318', width: 1.5 }, itemStyle: { color: '#b42318' }, data: months.map(() => target * 100) }
		];
	});
	return {
		animation: false,
		title: single ? [] : panels.map((p, i) => ({
			text: p.label,
			left: `${(i % columns) * width + 4}%`,
			top: TOP + Math.floor(i / columns) * PANEL_HEIGHT + 2,
			textStyle: { fontSize: 12, fontWeight: 600 }
		})),
		legend: { top: 0, data: ['Line accuracy', { name: '95% interval', icon: 'rect', itemStyle: BAND }, `${Math.round(target * 100)}% target`] },
		tooltip: {
			trigger: 'axis',
			// returns HTML: the panel (specialty) and the month come from imported data, so escape them
			formatter: (params: { seriesName: string; axisValue: string; data: { value: number; correct: number; n: number; low: number; high: number; panel: string } | null }[]) => {
				const p = params.find((x) => x.seriesName === 'Line accuracy' && x.data);
				if (!p?.data) return escapeHtml(params[0]?.axisValue);
				const d = p.data;
				return `${d.panel ? `${escapeHtml(d.panel)} · ` : ''}${escapeHtml(p.axisValue)}<br/>line accuracy ${d.value.toFixed(1)}% (95% interval ${d.low.toFixed(1)}–${d.high.toFixed(1)}%)<br/>${escapeHtml(d.correct)} of ${escapeHtml(d.n)} lines correct`;
			}
		},
		grid: grids,
		xAxis: panels.map((_, i) => ({ type: 'category', gridIndex: i, data: months, boundaryGap: false, axisLabel: { fontSize: 10 } })),
		yAxis: panels.map((_, i) => ({ type: 'value', gridIndex: i, min: yMin, max: 100, interval: step, axisLabel: { formatter: '{value}%', fontSize: 10 } })),
		series
	};
}
