// Report module: the appraisal report (issue 12), laid out as a RAT-STATS printout (OIG
// RAT-STATS 2019 user guide, variable and attribute appraisal output): audit name and run date,
// universe and sample size, the examined, audited and difference values side by side (mean,
// point estimate, standard error, and at 80/90/95% the lower and upper limits, precision
// amount and percent, t), the count of nonzero differences, the recovery amounts, the
// attribute appraisal, and the item listing.
import { z } from 'zod';
import { escapeHtml as e } from '../../charts/escape-html.ts';
import { getManifest } from '../sampling/manifest.ts';
import { listFindings } from '../sampling/findings.ts';
import { appraiseFindings } from '../sampling/appraise.ts';
import { SamplingError } from '../sampling/frames.ts';
import type { TwoSided } from '../stats/appraisal.ts';
import { dataStamp, int, money, pct, reportDocument, table } from './layout.ts';
import { ReportError, type ReportContext } from './types.ts';

import { AppraisalParams } from './registry.ts';
type AppraisalParams = z.infer<typeof AppraisalParams>;

const at = (xs: TwoSided[] | undefined, c: number) => xs?.find((x) => Math.abs(x.confidence - c) < 1e-9);

/** The appraisal report as a complete HTML document. @throws ReportError for an unknown sample */
export async function appraisalReportHtml(p: AppraisalParams, ctx: ReportContext): Promise<{ html: string; filename: string }> {
	let manifest;
	try {
		manifest = await getManifest(p.sample, { dbPath: ctx.dbPath });
	} catch (err) {
		if (err instanceof SamplingError) throw new ReportError(err.message);
		throw err;
	}
	const findings = await listFindings(p.sample, ctx.dbPath);
	const a = appraiseFindings(manifest, findings);
	const byItem = new Map(findings.map((f) => [f.item, f]));
	const sampled = manifest.units.filter((u) => u.role === 'sample');
	const name = manifest.frame.name ?? `frame ${manifest.frame.frame_id}`;
	const parts: string[] = [];
	parts.push(`<p><strong>Audit:</strong> ${e(name)} · sample ${manifest.sample_id} · ${e(manifest.method)}${a.design === 'stratified' ? `, ${manifest.strata.length} strata` : ''} · seed ${manifest.seed} · drawn ${e(manifest.drawn_at)} by ${e(manifest.drawn_by)}<br>
<strong>Run date:</strong> ${e(ctx.at.replace('T', ' ').slice(0, 19))} UTC · frame checksum ${e(manifest.frame.checksum.slice(0, 16))}…</p>
<div class="kpis"><div class="kpi">Universe size<b>${int(manifest.frame.size)}</b></div><div class="kpi">Sample size<b>${int(a.sample_size)}</b></div><div class="kpi">Reviewed<b>${int(a.reviewed)}</b></div><div class="kpi">Nonzero differences<b>${a.variable?.nonzero_differences ?? (a.status === 'complete' ? '—' : '')}</b></div></div>`);
	if (a.status !== 'complete') parts.push(`<p class="flag">Incomplete: ${a.missing_items.length} of ${a.sample_size} sampled items have no finding yet (items ${a.missing_items.slice(0, 40).join(', ')}${a.missing_items.length > 40 ? ', …' : ''}). RAT-STATS appraises only a complete sample.</p>`);
	const v = a.variable;
	if (v) {
		// the sample's own totals (RAT-STATS prints them beside the projections), from the items:
		// every finding has an audited amount when a variable appraisal exists
		const cents = (n: number) => Math.round(n * 100) / 100;
		const examinedSum = cents(sampled.reduce((t, u) => t + u.examined_amount, 0));
		const auditedSum = cents(sampled.reduce((t, u) => t + (byItem.get(u.item)?.audited_amount ?? 0), 0));
		const cols: [string, { point_estimate: number; standard_error: number; intervals: TwoSided[] } | null, number | null][] = [
			['Examined', v.examined, examinedSum],
			['Audited', v.audited, auditedSum],
			['Difference', { point_estimate: v.point_estimate, standard_error: v.standard_error, intervals: v.intervals }, cents(examinedSum - auditedSum)]
		];
		const rows: string[][] = [
			['Sample total', ...cols.map(([, , t]) => money(t))],
			['Mean', ...cols.map(([, , t]) => (t === null ? '' : money(t / a.sample_size)))],
			['Point estimate', ...cols.map(([, x]) => money(x?.point_estimate))],
			['Standard error', ...cols.map(([, x]) => money(x?.standard_error))]
		];
		for (const c of [0.8, 0.9, 0.95]) {
			const label = `${Math.round(c * 100)}% confidence`;
			rows.push([`<strong>${label}</strong>: lower limit`, ...cols.map(([, x]) => money(at(x?.intervals, c)?.lower))]);
			rows.push(['upper limit', ...cols.map(([, x]) => money(at(x?.intervals, c)?.upper))]);
			rows.push(['precision amount', ...cols.map(([, x]) => money(at(x?.intervals, c)?.precision))]);
			rows.push(['precision percent', ...cols.map(([, x]) => pct(at(x?.intervals, c)?.precision_pct ?? null, 2))]);
			rows.push([v.df === null ? 'z-value' : 't-value', ...cols.map(([, x]) => at(x?.intervals, c)?.critical.toFixed(6) ?? '')]);
		}
		parts.push(`<h2>Variable appraisal (${e(v.design)}${v.df !== null ? `, ${v.df} degrees of freedom` : ', normal z'})</h2>${table(['', 'Examined', 'Audited', 'Difference'], rows, [1, 2, 3])}`);
		parts.push(`<h3>Recovery</h3>${table(['Convention', 'Amount', 'Basis'], [
			['OIG audit', money(v.recovery.oig_audit.amount), e(v.recovery.oig_audit.basis)],
			['CMS contractor', money(v.recovery.cms_contractor.amount), e(v.recovery.cms_contractor.basis)],
			['Self-disclosure', money(v.recovery.self_disclosure.amount), e(v.recovery.self_disclosure.basis)]
		], [1])}`);
	}
	const t = a.attribute;
	if (t) {
		parts.push(`<h2>Attribute appraisal (${e(t.method)})</h2>${table(['', 'Value'], [
			['Errors in the sample', `${int(t.errors)} of ${int(t.sample_size)}`],
			['Error rate (point estimate)', pct(t.rate, 2)],
			['Projected errors in the universe', int(t.projected_errors)],
			...t.intervals.map((i) => [`${Math.round(i.confidence * 100)}% two-sided`, `${pct(i.lower_rate, 2)} to ${pct(i.upper_rate, 2)} (${int(i.lower_count)} to ${int(i.upper_count)} items)`]),
			['90% one-sided upper limit', `${pct(t.upper_one_sided_90.upper_rate, 2)} (${int(t.upper_one_sided_90.upper_count)} items)`]
		], [1])}`);
	}
	if (a.warnings.length || a.notes.length) parts.push(`<h3>Notes</h3><ul>${[...a.warnings, ...a.notes].map((x) => `<li>${e(x)}</li>`).join('')}</ul>`);
	parts.push(`<h2>Item listing</h2>${table(
		['Item', 'Stratum', 'Unit', 'Examined', 'Audited', 'Difference', 'Error', 'Note'],
		sampled.map((u) => {
			const f = byItem.get(u.item);
			const audited = f?.audited_amount ?? null;
			return [String(u.item), String(u.stratum), e(u.unit_id ?? ''), money(u.examined_amount), audited === null ? '' : money(audited), audited === null ? '' : money(u.examined_amount - audited), f ? (f.error ? 'yes' : 'no') : '<span class="flag">missing</span>', e(f?.note ?? '')];
		}),
		[0, 1, 3, 4, 5]
	)}`);
	const meta = { title: `Appraisal: ${name} (sample ${manifest.sample_id})`, period: `the frame as saved ${manifest.frame.created_at.slice(0, 10)}: ${int(manifest.frame.size)} ${manifest.frame.unit === 'claim' ? 'claims' : 'claim lines'}, ${money(manifest.frame.total_paid)} paid`, filters: Object.entries(manifest.frame.definition).filter(([, x]) => x !== null && x !== undefined && x !== '' && !(Array.isArray(x) && x.length === 0)).map(([k, x]) => [k, Array.isArray(x) ? x.join(', ') : String(x)] as [string, string]), generated_by: ctx.by, generated_at: ctx.at, ...(await dataStamp(ctx.dbPath)) };
	return { html: reportDocument(meta, parts.join('\n')), filename: `claimlens-appraisal-sample-${manifest.sample_id}-${ctx.at.slice(0, 10)}.pdf` };
}
