// Report module: the provider report (issue 12), what a comparative billing report gives a
// provider and what the compliance file needs: every rule for the provider, each flag's funnel
// and monthly trend, dollars at risk, the claims behind each flag, and the provider's cases.
import { z } from 'zod';
import { escapeHtml as e } from '../../charts/escape-html.ts';
import { funnelOption } from '../../charts/options/funnel.ts';
import { monthlyRateOption, type MonthlyRate } from '../../charts/options/monthly-rate.ts';
import { outcomeLabel, statusLabel } from '../../schemas/cases.ts';
import { evaluateRules, serviceRange } from '../rules/evaluate.ts';
import { getDrilldown, getFlagLines } from '../rules/drilldown.ts';
import { listCases } from '../cases/cases.ts';
import { defaultDbPath } from '../db/database.ts';
import { dataStamp, int, money, pct, reportDocument, table } from './layout.ts';
import { svgChart } from './svg-chart.ts';
import { ReportError, reportPeriod, type ReportContext } from './types.ts';
import { periodLabel, type Period } from '../../period.ts';

import { ProviderParams } from './registry.ts';
type ProviderParams = z.infer<typeof ProviderParams>;

/** The claims behind a flag: distinct claim ids of the numerator lines (peer) or findings (line). */
export async function claimsBehind(npi: string, ruleId: string, dbPath: string, period: Period | null = null): Promise<{ lines: number; claims: number }> {
	const { total, rows } = await getFlagLines({ npi, ruleId, page: 1, pageSize: 1_000_000, dateFrom: period?.from, dateTo: period?.to }, dbPath);
	return { lines: total, claims: new Set(rows.map((r) => String(r.claim_id))).size };
}

