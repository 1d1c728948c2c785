// A sample's design target in words, for the draw form, the manifest, the report and the
// warnings (server/sampling/design-checks.ts). Pure; shared by server and pages.
import type { DesignTarget } from './schemas/sampling.ts';

/** "±10% of the point estimate at 90% confidence" (variable), "±5.0 points of the error rate at 95% confidence" (attribute), or "N units". */
export function targetText(t: DesignTarget): string {
	if (t.precision === null || t.confidence === null) return `${t.recommended_size} units`;
	const what = t.basis === 'attribute' ? `±${(t.precision * 100).toFixed(1)} points of the error rate` : `±${Math.round(t.precision * 100)}% of the point estimate`;
	return `${what} at ${Math.round(t.confidence * 100)}% confidence`;
}
