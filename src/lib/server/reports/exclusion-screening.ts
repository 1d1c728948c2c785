// Report module: evidence of an exclusion screening for the compliance file (issue 13): the lists
// used (file, list date, records), when and by whom it ran, the counts, every match with its
// status and decision, and the result for every provider screened. HTML (every string escaped),
// printed to PDF by pdf.ts. Same content as the evidence CSV.
import { escapeHtml as e } from '../../charts/escape-html.ts';
import type { ProviderResult, Screening } from '../exclusions/screen.ts';

const money = (n: number) => n.toLocaleString('en-US', { style: 'currency', currency: 'USD' });

/** The report as a complete HTML document. `by` is who ran it (recorded on the report). */
export function exclusionScreeningHtml(s: Screening, results: ProviderResult[], by: string): string {
	const lists = s.lists.length
		? s.lists.map((l) => `<tr><td>${e(l.list.toUpperCase())}</td><td>${e(l.file_name)}</td><td>${e(l.list_date)}${l.stale ? ' <strong>(older than 35 days)</strong>' : ''}</td><td class="num">${l.records}</td><td>${e(l.loaded_at.slice(0, 19))}</td></tr>`).join('')
		: '<tr><td colspan="5">No exclusion list loaded: nothing was screened against.</td></tr>';
	const matches = s.rows.length
		? s.rows
				.map((r) => {
					const listed = (r.listed_last_name ? [r.listed_last_name, r.listed_first_name, r.listed_middle_name].filter(Boolean).join(', ') : (r.listed_business_name ?? ''));
					return `<tr><td>${e(r.provider_name ?? '')}<br><small>NPI ${e(r.provider_npi)}</small></td><td>${e(listed)}<br><small>${e(r.list.toUpperCase())}${r.listed_npi ? ` · NPI ${e(r.listed_npi)}` : ''}${r.listed_state ? ` · ${e(r.listed_state)}` : ''}</small></td><td>${r.match === 'npi' ? 'NPI' : `name ${r.score.toFixed(3)}`}</td><td>${e(r.excluded_from)}${r.excluded_until ? ` to ${e(r.excluded_until)}` : ''}</td><td>${e(r.status)}${r.decided_by ? `<br><small>by ${e(r.decided_by)}, ${e(String(r.decided_at ?? '').slice(0, 19))}</small>` : ''}</td><td class="num">${r.lines}</td><td class="num">${money(r.paid_at_risk)}</td></tr>`;
				})
				.join('')
		: '<tr><td colspan="7">No provider matches a record of the lists loaded.</td></tr>';
	const providers = results.map((r) => `<tr><td>${e(r.provider_npi)}</td><td>${e(r.provider_name ?? '')}</td><td>${e(r.result)}</td><td class="num">${r.lines}</td><td class="num">${money(r.paid_at_risk)}</td></tr>`).join('');
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Exclusion screening ${e(s.screened_at.slice(0, 10))}</title>
<style>
body { font: 10pt/1.35 system-ui, sans-serif; color: #111; }
h1 { font-size: 15pt; margin: 0 0 4pt; } h2 { font-size: 11.5pt; margin: 14pt 0 4pt; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 0.5pt solid #bbb; padding: 3pt 4pt; text-align: left; vertical-align: top; }
th { font-size: 8.5pt; text-transform: uppercase; color: #444; } .num { text-align: right; } small { color: #555; } p { margin: 3pt 0; }
</style></head><body>
<h1>Exclusion screening</h1>
<p>Screened ${e(s.screened_at.replace('T', ' ').slice(0, 19))} UTC by ${e(by)}: ${s.providers} providers (claims and roster NPIs) against the lists below.
Confirmed ${s.counts.confirmed}, to review ${s.counts.candidate}, dismissed ${s.counts.dismissed}.</p>
<h2>Lists used</h2>
<table><thead><tr><th>List</th><th>File</th><th>List date</th><th class="num">Records</th><th>Loaded (UTC)</th></tr></thead><tbody>${lists}</tbody></table>
<h2>Matches</h2>
<table><thead><tr><th>Provider</th><th>List record</th><th>Match</th><th>Excluded</th><th>Status</th><th class="num">Lines</th><th class="num">Paid at risk</th></tr></thead><tbody>${matches}</tbody></table>
<h2>Result per provider</h2>
<table><thead><tr><th>NPI</th><th>Provider</th><th>Result</th><th class="num">Lines in window</th><th class="num">Paid at risk</th></tr></thead><tbody>${providers}</tbody></table>
<p><small>Method: exact NPI; otherwise name (Jaro-Winkler at least 0.92 last / 0.88 first name, blocked by name prefix and state) or business name (at least 0.95); name matches count once a person confirms them. Lines count from the exclusion date to a reinstatement or waiver; the whole paid amount is at risk (42 CFR 1001.1901).</small></p>
</body></html>`;
}
