// Warnings a reviewer's counsel would otherwise find first (issue 14 item 4): a sample drawn
// smaller than the calculator recommended, and an appraisal whose precision is worse than the
// target the sample was sized for. The target travels with the draw (DesignTarget in the
// manifest), so the warning is in the manifest, the appraisal (`appraise --json`), the page and
// the printable report, and cannot be dropped by whoever prints it. Pure.
import type { DesignTarget } from '../../schemas/sampling.ts';
import type { VariableAppraisal } from '../stats/appraisal-variable.ts';
import type { AttributeAppraisal } from '../stats/appraisal-attribute.ts';
import { targetText } from '../../sampling-target.ts';

const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;

/**
 * Warnings at draw time. `size` is the number of sampled units (spares excluded).
 * @returns [] when there is no target or the sample is at least the recommended size
 */
export function drawWarnings(size: number, target: DesignTarget | null): string[] {
	if (!target || size >= target.recommended_size) return [];
	return [
		`Drew ${size} units, fewer than the ${target.recommended_size} the sample-size calculator recommended for ${targetText(target)}: the appraisal's precision is likely to be worse than that target.`
	];
}

/**
 * Warnings at appraisal time: the achieved precision at the target confidence against the target.
 * Variable: the two-sided interval's half-width as a share of the point estimate (precision %).
 * Attribute: half the exact interval's width, in rate points (what the attribute size is searched for).
 * A target confidence the appraisal does not report (only 80/90/95%) gets a note instead.
 */
export function appraisalWarnings(target: DesignTarget | null, variable: VariableAppraisal | null, attribute: AttributeAppraisal | null): string[] {
	if (!target || target.precision === null || target.confidence === null) return [];
	const c = target.confidence;
	const out: string[] = [];
	if (target.basis === 'attribute') {
		if (!attribute) return [];
		const i = attribute.intervals.find((x) => Math.abs(x.confidence - c) < 1e-9);
		if (!i) return [`The target confidence ${pct(c, 0)} is not one the appraisal reports (80, 90, 95%): compare the precision by hand.`];
		const achieved = (i.upper_rate - i.lower_rate) / 2;
		if (achieved > target.precision + 1e-12) out.push(`The error rate's precision at ${pct(c, 0)} confidence is ±${(achieved * 100).toFixed(2)} points, worse than the ±${(target.precision * 100).toFixed(1)} points the sample was sized for.`);
		return out;
	}
	if (!variable) return [];
	const i = variable.intervals.find((x) => Math.abs(x.confidence - c) < 1e-9);
	if (!i) return [`The target confidence ${pct(c, 0)} is not one the appraisal reports (80, 90, 95%): compare the precision by hand.`];
	if (i.precision_pct === null) out.push(`The point estimate is $0, so its precision cannot be compared with the ±${pct(target.precision, 0)} target.`);
	else if (Math.abs(i.precision_pct) > target.precision + 1e-12) out.push(`The overpayment's precision at ${pct(c, 0)} confidence is ±${pct(Math.abs(i.precision_pct), 2)} of the point estimate, worse than the ±${pct(target.precision, 0)} the sample was sized for.`);
	return out;
}
