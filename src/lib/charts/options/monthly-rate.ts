// Option builder (pure): a provider's monthly rate against the peer group's pooled monthly rate.
import type { EChartsCoreOption } from 'echarts/core';

export interface MonthlyRate {
	month: string;
	provider_rate: number | null;
	provider_n: number;
	peer_rate: number | null;
}

export function monthlyRateOption(rows: MonthlyRate[], providerLabel: string): EChartsCoreOption {
	const pct = (v: number | null) => (v === null ? null : Number((v * 100).toFixed(2)));
	return {
		animation: false,
		grid: { left: 48, right: 16, top: 36, bottom: 32 },
		legend: { top: 0 },
		// no formatter: ECharts' default tooltip encodes names and values, valueFormatter output too (see ../escape-html.ts)
		tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? 'n/a' : `${v}%`) },
		xAxis: { type: 'category', data: rows.map((r) => r.month.slice(0, 7)) },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
		series: [
			{ name: providerLabel, type: 'line', connectNulls: false, data: rows.map((r) => pct(r.provider_rate)), itemStyle: { color: '#b42318' } },
			{ name: 'Peer rate', type: 'line', data: rows.map((r) => pct(r.peer_rate)), itemStyle: { color: '#1d4ed8' } }
		]
	};
}
