// Option builder (pure): funnel plot. Peers as points (volume n, rate), the pooled peer rate as
// a horizontal line, the 99.8% control limits as curves, and this provider highlighted.
import type { EChartsCoreOption } from 'echarts/core';
import { escapeHtml } from '../escape-html.ts';

// One colour per series, given to both itemStyle and lineStyle: a line series' legend icon is a
// line (lineStyle) with a symbol (itemStyle), and a symbol without a colour takes the next palette
// colour, one the chart never draws (tests/unit/chart-legends.test.ts).
const COLORS = { peers: '#7b8db0', flagged: '#f59e0b', self: '#b42318', limits: '#1f2933', peerRate: '#1d4ed8' };

export interface FunnelPeer {
	npi: string;
	name: string | null;
	n: number;
	rate: number;
	flagged: boolean;
	self: boolean;
}

export interface FunnelCurve {
	n: number;
	upper: number;
	lower: number;
}

export function funnelOption(peers: FunnelPeer[], curve: FunnelCurve[], p0: number): EChartsCoreOption {
	const point = (p: FunnelPeer) => ({ value: [p.n, Number((p.rate * 100).toFixed(3))], name: p.name ?? p.npi, npi: p.npi });
	const maxN = Math.max(10, ...peers.map((p) => p.n), ...curve.map((c) => c.n));
	// the limits shoot to 100% at tiny volumes: cap the axis a little above the highest point
	const topRate = Math.max(p0, ...peers.map((p) => p.rate));
	const yMax = Math.min(100, Math.ceil((topRate * 100 * 1.25 + 2) / 5) * 5);
	return {
		animation: false,
		grid: { left: 52, right: 20, top: 40, bottom: 44 },
		legend: { top: 0, data: ['Peers', 'Flagged peers', 'This provider', '99.8% limits', 'Peer rate'] },
		tooltip: {
			trigger: 'item',
			// returns HTML: the peer's name (or NPI) comes from the imported file, so escape it
			formatter: (p: { seriesName: string; data: { name?: string; value: number[] } }) =>
				p.data?.name
					? `${escapeHtml(p.data.name)}<br/>n = ${escapeHtml(p.data.value[0])}, rate ${escapeHtml(p.data.value[1])}%`
					: escapeHtml(p.seriesName)
		},
		xAxis: { type: 'value', name: 'Volume (services in the family)', nameLocation: 'middle', nameGap: 28, min: 0, max: Math.ceil(maxN * 1.05) },
		yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, min: 0, max: yMax },
		series: [
			{ name: 'Peers', type: 'scatter', symbolSize: 7, itemStyle: { color: COLORS.peers }, data: peers.filter((p) => !p.self && !p.flagged).map(point) },
			{ name: 'Flagged peers', type: 'scatter', symbolSize: 8, itemStyle: { color: COLORS.flagged }, data: peers.filter((p) => !p.self && p.flagged).map(point) },
			{ name: 'This provider', type: 'scatter', symbolSize: 14, itemStyle: { color: COLORS.self }, z: 10, data: peers.filter((p) => p.self).map(point) },
			{ name: '99.8% limits', type: 'line', showSymbol: false, itemStyle: { color: COLORS.limits }, lineStyle: { type: 'dashed', color: COLORS.limits }, data: curve.map((c) => [c.n, Number((c.upper * 100).toFixed(3))]) },
			{ name: '99.8% limits', type: 'line', showSymbol: false, itemStyle: { color: COLORS.limits }, lineStyle: { type: 'dashed', color: COLORS.limits }, data: curve.map((c) => [c.n, Number((c.lower * 100).toFixed(3))]) },
			{ name: 'Peer rate', type: 'line', showSymbol: false, itemStyle: { color: COLORS.peerRate }, lineStyle: { color: COLORS.peerRate }, data: [[0, p0 * 100], [Math.ceil(maxN * 1.05), p0 * 100]].map(([x, y]) => [x, Number((y as number).toFixed(3))]) }
		]
	};
}