/** The provider report as a complete HTML document. @throws ReportError when the NPI has no result for any rule */
export async function providerReportHtml(p: ProviderParams, ctx: ReportContext): Promise<{ html: string; filename: string }> {
	const dbPath = ctx.dbPath ?? defaultDbPath();
	const period = reportPeriod(p);
	const ev = await evaluateRules({ period, dbPath });
	const mine = ev.rows.filter((r) => r.provider_npi === p.npi).sort((a, b) => Number(b.flagged) - Number(a.flagged) || (b.dollars_at_risk ?? 0) - (a.dollars_at_risk ?? 0));
	if (!mine.length) throw new ReportError(`NPI ${p.npi} has no result for any rule: nothing to report`);
	const range = await serviceRange(dbPath);
	const first = mine[0];
	const flagged = mine.filter((r) => r.flagged);
	const behind = new Map<string, { lines: number; claims: number }>();
	for (const r of flagged) behind.set(r.rule_id, await claimsBehind(p.npi, r.rule_id, dbPath, period));
	const cases = await listCases({ npi: p.npi }, { dbPath });
	const total = flagged.reduce((s, r) => s + (r.dollars_at_risk ?? 0), 0);

	const summary = table(
		['Rule', 'Result', 'Rate or findings', 'Peer rate', 'Percentile', 'z', 'Dollars at risk', 'Claims behind'],
		mine.map((r) => [
			e(r.title),
			r.flagged ? `<span class="flag">flagged: ${e(r.severity)}</span>` : '<span class="ok">not flagged</span>',
			r.kind === 'peer' ? `${pct(r.rate)} (${int(r.numerator)} / ${int(r.denominator)})` : `${int(r.findings ?? 0)} lines`,
			pct(r.peer_rate), r.percentile === null ? '' : pct(r.percentile, 0), r.z === null ? '' : r.z.toFixed(1), money(r.dollars_at_risk),
			behind.has(r.rule_id) ? `${int(behind.get(r.rule_id)?.claims)} claims (${int(behind.get(r.rule_id)?.lines)} lines)` : ''
		]),
		[2, 3, 4, 5, 6, 7]
	);
	const sections: string[] = [];
	for (const r of flagged) {
		const b = behind.get(r.rule_id);
		let charts = '';
		if (r.kind === 'peer') {
			const d = await getDrilldown({ npi: p.npi, ruleId: r.rule_id, period, dbPath });
			const peers = d.peers.map((x) => ({ ...x, self: x.npi === p.npi }));
			charts = `<div class="chart"><p><small>Funnel plot: every ${e(r.peer_group)} peer's rate against its volume, with the 99.8% control limits around the peer rate.</small></p>${svgChart(funnelOption(peers, d.curve, r.peer_rate ?? 0))}</div>`;
			if (d.monthly.length) charts += `<div class="chart"><p><small>Monthly rate of this provider against the peers' pooled monthly rate.</small></p>${svgChart(monthlyRateOption(d.monthly as unknown as MonthlyRate[], first?.provider_name ?? p.npi), 680, 220)}</div>`;
		}
		sections.push(`<div class="block"><h3>${e(r.title)}: <span class="flag">${e(r.severity)}</span></h3>
<p>${r.kind === 'peer' ? `${pct(r.rate)} (${int(r.numerator)} of ${int(r.denominator)} services) against the peers' ${pct(r.peer_rate)} in ${e(r.peer_group)} (${int(r.peer_count)} providers)` : `${int(r.findings ?? 0)} finding lines`}; dollars at risk ${money(r.dollars_at_risk)}; ${int(b?.claims)} claims (${int(b?.lines)} lines) behind the flag.</p>
<ul>${r.reasons.map((x) => `<li>${e(x)}</li>`).join('')}</ul></div>${charts}`);
	}
	const caseTable = table(
		['Case', 'Rule', 'Period', 'Status', 'Assignee', 'Due', 'Flag now'],
		cases.map((c) => [`#${c.case_id}`, e(c.rule_title), `${e(c.period_from)} to ${e(c.period_to)}`, `${e(statusLabel[c.status])}${c.outcome ? ` (${e(outcomeLabel[c.outcome])})` : ''}`, e(c.assignee ?? ''), `${e(c.due_date ?? '')}${c.overdue ? ' <span class="flag">overdue</span>' : ''}`, e(c.flag_now.changes.length ? `${c.flag_now.state}: ${c.flag_now.changes.join('; ')}` : c.flag_now.state)]),
		[],
		'No review case for this provider.'
	);
	const body = `<p><strong>${e(first?.provider_name ?? '')}</strong> · NPI ${e(p.npi)} · ${e(first?.specialty ?? '')}</p>
<div class="kpis"><div class="kpi">Rules flagging<b>${flagged.length} of ${mine.length}</b></div><div class="kpi">Dollars at risk<b>${money(total)}</b></div><div class="kpi">Open cases<b>${cases.filter((c) => c.status !== 'closed').length}</b></div></div>
<h2>Every rule for this provider</h2>${summary}
<h2>The flags</h2>${sections.join('') || '<p class="muted">No rule flags this provider.</p>'}
<h2>Review cases</h2>${caseTable}
<p><small>Peer rules: funnel z against the peer rate with over-dispersion (Spiegelhalter 2005), 99.8% control limits; flagged when z is over the rule's threshold, the rate is over the 90th peer percentile and the volume at least the rule's minimum. Dollars at risk: excess services x the fee difference; line rules: the paid amount of the finding lines. A flag is a reason to look, not a finding of improper billing.</small></p>`;
	const meta = { title: `Provider report: ${first?.provider_name ?? p.npi}`, period: period ? `service dates ${periodLabel(period)}` : `service dates ${range.first ?? '—'} to ${range.last ?? '—'} (all imported claim lines)`, filters: [['Provider', p.npi], ['Peers', 'same specialty']] as [string, string][], generated_by: ctx.by, generated_at: ctx.at, ...(await dataStamp(dbPath)) };
	return { html: reportDocument(meta, body), filename: `claimlens-provider-${p.npi}-${ctx.at.slice(0, 10)}.pdf` };
}
