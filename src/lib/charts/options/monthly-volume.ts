// Option builder (pure): claim lines per month as bars, claim denial rate as a line on a
// second axis. Unit-tested in tests/unit/monthly-volume.test.ts.
import type { EChartsCoreOption } from 'echarts/core';
import type { MonthRow } from '../../schemas/overview.ts';

export function monthlyVolumeOption(months: MonthRow[]): EChartsCoreOption {
	const labels = months.map((m) => m.month.slice(0, 7));
	return {
		animation: false,
		grid: { left: 64, right: 64, top: 40, bottom: 36 },
		legend: { top: 0 },
		// no formatter: ECharts' default tooltip encodes names and values (see ../escape-html.ts)
		tooltip: { trigger: 'axis' },
		xAxis: { type: 'category', data: labels },
		yAxis: [
			{ type: 'value', name: 'Claim lines', axisLabel: { formatter: (v: number) => (v >= 1000 ? `${v / 1000}k` : String(v)) } },
			{ type: 'value', name: 'Claim denial rate', min: 0, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { show: false } }
		],
		series: [
			{ name: 'Claim lines', type: 'bar', data: months.map((m) => m.lines), itemStyle: { color: '#9db4e8' } },
			{
				name: 'Claim denial rate',
				type: 'line',
				yAxisIndex: 1,
				data: months.map((m) => (m.claim_denial_rate === null ? null : Number(m.claim_denial_rate.toFixed(4)))),
				itemStyle: { color: '#b42318' },
				tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? `${(v * 100).toFixed(1)}%` : 'n/a') }
			}
		]
	};
}
