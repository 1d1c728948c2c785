// Option builder (pure): payer x category heat map. Cell = the payer's denial rate attributed
// to the category (denied claims, lines or charges in the category / the payer's adjudicated
// ones), in percent; the label shows it with one decimal.
import type { EChartsCoreOption } from 'echarts/core';
import { categoryLabels, denialCategories, type DenialCategory, type HeatCell, type RateMetric } from '../../schemas/denials.ts';
import { metricLabels, rateOf } from './denial-rates.ts';

export interface HeatPoint {
	payer: string;
	category: DenialCategory;
	rate: number;
}

/** Every payer x category, 0 where the payer has no denial in the category. */
export function heatPoints(cells: HeatCell[], metric: RateMetric): { payers: string[]; points: HeatPoint[] } {
	const payers = [...new Set(cells.map((c) => c.payer))];
	const points: HeatPoint[] = [];
	for (const payer of payers) {
		for (const category of denialCategories) {
			const cell = cells.find((c) => c.payer === payer && c.category === category);
			points.push({ payer, category, rate: cell ? (rateOf(cell, metric) ?? 0) : 0 });
		}
	}
	return { payers, points };
}

export function denialHeatmapOption(cells: HeatCell[], metric: RateMetric): EChartsCoreOption {
	const { payers, points } = heatPoints(cells, metric);
	const values = points.map((p) => Number((p.rate * 100).toFixed(2)));
	const max = Math.max(1, ...values);
	return {
		animation: false,
		grid: { left: 130, right: 24, top: 16, bottom: 96 },
		tooltip: {
			formatter: (p: { data: [number, number, number] }) =>
				`${payers[p.data[1]]}<br/>${categoryLabels[denialCategories[p.data[0]] as DenialCategory]}: ${p.data[2].toFixed(1)}%`
		},
		xAxis: { type: 'category', data: denialCategories.map((c) => categoryLabels[c]), axisLabel: { rotate: 35, interval: 0 }, splitArea: { show: true } },
		yAxis: { type: 'category', data: payers, splitArea: { show: true } },
		visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 120, text: [`${max.toFixed(1)}%`, '0%'], inRange: { color: ['#f6f7f9', '#fcd9bd', '#f59e0b', '#b42318'] } },
		series: [
			{
				name: metricLabels[metric],
				type: 'heatmap',
				data: points.map((p, i) => [denialCategories.indexOf(p.category), payers.indexOf(p.payer), values[i]]),
				label: { show: true, formatter: (p: { data: [number, number, number] }) => (p.data[2] > 0 ? `${p.data[2].toFixed(1)}%` : '') }
			}
		]
	};
}
