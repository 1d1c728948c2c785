// Warnings when a sample is drawn smaller than recommended or appraises less precisely than the
// target it was sized for (issue 14 item 4). Expected values worked out by hand / in Python.
import { describe, expect, it } from 'vitest';
import { appraisalWarnings, drawWarnings } from '../../src/lib/server/sampling/design-checks.ts';
import { appraiseVariable } from '../../src/lib/server/stats/appraisal-variable.ts';
import { appraiseAttributeUnrestricted } from '../../src/lib/server/stats/appraisal-attribute.ts';
import type { DesignTarget } from '../../src/lib/schemas/sampling.ts';

const target = (o: Partial<DesignTarget> = {}): DesignTarget => ({ recommended_size: 125, basis: 'variable', precision: 0.1, confidence: 0.9, ...o });

describe('draw warnings', () => {
	it('warns at n - 1, not at n or n + 1', () => {
		expect(drawWarnings(124, target())).toEqual([
			'Drew 124 units, fewer than the 125 the sample-size calculator recommended for ±10% of the point estimate at 90% confidence: the appraisal\'s precision is likely to be worse than that target.'
		]);
		expect(drawWarnings(125, target())).toEqual([]);
		expect(drawWarnings(126, target())).toEqual([]);
	});

	it('no target, no warning; a preset target speaks in units', () => {
		expect(drawWarnings(1, null)).toEqual([]);
		expect(drawWarnings(99, target({ recommended_size: 100, basis: 'preset', precision: null, confidence: null }))[0]).toMatch(/fewer than the 100 the sample-size calculator recommended for 100 units/);
	});
});

describe('appraisal warnings', () => {
	// differences 10, 0, 10, 0 in a universe of 8: mean 5, s = sqrt(100/3) = 5.773503,
	// SE = 8 x 5.773503 / 2 x sqrt(4/8) = 16.329932, t(3, 0.95) = 2.353363 (scipy.stats.t.ppf),
	// precision 38.430264 on a point of 40: 96.0757% of the point estimate
	const variable = appraiseVariable([{ stratum: 1, universe: 8, examined: [10, 10, 10, 10], audited: [0, 10, 0, 10] }]);

	it('variable: 96.08% achieved warns against a 96% target, not against 97%', () => {
		expect(variable.intervals.find((i) => i.confidence === 0.9)?.precision_pct).toBeCloseTo(0.9607566, 6);
		expect(appraisalWarnings(target({ precision: 0.96 }), variable, null)).toEqual([
			"The overpayment's precision at 90% confidence is ±96.08% of the point estimate, worse than the ±96% the sample was sized for."
		]);
		expect(appraisalWarnings(target({ precision: 0.97 }), variable, null)).toEqual([]);
	});

	it('attribute: 9 errors in 186 of 1,000 at 95% are +/- 3.00 points wide, so a 3-point target holds and 2.9 does not', () => {
		// exact limits 25 and 85 (scipy, see sampling-size.test.ts): half-width (0.085 - 0.025) / 2 = 0.030
		const attribute = appraiseAttributeUnrestricted({ stratum: 1, universe: 1000, sample_size: 186, errors: 9 });
		const t = target({ basis: 'attribute', recommended_size: 186, precision: 0.03, confidence: 0.95 });
		expect(appraisalWarnings(t, null, attribute)).toEqual([]);
		expect(appraisalWarnings({ ...t, precision: 0.029 }, null, attribute)).toEqual([
			"The error rate's precision at 95% confidence is ±3.00 points, worse than the ±2.9 points the sample was sized for."
		]);
	});

	it('a confidence the appraisal does not report is said, not guessed', () => {
		expect(appraisalWarnings(target({ confidence: 0.99 }), variable, null)[0]).toMatch(/not one the appraisal reports/);
	});
});
