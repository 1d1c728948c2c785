// Option builder (pure): monthly denial rate, one line per specialty, for one metric (claim,
// line or dollar rate). Months with no adjudicated claims/lines for a specialty are gaps.
import type { EChartsCoreOption } from 'echarts/core';
import type { RateMetric, TrendRow } from '../../schemas/denials.ts';
import { metricLabels, palette, pct, rateOf } from './denial-rates.ts';

export interface TrendSeries {
	specialty: string;
	rates: (number | null)[];
}

/** Months (sorted) and one series of rates per specialty (sorted by name). */
export function trendSeries(rows: TrendRow[], metric: RateMetric): { months: string[]; series: TrendSeries[] } {
	const months = [...new Set(rows.map((r) => r.month))].sort();
	const specialties = [...new Set(rows.map((r) => r.specialty))].sort();
	const byKey = new Map(rows.map((r) => [`${r.specialty}|${r.month}`, r]));
	return {
		months,
		series: specialties.map((specialty) => ({
			specialty,
			rates: months.map((m) => {
				const row = byKey.get(`${specialty}|${m}`);
				return row ? rateOf(row, metric) : null;
			})
		}))
	};
}

export function denialTrendOption(rows: TrendRow[], metric: RateMetric): EChartsCoreOption {
	const { months, series } = trendSeries(rows, metric);
	return {
		animation: false,
		grid: { left: 52, right: 20, top: 56, bottom: 32 },
		legend: { top: 0, type: 'scroll' },
		// no formatter: ECharts' default tooltip encodes names and values, valueFormatter output too (see ../escape-html.ts)
		tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : 'n/a') },
		xAxis: { type: 'category', data: months },
		yAxis: { type: 'value', min: 0, name: metricLabels[metric], nameTextStyle: { align: 'left' }, axisLabel: { formatter: '{value}%' } },
		series: series.map((s, i) => ({
			name: s.specialty,
			type: 'line',
			connectNulls: false,
			symbolSize: 5,
			itemStyle: { color: palette[i % palette.length] },
			data: s.rates.map(pct)
		}))
	};
}
