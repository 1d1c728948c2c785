// Plain-text appraisal summaries for the CLI (the page and the printable report render the
// same objects as HTML).
import type { VariableAppraisal } from '../stats/appraisal-variable.ts';
import type { AttributeAppraisal } from '../stats/appraisal-attribute.ts';

const money = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(2)}%`);

export function variableText(v: VariableAppraisal): string {
	const lines = [
		`variable appraisal (difference estimator), ${v.design}: N = ${v.universe}, n = ${v.sample_size}${v.nonzero_differences !== null ? `, nonzero differences ${v.nonzero_differences}` : ''}`,
		`  mean difference ${v.mean_difference.toFixed(4)}${v.sd_difference !== null ? `, SD ${v.sd_difference.toFixed(4)}` : ''}`,
		`  point estimate ${money(v.point_estimate)}, standard error ${money(v.standard_error)}, ${v.df === null ? 'z (stratified)' : `t with ${v.df} df`}`
	];
	for (const i of v.intervals) {
		lines.push(`  ${Math.round(i.confidence * 100)}% two-sided: ${money(i.lower)} to ${money(i.upper)}  (precision ${money(i.precision)}, ${pct(i.precision_pct)}; ${v.df === null ? 'z' : 't'} = ${i.critical.toFixed(12)})`);
	}
	// the examined and audited totals too, as RAT-STATS reports them
	for (const [label, e] of [['examined', v.examined], ['audited', v.audited]] as const) {
		if (!e) continue;
		for (const i of e.intervals) lines.push(`  ${label} total ${money(e.point_estimate)} (SE ${money(e.standard_error)}), ${Math.round(i.confidence * 100)}% two-sided: ${money(i.lower)} to ${money(i.upper)}`);
	}
		// each recovery convention under its own name (appraisal.ts `recoveries`)
	for (const r of [v.recovery.oig_audit, v.recovery.cms_contractor, v.recovery.self_disclosure]) lines.push(`  ${r.basis}: ${money(r.amount)}`);
	if (v.strata.length > 1) {
		for (const s of v.strata) {
			const i90 = s.intervals.find((i) => i.confidence === 0.9);
			lines.push(`  stratum ${s.stratum}: N ${s.universe}, n ${s.n}, mean ${s.mean.toFixed(2)}, SD ${s.sd.toFixed(2)}, total ${money(s.point_estimate)}, SE ${money(s.standard_error)}${i90 ? `, 90% ${money(i90.lower)} to ${money(i90.upper)}` : ''}`);
		}
	}
	return lines.join('\n');
}

export function attributeText(a: AttributeAppraisal): string {
	const lines = [
		`attribute appraisal (${a.method}), ${a.design}: N = ${a.universe}, n = ${a.sample_size}, errors ${a.errors}`,
		`  error rate ${pct(a.rate)}, projected errors ${a.projected_errors.toFixed(1)}`
	];
	for (const i of a.intervals) lines.push(`  ${Math.round(i.confidence * 100)}% two-sided: ${pct(i.lower_rate)} to ${pct(i.upper_rate)}  (${i.lower_count.toFixed(0)} to ${i.upper_count.toFixed(0)} units)`);
	lines.push(`  90% one-sided upper limit: ${pct(a.upper_one_sided_90.upper_rate)}`);
	return lines.join('\n');
}
