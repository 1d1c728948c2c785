// Option builder (pure): a provider's share of each code in the family beside its peers' share
// (the E/M "bell curve").
import type { EChartsCoreOption } from 'echarts/core';

export interface CodeShare {
	procedure_code: string;
	provider_share: number | null;
	peer_share: number | null;
	provider_services: number;
	peer_services: number;
	/** the national specialty's share (CMS file), when a national benchmark is shown */
	national_share?: number | null;
}

export function codeDistributionOption(rows: CodeShare[], providerLabel: string, peerLabel: string, nationalLabel: string | null = null): EChartsCoreOption {
	const pct = (v: number | null) => (v === null ? 0 : Number((v * 100).toFixed(2)));
	return {
		animation: false,
		grid: { left: 48, right: 16, top: 36, bottom: 32 },
		legend: { top: 0 },
		// no formatter: ECharts' default tooltip encodes names and values, valueFormatter output too (see ../escape-html.ts)
		tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => `${v}%` },
		xAxis: { type: 'category', data: rows.map((r) => r.procedure_code) },
		yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
		series: [
			{ name: providerLabel, type: 'bar', data: rows.map((r) => pct(r.provider_share)), itemStyle: { color: '#b42318' } },
			{ name: peerLabel, type: 'bar', data: rows.map((r) => pct(r.peer_share)), itemStyle: { color: '#9db4e8' } },
			...(nationalLabel ? [{ name: nationalLabel, type: 'bar', data: rows.map((r) => pct(r.national_share ?? null)), itemStyle: { color: '#4b5563' } }] : [])
		]
	};
}
