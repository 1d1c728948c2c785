// Option builder (pure): CARC Pareto. Bars = denied lines (claims or charges for the other
// metrics) per reason code, largest first; line = cumulative share of all code occurrences.
// Codes past `top` are folded into one "other codes" bar so the chart stays readable.
import type { EChartsCoreOption } from 'echarts/core';
import type { DenialRateRow, RateMetric } from '../../schemas/denials.ts';

export interface ParetoBar {
	code: string;
	value: number;
	cumulative: number;
}

const measure = (r: DenialRateRow, metric: RateMetric) => (metric === 'claim' ? r.denied_claims : metric === 'line' ? r.denied_lines : r.denied_charges);

export function paretoBars(rows: DenialRateRow[], metric: RateMetric, top = 15): ParetoBar[] {
	const sorted = [...rows].map((r) => ({ code: r.group, value: measure(r, metric) })).filter((b) => b.value > 0).sort((a, b) => b.value - a.value || a.code.localeCompare(b.code));
	const total = sorted.reduce((s, b) => s + b.value, 0);
	const shown = sorted.slice(0, top);
	const rest = sorted.slice(top).reduce((s, b) => s + b.value, 0);
	if (rest > 0) shown.push({ code: `other codes (${sorted.length - top})`, value: rest });
	let running = 0;
	return shown.map((b) => {
		running += b.value;
		return { ...b, cumulative: total > 0 ? running / total : 0 };
	});
}

export function denialParetoOption(rows: DenialRateRow[], metric: RateMetric): EChartsCoreOption {
	const bars = paretoBars(rows, metric);
	const name = metric === 'claim' ? 'Denied claims' : metric === 'line' ? 'Denied lines' : 'Denied charges ($)';
	return {
		animation: false,
		grid: { left: 64, right: 52, top: 40, bottom: 64 },
		legend: { top: 0 },
		// no formatter: ECharts' default tooltip encodes names and values (see ../escape-html.ts)
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: bars.map((b) => b.code), axisLabel: { rotate: 40, interval: 0 } },
		yAxis: [
			{ type: 'value', name, axisLabel: { formatter: (v: number) => (v >= 1000 ? `${v / 1000}k` : String(v)) } },
			{ type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }
		],
		series: [
			{ name, type: 'bar', data: bars.map((b) => Math.round(b.value)), itemStyle: { color: '#9db4e8' } },
			{
				name: 'Cumulative share', type: 'line', yAxisIndex: 1, symbolSize: 5, itemStyle: { color: '#b42318' },
				data: bars.map((b) => Number((b.cumulative * 100).toFixed(1))),
				tooltip: { valueFormatter: (v: unknown) => `${v}%` }
			}
		]
	};
}
