// Option builder (pure): a provider's quarterly rate for a rule against the peer rate and the
// band of the peers' 10th to 90th percentile rates, flagged quarters marked (issue 11).
import type { EChartsCoreOption } from 'echarts/core';

export interface QuarterTrendPoint {
	quarter: string;
	rate: number | null;
	peer_rate: number | null;
	peer_p10: number | null;
	peer_p90: number | null;
	flagged: boolean;
}

// one colour per series for both item and line (a legend icon draws both; chart-legends.test.ts)
const C = { self: '#b42318', peer: '#1d4ed8', band: '#c7d2fe' };

export function quarterlyTrendOption(points: QuarterTrendPoint[], providerLabel: string): EChartsCoreOption {
	const pct = (v: number | null) => (v === null ? null : Number((v * 100).toFixed(2)));
	const low = points.map((p) => pct(p.peer_p10));
	const width = points.map((p) => (p.peer_p10 === null || p.peer_p90 === null ? null : Number(((p.peer_p90 - p.peer_p10) * 100).toFixed(2))));
	return {
		animation: false,
		grid: { left: 48, right: 16, top: 36, bottom: 32 },
		legend: { top: 0, data: [providerLabel, 'Peer rate', 'Peers 10th-90th percentile'] },
		// no formatter: ECharts' default tooltip encodes names and values (../escape-html.ts)
		tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (v === null || v === undefined ? 'n/a' : `${v}%`) },
		xAxis: { type: 'category', data: points.map((p) => p.quarter) },
		yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
		series: [
			// the band: an invisible base at the 10th percentile, then the width to the 90th stacked on it
			{ name: 'band base', type: 'line', stack: 'band', data: low, lineStyle: { opacity: 0 }, symbol: 'none', tooltip: { show: false }, silent: true },
			{ name: 'Peers 10th-90th percentile', type: 'line', stack: 'band', data: width, lineStyle: { opacity: 0, color: C.band }, itemStyle: { color: C.band }, areaStyle: { color: C.band, opacity: 1 }, symbol: 'none' },
			{ name: 'Peer rate', type: 'line', data: points.map((p) => pct(p.peer_rate)), itemStyle: { color: C.peer }, lineStyle: { color: C.peer } },
			{
				name: providerLabel, type: 'line', connectNulls: false, itemStyle: { color: C.self }, lineStyle: { color: C.self },
				// a flagged quarter: a larger filled point
				data: points.map((p) => ({ value: pct(p.rate), symbolSize: p.flagged ? 12 : 6, symbol: p.flagged ? 'circle' : 'emptyCircle' }))
			}
		]
	};
}

/** What the chart shows, in words (screen readers; aria-describedby). */
export function quarterlyTrendSummary(points: QuarterTrendPoint[]): string {
	const flagged = points.filter((p) => p.flagged).map((p) => p.quarter);
	const withData = points.filter((p) => p.rate !== null);
	if (!withData.length) return 'No services in the rule\'s code family in these quarters.';
	const last = withData.at(-1) as QuarterTrendPoint;
	return `${withData.length} of ${points.length} quarters with services; latest ${last.quarter}: ${(last.rate as number * 100).toFixed(1)}% against the peers' ${last.peer_rate === null ? 'n/a' : `${(last.peer_rate * 100).toFixed(1)}%`}. Flagged in ${flagged.length ? flagged.join(', ') : 'no quarter'}.`;
}
