// Denial chart option builders, on numbers worked out by hand.
import { describe, expect, it } from 'vitest';
import { rateOf } from '../../src/lib/charts/options/denial-rates.ts';
import { denialTrendOption, trendSeries } from '../../src/lib/charts/options/denial-trend.ts';
import { denialParetoOption, paretoBars } from '../../src/lib/charts/options/denial-pareto.ts';
import { denialHeatmapOption, heatPoints } from '../../src/lib/charts/options/denial-heatmap.ts';
import type { DenialRateRow, HeatCell, TrendRow } from '../../src/lib/schemas/denials.ts';

const counts = { claims: 8, denied_claims: 2, lines: 10, denied_lines: 5, charges: 1000, denied_charges: 100 };

describe('rateOf', () => {
	it('divides the metric\'s denied count by its total', () => {
		expect(rateOf(counts, 'claim')).toBe(0.25); // 2 / 8
		expect(rateOf(counts, 'line')).toBe(0.5); // 5 / 10
		expect(rateOf(counts, 'dollar')).toBe(0.1); // 100 / 1000
		expect(rateOf({ ...counts, lines: 0, denied_lines: 0 }, 'line')).toBeNull();
	});
});

describe('trend', () => {
	const row = (month: string, specialty: string, lines: number, denied: number): TrendRow => ({ month, specialty, claims: lines, denied_claims: denied, lines, denied_lines: denied, charges: lines * 10, denied_charges: denied * 10 });
	const rows = [row('2025-02', 'Psychiatry', 10, 1), row('2025-01', 'Dermatology', 4, 1), row('2025-02', 'Dermatology', 5, 2)];

	it('one series per specialty over every month, gaps as null', () => {
		expect(trendSeries(rows, 'line')).toEqual({
			months: ['2025-01', '2025-02'],
			series: [{ specialty: 'Dermatology', rates: [0.25, 0.4] }, { specialty: 'Psychiatry', rates: [null, 0.1] }]
		});
	});

	it('plots percentages', () => {
		const o = denialTrendOption(rows, 'line') as { series: { name: string; data: (number | null)[] }[]; xAxis: { data: string[] } };
		expect(o.xAxis.data).toEqual(['2025-01', '2025-02']);
		expect(o.series.map((s) => [s.name, s.data])).toEqual([['Dermatology', [25, 40]], ['Psychiatry', [null, 10]]]);
	});
});

describe('Pareto', () => {
	const carc = (group: string, denied_lines: number): DenialRateRow => ({ group, claims: 100, denied_claims: denied_lines, claim_denial_rate: null, lines: 100, denied_lines, line_denial_rate: null, charges: 1, denied_charges: 0, dollar_denial_rate: null, excluded_categories: [] });
	const rows = [carc('CO-16', 20), carc('CO-97', 50), carc('CO-18', 10), carc('CO-50', 20)];

	it('sorts codes by count, cumulative share of all code occurrences', () => {
		// total 100: 50 -> 50%, +20 (CO-16 before CO-50 alphabetically) -> 70%, +20 -> 90%, +10 -> 100%
		expect(paretoBars(rows, 'line')).toEqual([
			{ code: 'CO-97', value: 50, cumulative: 0.5 },
			{ code: 'CO-16', value: 20, cumulative: 0.7 },
			{ code: 'CO-50', value: 20, cumulative: 0.9 },
			{ code: 'CO-18', value: 10, cumulative: 1 }
		]);
	});

	it('folds the tail into one bar', () => {
		expect(paretoBars(rows, 'line', 2)).toEqual([
			{ code: 'CO-97', value: 50, cumulative: 0.5 },
			{ code: 'CO-16', value: 20, cumulative: 0.7 },
			{ code: 'other codes (2)', value: 30, cumulative: 1 }
		]);
	});

	it('bars on the left axis, cumulative percent on the right', () => {
		const o = denialParetoOption(rows, 'line') as { series: { data: number[]; yAxisIndex?: number }[] };
		expect(o.series[0]?.data).toEqual([50, 20, 20, 10]);
		expect(o.series[1]).toMatchObject({ yAxisIndex: 1, data: [50, 70, 90, 100] });
	});
});

describe('payer x category heat map', () => {
	const cell = (payer: string, category: HeatCell['category'], denied: number): HeatCell => ({ payer, category, claims: 40, denied_claims: denied, lines: 200, denied_lines: denied, charges: 1000, denied_charges: denied });

	it('every payer x category, 0 where nothing was denied; colour relative to the category\'s highest payer', () => {
		const { payers, points } = heatPoints([cell('Acme', 'authorization', 50), cell('Acme', 'coding', 10), cell('Medicare', 'coding', 20)], 'line');
		expect(payers).toEqual(['Acme', 'Medicare']);
		expect(points).toHaveLength(16);
		expect(points.find((p) => p.payer === 'Acme' && p.category === 'authorization')).toMatchObject({ rate: 0.25, relative: 1 }); // 50 / 200
		expect(points.find((p) => p.payer === 'Medicare' && p.category === 'authorization')).toMatchObject({ rate: 0, relative: 0 });
		// coding: Acme 10/200 = 5%, Medicare 20/200 = 10%: Acme is half the highest
		expect(points.find((p) => p.payer === 'Acme' && p.category === 'coding')).toMatchObject({ rate: 0.05, relative: 0.5 });
	});

	it('cells are [category index, payer index, relative, percent]', () => {
		const o = denialHeatmapOption([cell('Acme', 'authorization', 10), cell('Medicare', 'authorization', 5)], 'claim') as { series: { data: number[][] }[] };
		expect(o.series[0]?.data[1]).toEqual([1, 0, 1, 25]); // authorization is category 1; 10 / 40 claims
		expect(o.series[0]?.data[9]).toEqual([1, 1, 0.5, 12.5]); // Medicare: 5 / 40, half of Acme's
	});
});
