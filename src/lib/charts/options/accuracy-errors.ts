// Option builders (pure): error classes as stacked bars per group (share of audited lines, so
// groups of different volume compare), and one group's breakdown by class (counts).
// Unit-tested in tests/unit/accuracy-charts.test.ts.
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../escape-html.ts';
import { errorClasses, errorClassLabels, type ErrorClass, type ErrorCounts } from '../../schemas/accuracy.ts';

export const errorClassColors: Record<ErrorClass, string> = {
	upcoded: '#b42318',
	downcoded: '#2e7d32',
	wrong_code: '#f59e0b',
	added_by_auditor: '#7c3aed',
	not_supported: '#1f2933',
	modifier_error: '#1d4ed8',
	units_error: '#0e9f9a'
};

export interface ErrorRow {
	label: string;
	audited_lines: number;
	errors: ErrorCounts;
}

/** Errors per 100 audited lines, stacked by class: the stack's total is the group's error rate. */
export function errorClassesOption(rows: ErrorRow[]): EChartsCoreOption {
	const share = (r: ErrorRow, c: ErrorClass) => (r.audited_lines > 0 ? Number(((r.errors[c] / r.audited_lines) * 100).toFixed(2)) : 0);
	return {
		animation: false,
		grid: { left: 150, right: 24, top: 56, bottom: 36 },
		legend: { top: 0 },
		tooltip: {
			trigger: 'axis',
			axisPointer: { type: 'shadow' },
			// returns HTML: the group (specialty or coder) is imported text, so every value is escaped
			formatter: (params: { seriesName: string; name: string; value: number; data: { count: number } }[]) =>
				`${escapeHtml(params[0]?.name)}<br/>${params.filter((p) => p.data.count > 0).map((p) => `${escapeHtml(p.seriesName)}: ${escapeHtml(p.data.count)} lines (${escapeHtml(p.value)}%)`).join('<br/>') || 'no errors'}`
		},
		xAxis: { type: 'value', name: '% of audited lines', nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: '{value}%' } },
		yAxis: { type: 'category', data: rows.map((r) => r.label), inverse: true },
		series: errorClasses.map((c) => ({
			name: errorClassLabels[c],
			type: 'bar',
			stack: 'errors',
			itemStyle: { color: errorClassColors[c] },
			data: rows.map((r) => ({ value: share(r, c), count: r.errors[c] }))
		}))
	};
}

/** One group's wrong lines by class (counts), in the issue's class order. */
export function errorBreakdownOption(errors: ErrorCounts): EChartsCoreOption {
	return {
		animation: false,
		grid: { left: 44, right: 16, top: 24, bottom: 56 },
		// no formatter: ECharts' default tooltip encodes names and values (see ../escape-html.ts)
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		xAxis: { type: 'category', data: errorClasses.map((c) => errorClassLabels[c]), axisLabel: { interval: 0, rotate: 30, fontSize: 11 } },
		yAxis: { type: 'value', minInterval: 1 },
		series: [{
			name: 'Wrong lines',
			type: 'bar',
			label: { show: true, position: 'top' },
			data: errorClasses.map((c) => ({ value: errors[c], itemStyle: { color: errorClassColors[c] } }))
		}]
	};
}
