// Report module: the coder scorecard (issue 12): one coder's line, claim and diagnosis accuracy
// with 95% intervals against the configured target, the error classes, accuracy by month, each
// education with the accuracy before and after it, and the re-audit due date of the score band.
import type { z } from 'zod';
import { escapeHtml as e } from '../../charts/escape-html.ts';
import { errorClasses } from '../../schemas/accuracy.ts';
import { getCoderAccuracy } from '../accuracy/get-accuracy.ts';
import { listEducation, reauditStatus } from '../accuracy/education.ts';
import { bandLabel } from '../accuracy/reaudit.ts';
import type { CoderParams } from './registry.ts';
import { dataStamp, int, money, pct, reportDocument, table } from './layout.ts';
import { ReportError, type ReportContext } from './types.ts';

const interval = (lo: number | null, hi: number | null) => (lo === null || hi === null ? '' : `${pct(lo)} to ${pct(hi)}`);

/** The scorecard as a complete HTML document. @throws ReportError for a coder with no audited line */
export async function coderReportHtml(p: z.infer<typeof CoderParams>, ctx: ReportContext): Promise<{ html: string; filename: string }> {
	const today = ctx.at.slice(0, 10);
	const a = await getCoderAccuracy(p.coder, {}, { errorsOnly: true, limit: 0 }, ctx.dbPath);
	if (a.overall.audited_lines === 0) throw new ReportError(`no audited lines for coder ${p.coder}`);
	const educations = await listEducation({ coder: p.coder, dbPath: ctx.dbPath });
	const status = await reauditStatus({ coder: p.coder, today, dbPath: ctx.dbPath });
	const r = status.coders.find((c) => c.coder_id === p.coder) ?? null;
	const target = status.settings.target;
	const o = a.overall;
	const parts: string[] = [];
	parts.push(`<div class="kpis"><div class="kpi">Line accuracy<b>${pct(o.line_accuracy)}</b><small>${interval(o.line_accuracy_low, o.line_accuracy_high)}</small></div><div class="kpi">Claim accuracy<b>${pct(o.claim_accuracy)}</b><small>${interval(o.claim_accuracy_low, o.claim_accuracy_high)}</small></div><div class="kpi">Diagnosis accuracy<b>${pct(o.dx_accuracy)}</b><small>${interval(o.dx_accuracy_low, o.dx_accuracy_high)}</small></div><div class="kpi">Target<b>${pct(target)}</b><small>${o.below_target ? '<span class="flag">below target</span>' : 'not below target'}</small></div></div>
<p>${int(o.correct_lines)} of ${int(o.audited_lines)} audited lines correct on ${int(o.audited_claims)} claims; financial impact ${money(o.financial_impact)} (overbilled ${money(o.overbilled)}, underbilled ${money(o.underbilled)}). "Below target" means the whole 95% interval is under the target.</p>`);
	parts.push(`<h2>Re-audit</h2>${r ? `<p>${r.due_on ? `Due <strong>${e(r.due_on)}</strong>${r.overdue ? ` <span class="flag">overdue by ${r.days_overdue} days</span>` : ''}` : 'No re-audit scheduled'}: ${e(r.basis)}</p>` : '<p class="muted">No re-audit schedule.</p>'}
<p><small>Bands: ${status.settings.bands.map((b, i) => `${e(bandLabel(status.settings.bands, i))}: every ${b.interval_days} days`).join('; ')}; a re-audit at most ${status.settings.after_education_days} days after an education.</small></p>`);
	parts.push(`<h2>Error classes</h2>${table(['Error class', 'Lines'], errorClasses.map((c) => [e(c.replaceAll('_', ' ')), int(o.errors[c])]).filter((row) => row[1] !== '0'), [1], 'No errors found.')}`);
	parts.push(`<h2>By month</h2>${table(['Month', 'Audited lines', 'Line accuracy', '95% interval'], a.months.map((m) => [e(m.group), int(m.audited_lines), pct(m.line_accuracy), interval(m.line_accuracy_low, m.line_accuracy_high)]), [1, 2], 'No months.')}`);
	parts.push(`<h2>Education and its effect</h2>${table(
		['Date', 'Topic', 'Classes', 'Before: accuracy (lines)', '95% interval', 'After: accuracy (lines)', '95% interval'],
		educations.map((x) => [`<span class="nowrap">${e(x.given_on)}</span>`, `${e(x.topic)}<br><small>by ${e(x.recorded_by)}</small>`, e(x.error_classes.map((c) => c.replaceAll('_', ' ')).join(', ')), `${pct(x.before.accuracy)} (${int(x.before.lines)})`, interval(x.before.low, x.before.high), `${pct(x.after.accuracy)} (${int(x.after.lines)})`, interval(x.after.low, x.after.high)]),
		[3, 5], 'No education recorded for this coder.'
	)}`);
	const meta = { title: `Coder scorecard: ${p.coder}`, period: `every audit of the coder (${a.months[0]?.group ?? '—'} to ${a.months.at(-1)?.group ?? '—'})`, filters: [['Coder', p.coder], ['Accuracy target', pct(target)]] as [string, string][], generated_by: ctx.by, generated_at: ctx.at, ...(await dataStamp(ctx.dbPath)) };
	return { html: reportDocument(meta, parts.join('\n')), filename: `claimlens-coder-${p.coder.replace(/[^A-Za-z0-9_-]/g, '_')}-${today}.pdf` };
}
