// Option builder (pure): payer x category heat map. Cell label = the payer's denial rate
// attributed to the category (denied claims, lines or charges in the category / the payer's
// adjudicated ones). Colour = that rate relative to the highest payer in the same category
// (1 = the worst payer for that reason): categories differ tenfold in base rate, and the question
// the map answers is which payer stands out for which reason.
import type { EChartsCoreOption } from 'echarts/core';
import { categoryLabels, denialCategories, type DenialCategory, type HeatCell, type RateMetric } from '../../schemas/denials.ts';
import { metricLabels, rateOf } from './denial-rates.ts';
import { escapeHtml } from '../escape-html.ts';

export interface HeatPoint {
	payer: string;
	category: DenialCategory;
	rate: number;
	/** rate / the highest rate of any payer in this category (0 when the category has none) */
	relative: number;
}

/** Every payer x category, 0 where the payer has no denial in the category. */
export function heatPoints(cells: HeatCell[], metric: RateMetric): { payers: string[]; points: HeatPoint[] } {
	const payers = [...new Set(cells.map((c) => c.payer))];
	const points: HeatPoint[] = [];
	for (const payer of payers) {
		for (const category of denialCategories) {
			const cell = cells.find((c) => c.payer === payer && c.category === category);
			points.push({ payer, category, rate: cell ? (rateOf(cell, metric) ?? 0) : 0, relative: 0 });
		}
	}
	for (const category of denialCategories) {
		const column = points.filter((p) => p.category === category);
		const top = Math.max(0, ...column.map((p) => p.rate));
		for (const p of column) p.relative = top > 0 ? p.rate / top : 0;
	}
	return { payers, points };
}

type Datum = [number, number, number, number];

export function denialHeatmapOption(cells: HeatCell[], metric: RateMetric): EChartsCoreOption {
	const { payers, points } = heatPoints(cells, metric);
	const data: Datum[] = points.map((p) => [denialCategories.indexOf(p.category), payers.indexOf(p.payer), Number(p.relative.toFixed(3)), Number((p.rate * 100).toFixed(2))]);
	return {
		animation: false,
		grid: { left: 130, right: 96, top: 16, bottom: 84 },
		tooltip: {
			// returns HTML: the payer name is imported text, so escape it (and the labels, uniformly)
			formatter: (p: { data: Datum }) =>
				`${escapeHtml(payers[p.data[1]])}<br/>${escapeHtml(categoryLabels[denialCategories[p.data[0]] as DenialCategory])}: ${p.data[3].toFixed(2)}% ${escapeHtml(metricLabels[metric].toLowerCase())}<br/>${Math.round(p.data[2] * 100)}% of the highest payer's`
		},
		xAxis: { type: 'category', data: denialCategories.map((c) => categoryLabels[c]), axisLabel: { rotate: 30, interval: 0 }, splitArea: { show: true } },
		yAxis: { type: 'category', data: payers, splitArea: { show: true } },
		visualMap: {
			min: 0, max: 1, dimension: 2, calculable: false, orient: 'vertical', right: 0, top: 'middle', itemHeight: 110,
			text: ['highest', 'lowest'], textGap: 6, inRange: { color: ['#f6f7f9', '#fcd9bd', '#f59e0b', '#b42318'] }
		},
		series: [
			{
				name: metricLabels[metric],
				type: 'heatmap',
				data,
				// canvas text, numbers only: nothing to escape
				label: { show: true, fontSize: 11, formatter: (p: { data: Datum }) => (p.data[3] > 0 ? `${p.data[3].toFixed(1)}%` : '') }
			}
		]
	};
}
