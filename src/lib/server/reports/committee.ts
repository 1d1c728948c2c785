// Report module: the compliance committee pack (issue 12): the top flags, the audit work plan,
// denial and coder-accuracy summaries, and the open and overdue review cases, on one document
// with the period and data version it was made from.
import { z } from 'zod';
import { escapeHtml as e } from '../../charts/escape-html.ts';
import { outcomeLabel, statusLabel } from '../../schemas/cases.ts';
import { listFlags } from '../rules/evaluate.ts';
import { getWorkplan } from '../cases/workplan.ts';
import { listCases } from '../cases/cases.ts';
import { getDenialsPage } from '../denials/get-denials.ts';
import { getAccuracyOverview } from '../accuracy/get-accuracy.ts';
import { dataStamp, int, money, pct, reportDocument, table } from './layout.ts';
import { reportPeriod, type ReportContext } from './types.ts';
import { periodLabel } from '../../period.ts';

import { CommitteeParams } from './registry.ts';
type CommitteeParams = z.infer<typeof CommitteeParams>;

/** The committee pack as a complete HTML document. */
export async function committeeReportHtml(p: CommitteeParams, ctx: ReportContext): Promise<{ html: string; filename: string }> {
	const dbPath = ctx.dbPath;
	const today = ctx.at.slice(0, 10);
	const period = reportPeriod(p);
	const flags = await listFlags({ from: period?.from, to: period?.to }, dbPath);
	const w = await getWorkplan({ today, period, dbPath });
	const cases = await listCases({ status: 'active' }, { today, dbPath });
	// the most recently closed first
	const closed = (await listCases({ status: 'closed' }, { today, dbPath })).sort((a, b) => (b.closed_at ?? '').localeCompare(a.closed_at ?? '') || b.case_id - a.case_id).slice(0, p.top);
	// denials and accuracy over the same period as the flags (dates of service)
	const denials = await getDenialsPage({ scope: { period } }, dbPath);
	const accuracy = await getAccuracyOverview(period ? { from: period.from, to: period.to } : {}, dbPath);
	const flagged = flags.filtered;
	const dollars = flagged.reduce((s, r) => s + (r.dollars_at_risk ?? 0), 0);
	const overdue = cases.filter((c) => c.overdue);

	const parts: string[] = [];
	parts.push(`<div class="kpis"><div class="kpi">Flags<b>${int(flagged.length)}</b></div><div class="kpi">Dollars at risk<b>${money(dollars)}</b></div><div class="kpi">Providers flagged<b>${int(w.rows.length)}</b></div><div class="kpi">Open cases<b>${int(cases.length)}</b></div><div class="kpi">Overdue cases<b>${int(overdue.length)}</b></div></div>`);
	parts.push(`<h2>Top flags</h2>${table(
		['Provider', 'Rule', 'Severity', 'Rate or findings', 'Peer rate', 'z', 'Dollars at risk'],
		flagged.slice(0, p.top).map((r) => [`${e(r.provider_name ?? '')}<br><small>NPI ${e(r.provider_npi)}</small>`, e(r.title), e(r.severity), r.kind === 'peer' ? `${pct(r.rate)} (${int(r.numerator)} / ${int(r.denominator)})` : `${int(r.findings ?? 0)} lines`, pct(r.peer_rate), r.z === null ? '' : r.z.toFixed(1), money(r.dollars_at_risk)]),
		[3, 4, 5, 6], 'No rule flags any provider.'
	)}${flagged.length > p.top ? `<p class="muted">${flagged.length - p.top} more flags on the Risk flags page.</p>` : ''}`);
	parts.push(`<h2>Audit work plan</h2>${table(
		['Rank', 'Provider', 'Measures flagged', 'Rules', 'Dollars at risk', 'Highest', 'Open cases'],
		w.rows.slice(0, p.top).map((r) => [String(r.rank), `${e(r.provider_name ?? '')}<br><small>NPI ${e(r.provider_npi)}</small>`, `${r.measures_flagged} of ${r.measures}`, e(r.flagged_rules.join(', ')), money(r.dollars_at_risk), e(r.highest_severity), `${r.open_cases}${r.overdue_cases ? ` (${r.overdue_cases} overdue)` : ''}`]),
		[0, 2, 4, 6], 'No provider is flagged.'
	)}`);
	const t = denials.total;
	parts.push(`<h2>Denials</h2>${t ? `<p>${int(t.denied_claims)} of ${int(t.claims)} claims denied (${pct(t.claim_denial_rate)}), ${int(t.denied_lines)} of ${int(t.lines)} lines (${pct(t.line_denial_rate)}), ${money(t.denied_charges)} of ${money(t.charges)} charges (${pct(t.dollar_denial_rate)}). ${e(denials.definition.text ?? '')}</p>` : '<p class="muted">No denial data imported.</p>'}${table(
		['Payer', 'Claims', 'Claim denial rate', 'Line denial rate', 'Dollar denial rate'],
		denials.byPayer.slice(0, 10).map((r) => [e(r.group), int(r.claims), pct(r.claim_denial_rate), pct(r.line_denial_rate), pct(r.dollar_denial_rate)]),
		[1, 2, 3, 4], 'No payer rows.'
	)}`);
	const o = accuracy.overall;
	parts.push(`<h2>Coder accuracy</h2>${o.audited_lines ? `<p>${int(o.correct_lines)} of ${int(o.audited_lines)} audited lines correct: ${pct(o.line_accuracy)} (95% interval ${pct(o.line_accuracy_low)} to ${pct(o.line_accuracy_high)}).</p>` : '<p class="muted">No coding audit imported.</p>'}${table(
		['Coder', 'Audited lines', 'Line accuracy', '95% interval', 'Below target', 'Top error'],
		accuracy.coders.slice().sort((a, b) => (a.line_accuracy ?? 1) - (b.line_accuracy ?? 1)).slice(0, p.top).map((c) => [e(c.group), int(c.audited_lines), pct(c.line_accuracy), `${pct(c.line_accuracy_low)} to ${pct(c.line_accuracy_high)}`, c.below_target ? '<span class="flag">yes</span>' : 'no', e(c.top_error ?? '')]),
		[1, 2], 'No coder audited.'
	)}`);
	const caseRow = (c: (typeof cases)[number]) => [`#${c.case_id}`, `${e(c.provider_name ?? '')}<br><small>NPI ${e(c.provider_npi)}</small>`, e(c.rule_title), `${e(statusLabel[c.status])}${c.outcome ? ` (${e(outcomeLabel[c.outcome])})` : ''}`, e(c.assignee ?? ''), `${e(c.due_date ?? '')}${c.overdue ? ' <span class="flag">overdue</span>' : ''}`, e(c.flag_now.state)];
	parts.push(`<h2>Open review cases</h2>${table(['Case', 'Provider', 'Rule', 'Status', 'Assignee', 'Due', 'Flag now'], [...overdue, ...cases.filter((c) => !c.overdue)].map(caseRow), [], 'No open case.')}`);
	parts.push(`<h2>Recently closed cases</h2>${table(['Case', 'Provider', 'Rule', 'Status', 'Assignee', 'Due', 'Flag now'], closed.map(caseRow), [], 'No closed case.')}`);
	const meta = { title: 'Compliance committee pack', period: `service dates ${period ? periodLabel(period) : `${w.period_from ?? '—'} to ${w.period_to ?? '—'} (all imported claim lines)`}; cases as of ${today}`, filters: [['Peers', 'same specialty'], ['Flag rule', 'z over each rule\'s threshold'], ['Rows per table', String(p.top)]] as [string, string][], generated_by: ctx.by, generated_at: ctx.at, ...(await dataStamp(dbPath)) };
	return { html: reportDocument(meta, parts.join('\n')), filename: `claimlens-committee-pack-${today}.pdf` };
}
