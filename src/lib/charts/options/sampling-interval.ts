// Option builder (pure): an appraisal's two-sided intervals (80/90/95%) as horizontal bars
// around the point estimate, with the point and (for overpayments) the OIG audit and CMS contractor recovery
// amounts as vertical lines. Used by the sample page and the printable appraisal report.
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../escape-html.ts';

export interface IntervalRow {
	confidence: number;
	lower: number;
	upper: number;
}

export interface IntervalChartInput {
	point: number;
	intervals: IntervalRow[];
	/** dollars (variable appraisal) or a rate in [0, 1] (attribute appraisal) */
	unit: 'money' | 'rate';
	demands?: { label: string; amount: number }[];
}

const COLORS: Record<string, string> = { '80%': '#1d4ed8', '90%': '#7c3aed', '95%': '#64748b' };

export function formatValue(v: number, unit: 'money' | 'rate'): string {
	if (unit === 'rate') return `${(v * 100).toFixed(1)}%`;
	const abs = Math.abs(v);
	const s = abs >= 1e6 ? `$${(abs / 1e6).toFixed(2)}M` : abs >= 1e3 ? `$${(abs / 1e3).toFixed(1)}k` : `$${abs.toFixed(0)}`;
	return v < 0 ? `-${s}` : s;
}

export function samplingIntervalOption(input: IntervalChartInput): EChartsCoreOption {
	const { point, intervals, unit } = input;
	const labels = intervals.map((i) => `${Math.round(i.confidence * 100)}%`);
	const demands = input.demands ?? [];
	const all = [point, ...intervals.flatMap((i) => [i.lower, i.upper]), ...demands.map((d) => d.amount)];
	const lo = Math.min(...all);
	const hi = Math.max(...all);
	const pad = (hi - lo) * 0.08 || Math.abs(point) * 0.1 || 1;
	const min = unit === 'rate' ? Math.max(0, lo - pad) : lo - pad;
	const max = unit === 'rate' ? Math.min(1, hi + pad) : hi + pad;
	const fmt = (v: number) => formatValue(v, unit);
	return {
		animation: false,
		grid: { left: 48, right: 28, top: demands.length ? 34 : 12, bottom: 30 },
		// returns HTML: series names include the callers' demand labels, so escape them
		// a point or interval end passes [x, label]; a demand's mark line passes its x alone
		tooltip: { trigger: 'item', formatter: (p: { seriesName: string; value: [number, string] | number }) => `${escapeHtml(p.seriesName)}: ${escapeHtml(fmt(Array.isArray(p.value) ? p.value[0] : p.value))}` },
		// the legend is canvas text, not HTML: escaping here would show `&amp;` literally
		legend: demands.length
			? { top: 0, data: ['Point estimate', ...demands.map((d) => d.label)], formatter: (name: string) => { const d = demands.find((x) => x.label === name); return d ? `${name} ${fmt(d.amount)}` : name; } }
			: undefined,
		// the padded ends are not round numbers: label only the interior ticks
		xAxis: { type: 'value', min, max, scale: true, axisLabel: { formatter: (v: number) => fmt(v), showMinLabel: false, showMaxLabel: false } },
		yAxis: { type: 'category', data: labels, inverse: true },
		series: [
			...intervals.map((i, k) => ({
				name: `${labels[k]} interval`,
				type: 'line',
				symbol: 'rect',
				symbolSize: [3, 16],
				lineStyle: { width: 10, color: COLORS[labels[k] as string] ?? '#1d4ed8', opacity: 0.55 },
				itemStyle: { color: COLORS[labels[k] as string] ?? '#1d4ed8' },
				data: [[i.lower, labels[k]], [i.upper, labels[k]]]
			})),
			{
				name: 'Point estimate',
				type: 'scatter',
				symbol: 'diamond',
				symbolSize: 14,
				z: 10,
				itemStyle: { color: '#b42318' },
				data: labels.map((l) => [point, l])
			},
			...demands.map((d, k) => ({
				name: d.label,
				type: 'line',
				data: [],
				itemStyle: { color: k === 0 ? '#b54708' : '#1a7f37' },
				markLine: {
					symbol: 'none',
					// named with their amounts in the legend: labels here would collide with the axis
					label: { show: false },
					lineStyle: { type: 'dashed', color: k === 0 ? '#b54708' : '#1a7f37' },
					data: [{ xAxis: d.amount }]
				}
			}))
		]
	};
}
