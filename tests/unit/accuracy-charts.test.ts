// Coder accuracy option builders (pure): the Wilson band is a stacked pair (lower bound, then
// upper - lower), the 95% target is drawn on every panel, error classes stack to the error rate.
import { describe, expect, it } from 'vitest';
import { accuracyTrendOption, trendFloor, trendLayout, type TrendPanel } from '../../src/lib/charts/options/accuracy-trend.ts';
import { errorBreakdownOption, errorClassesOption } from '../../src/lib/charts/options/accuracy-errors.ts';
import type { ErrorCounts } from '../../src/lib/schemas/accuracy.ts';

type Series = { name: string; type: string; stack?: string; xAxisIndex?: number; data: unknown[] };

const panel = (label: string, pts: [string, number, number, number, number][]): TrendPanel => ({
	label,
	points: pts.map(([month, correct, n, low, high]) => ({ month, correct, n, rate: correct / n, low, high }))
});

describe('accuracyTrendOption', () => {
	const months = ['2025-01', '2025-02', '2025-03'];
	// 2025-02 has no audits for Dermatology: every series has a gap there
	const derm = panel('Dermatology', [['2025-01', 8, 10, 0.49016, 0.94332], ['2025-03', 10, 10, 0.72247, 1]]);
	const im = panel('Internal Medicine', [['2025-01', 19, 20, 0.76387, 0.99113], ['2025-02', 20, 20, 0.83887, 1], ['2025-03', 18, 20, 0.69897, 0.97213]]);

	it('one band (lower + width), accuracy line and target per panel, on its own axes', () => {
		const o = accuracyTrendOption([derm, im], months) as { series: Series[]; grid: unknown[]; xAxis: unknown[]; title: { text: string }[] };
		expect(o.grid).toHaveLength(2);
		expect(o.xAxis).toHaveLength(2);
		expect(o.title.map((t) => t.text)).toEqual(['Dermatology', 'Internal Medicine']);
		const first = o.series.filter((s) => s.xAxisIndex === 0);
		expect(first.map((s) => s.name)).toEqual(['95% interval', '95% interval', 'Line accuracy', '95% target']);
		const [lower, width, line, target] = first as [Series, Series, Series, Series];
		expect(lower.stack).toBe(width.stack);
		expect(lower.data).toEqual([49.02, null, 72.25]);
		expect(width.data).toEqual([45.32, null, 27.75]); // 94.332 - 49.016 = 45.316; 100 - 72.247 = 27.753
		expect(line.data.map((d) => (d as { value: number } | null)?.value ?? null)).toEqual([80, null, 100]);
		expect(line.data[0]).toMatchObject({ correct: 8, n: 10 });
		expect(target.data).toEqual([95, 95, 95]);
	});

	it('y floor: 5 points under the lowest monthly rate, at most 90%, in round steps', () => {
		expect(trendFloor([im], 0.95)).toBe(85); // lowest rate 90% -> 85
		expect(trendFloor([derm], 0.95)).toBe(75); // lowest rate 80% -> 75
		const o = accuracyTrendOption([derm], months) as { yAxis: { min: number; interval: number }[] };
		expect(o.yAxis[0]).toMatchObject({ min: 70, interval: 10 }); // range 25 -> 10-point steps from 70
	});

	it('layout: up to four small multiples a row; a single panel fills the chart', () => {
		expect(trendLayout(7)).toEqual({ columns: 4, rows: 2, height: '454px' }); // 34 + 2 x 210
		expect(trendLayout(1)).toEqual({ columns: 1, rows: 1, height: '300px' });
	});
});

describe('error class charts', () => {
	const errors: ErrorCounts = { upcoded: 3, downcoded: 1, wrong_code: 0, added_by_auditor: 0, not_supported: 1, modifier_error: 5, units_error: 0 };

	it('stacks each class as a share of audited lines', () => {
		const o = errorClassesOption([{ label: 'Dermatology', audited_lines: 200, errors }]) as { series: Series[] };
		expect(o.series).toHaveLength(7);
		expect(o.series.every((s) => s.stack === 'errors')).toBe(true);
		const up = o.series.find((s) => s.name === 'Upcoded');
		expect(up?.data[0]).toEqual({ value: 1.5, count: 3 }); // 3 / 200 = 1.5%
		const total = o.series.reduce((t, s) => t + (s.data[0] as { value: number }).value, 0);
		expect(total).toBeCloseTo(5, 10); // 10 wrong lines / 200 = 5%: the stack is the error rate
	});

	it('breakdown: one bar per class with its count', () => {
		const o = errorBreakdownOption(errors) as { series: { data: { value: number }[] }[] };
		expect(o.series[0]?.data.map((d) => d.value)).toEqual([3, 1, 0, 0, 1, 5, 0]);
	});
});
