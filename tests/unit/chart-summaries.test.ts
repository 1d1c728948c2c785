// Chart text summaries for screen readers (pure): each sentence states what the chart's rows say,
// checked here on hand-made rows whose extremes and counts can be read off by eye.
import { describe, expect, it } from 'vitest';
import {
	accuracyTrendSummary, codeDistributionSummary, denialHeatmapSummary, denialParetoSummary, denialTrendSummary, errorBreakdownSummary,
	errorClassesSummary, funnelSummary, monthlyRateSummary, monthlyVolumeSummary, samplingIntervalSummary
} from '../../src/lib/charts/summaries.ts';
import type { TrendPanel } from '../../src/lib/charts/options/accuracy-trend.ts';
import type { ErrorCounts } from '../../src/lib/schemas/accuracy.ts';

const noErrors: ErrorCounts = { upcoded: 0, downcoded: 0, wrong_code: 0, added_by_auditor: 0, not_supported: 0, modifier_error: 0, units_error: 0 };
const panel = (label: string, pts: [string, number, number | null][]): TrendPanel => ({
	label,
	points: pts.map(([month, rate, high]) => ({ month, correct: 0, n: 0, rate, low: null, high }))
});

describe('chart summaries', () => {
	it('overview: month range, line extremes, denial rate range and the latest month', () => {
		const month = (m: string, lines: number, rate: number | null) => ({ month: `${m}-01`, lines, claims: 0, adjudicated_claims: 0, denied_claims: 0, claim_denial_rate: rate });
		expect(monthlyVolumeSummary([month('2024-01', 1200, 0.1), month('2024-02', 3400, 0.082), month('2024-03', 2100, null)])).toBe(
			'3 months, 2024-01 to 2024-03: 1,200 to 3,400 claim lines a month (most in 2024-02); claim denial rate 8.2% to 10.0%, n/a in 2024-03.'
		);
		expect(monthlyVolumeSummary([])).toBe('No months of claim lines.');
	});

	it('accuracy trend: one coder, or the highest and lowest specialty in its latest month', () => {
		const coder = panel('', [['2025-01', 0.9, 0.94], ['2025-02', 0.99, 1], ['2025-03', 0.96, 0.99]]);
		expect(accuracyTrendSummary([coder])).toBe(
			'3 months, 2025-01 to 2025-03: monthly line accuracy from 90.0% (2025-01) to 99.0% (2025-02), 96.0% in 2025-03; 1 month with the whole 95% interval under the 95% target.'
		);
		const derm = panel('Dermatology', [['2025-01', 0.8, 0.94], ['2025-02', 0.85, 0.9]]);
		const im = panel('Internal Medicine', [['2025-01', 0.97, 1], ['2025-03', 0.95, 0.99]]);
		expect(accuracyTrendSummary([derm, im])).toBe(
			"2 specialties, 3 months, 2025-01 to 2025-03. Latest month's line accuracy: highest Internal Medicine 95.0%, lowest Dermatology 85.0%. Months with the whole 95% interval under the 95% target: Dermatology (2)."
		);
	});

	it('error classes: wrong lines per 100 audited lines, highest with its top class, and lowest', () => {
		const rows = [
			{ label: 'Cardiology', audited_lines: 200, errors: { ...noErrors, upcoded: 6, units_error: 2 } }, // 4.0 per 100
			{ label: 'Dermatology', audited_lines: 50, errors: { ...noErrors, wrong_code: 1 } } // 2.0 per 100
		];
		expect(errorClassesSummary(rows)).toBe('Wrong lines per 100 audited lines for 2 specialties: highest Cardiology 4.0, most often upcoded; lowest Dermatology 2.0.');
		expect(errorBreakdownSummary({ ...noErrors, upcoded: 1, modifier_error: 3 })).toBe('4 wrong lines: modifier error 3, upcoded 1.');
		expect(errorBreakdownSummary(noErrors)).toBe('No wrong lines.');
	});

	it('drill-down: the code with the largest gap, the funnel counts, the monthly ranges', () => {
		const code = (procedure_code: string, provider_share: number, peer_share: number) => ({ procedure_code, provider_share, peer_share, provider_services: 0, peer_services: 0 });
		expect(codeDistributionSummary([code('99214', 0.3, 0.45), code('99215', 0.6, 0.2)])).toBe(
			"2 codes in the family; the largest difference is 99215: 60.0% of this provider's services against 20.0% of the peers'."
		);
		const peer = (npi: string, n: number, rate: number, flagged = false, self = false) => ({ npi, name: null, n, rate, flagged, self });
		expect(funnelSummary([peer('1', 100, 0.2), peer('2', 400, 0.55, true, true), peer('3', 50, 0.5, true)], 0.25)).toBe(
			'Funnel plot: 3 providers, 2 flagged above the upper 99.8% limit; pooled peer rate 25.0%. This provider: 55.0% on a volume of 400, flagged.'
		);
		const m = (month: string, provider_rate: number | null, peer_rate: number | null) => ({ month, provider_rate, provider_n: 0, peer_rate });
		expect(monthlyRateSummary([m('2024-01-01', 0.4, 0.2), m('2024-02-01', 0.6, 0.22), m('2024-03-01', null, 0.18)])).toBe(
			"3 months, 2024-01 to 2024-03: this provider's rate 40.0% to 60.0% (n/a in 2024-03); the peer rate 18.0% to 22.0% (18.0% in 2024-03)."
		);
	});

	it('appraisal intervals: point, each interval in order of confidence, the demands', () => {
		const intervals = [{ confidence: 0.9, lower: 900, upper: 1500 }, { confidence: 0.8, lower: 1000, upper: 1400 }];
		expect(samplingIntervalSummary({ point: 1200, intervals, unit: 'money', demands: [{ label: 'OIG demand', amount: 900 }] })).toBe(
			'Point estimate $1,200; two-sided intervals 80% $1,000 to $1,400, 90% $900 to $1,500; OIG demand $900.'
		);
		expect(samplingIntervalSummary({ point: 0.5, intervals: [{ confidence: 0.95, lower: 0.25, upper: 0.75 }], unit: 'rate' })).toBe('Point estimate 50.0%; two-sided intervals 95% 25.0% to 75.0%.');
	});

	it('denials: latest month per specialty, the largest reason codes, the highest payer x category cell', () => {
		const counts = (denied_claims: number, claims: number) => ({ claims, denied_claims, lines: claims, denied_lines: denied_claims, charges: 100 * claims, denied_charges: 100 * denied_claims });
		const trend = [
			{ month: '2024-01', specialty: 'Cardiology', ...counts(1, 10) },
			{ month: '2024-02', specialty: 'Cardiology', ...counts(3, 10) }, // latest 30%
			{ month: '2024-01', specialty: 'Dermatology', ...counts(1, 20) } // latest 5%, in 2024-01
		];
		expect(denialTrendSummary(trend, 'claim')).toBe(
			'Claim denial rate for 2 specialties, 2 months, 2024-01 to 2024-02. Latest month: highest Cardiology 30.0% (2024-02), lowest Dermatology 5.0% (2024-01).'
		);
		const carc = (group: string, denied: number) => ({ group, ...counts(denied, 1000), claim_denial_rate: null, line_denial_rate: null, dollar_denial_rate: null, excluded_categories: [] });
		// 50 + 30 + 15 + 5 = 100 denied lines: the largest is half, the top three 95%
		expect(denialParetoSummary([carc('16', 30), carc('197', 50), carc('50', 15), carc('18', 5)], 'line')).toBe(
			'4 reason codes; the largest, 197, has 50 denied lines (50.0% of all); the top 3 make up 95.0%.'
		);
		expect(denialParetoSummary([carc('197', 50)], 'dollar')).toBe('1 reason code; the largest, 197, has $5,000 denied charges (100.0% of all).');
		const cells = [
			{ payer: 'Acme', category: 'coding' as const, ...counts(4, 50) }, // 8%
			{ payer: 'Zenith', category: 'authorization' as const, ...counts(6, 40) } // 15%
		];
		expect(denialHeatmapSummary(cells, 'claim')).toBe('Claim denial rate by denial category for 2 payers; the highest cell is Zenith, authorization: 15.0%.');
	});
});
