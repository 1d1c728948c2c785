// The frame every PDF report shares (issue 12): title, then what the figures cover (period,
// filters, data version with the imports included) and who generated it when, then the body.
// Every imported string is escaped by the report modules with escapeHtml before it gets here.
import { escapeHtml as e } from '../../charts/escape-html.ts';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { dataVersion } from '../db/version-cache.ts';

export interface ReportMeta {
	title: string;
	/** what the figures cover, e.g. "service dates 2025-01-01 to 2025-12-31" */
	period: string;
	/** the filters in force, as label: value pairs (empty = none) */
	filters: [string, string][];
	generated_by: string;
	/** ISO time */
	generated_at: string;
	data_version: string;
	imports: { import_id: number; file_name: string; kind: string; rows_loaded: number; finished_at: string }[];
}

/** The data version and the imports included, read at report time. */
export async function dataStamp(dbPath = defaultDbPath()): Promise<Pick<ReportMeta, 'data_version' | 'imports'>> {
	return withConnection(async (conn) => ({
		data_version: await dataVersion(conn),
		imports: (await runQuery(conn, 'reports/imports_included')).map((r) => ({ import_id: Number(r.import_id), file_name: String(r.file_name), kind: String(r.kind), rows_loaded: Number(r.rows_loaded), finished_at: String(r.finished_at) }))
	}), dbPath);
}

export const money = (n: number | null | undefined) => (n === null || n === undefined ? '' : n.toLocaleString('en-US', { style: 'currency', currency: 'USD' }));
export const pct = (r: number | null | undefined, d = 1) => (r === null || r === undefined ? '' : `${(r * 100).toFixed(d)}%`);
export const int = (n: number | null | undefined) => (n === null || n === undefined ? '' : Math.round(n).toLocaleString('en-US'));

/** A table: header cells and rows of already-escaped cell HTML; `num` marks right-aligned columns. */
export function table(head: string[], rows: string[][], num: number[] = [], empty = 'None.'): string {
	if (!rows.length) return `<p class="muted">${e(empty)}</p>`;
	const th = head.map((h, i) => `<th${num.includes(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('');
	const body = rows.map((r) => `<tr>${r.map((c, i) => `<td${num.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('');
	return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The complete HTML document of a report. */
export function reportDocument(meta: ReportMeta, body: string): string {
	const filters = meta.filters.length ? meta.filters.map(([k, v]) => `${e(k)}: ${e(v)}`).join(' · ') : 'none';
	const newest = meta.imports[0];
	const imports = meta.imports.length
		? `${meta.imports.length} import${meta.imports.length === 1 ? '' : 's'}, newest #${newest?.import_id} (${e(newest?.file_name ?? '')}, ${e(newest?.finished_at ?? '')} UTC): ${meta.imports.slice(0, 12).map((i) => `#${i.import_id} ${e(i.file_name)}`).join(', ')}${meta.imports.length > 12 ? `, and ${meta.imports.length - 12} earlier` : ''}`
		: 'nothing imported';
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${e(meta.title)}</title>
<style>
@page { size: Letter; }
body { font: 9.5pt/1.35 system-ui, 'DejaVu Sans', sans-serif; color: #111; margin: 0; font-variant-ligatures: none; }
h1 { font-size: 15pt; margin: 0 0 3pt; } h2 { font-size: 11.5pt; margin: 14pt 0 4pt; break-after: avoid; } h3 { font-size: 10pt; margin: 10pt 0 3pt; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 2pt 0 6pt; } th, td { border-bottom: 0.5pt solid #bbb; padding: 2.5pt 4pt; text-align: left; vertical-align: top; }
thead { display: table-header-group; } tr { break-inside: avoid; }
th { font-size: 8pt; text-transform: uppercase; color: #444; } .num { text-align: right; white-space: nowrap; } small, .muted { color: #555; } p { margin: 3pt 0; }
.meta { border: 0.5pt solid #bbb; padding: 5pt 7pt; font-size: 8.5pt; margin: 6pt 0 8pt; } .meta div { margin: 1pt 0; }
.chart { break-inside: avoid; margin: 4pt 0; } .chart svg { max-width: 100%; height: auto; }
.kpis { display: flex; flex-wrap: wrap; gap: 6pt; margin: 6pt 0; } .kpi { border: 0.5pt solid #bbb; padding: 4pt 8pt; min-width: 90pt; } .kpi b { display: block; font-size: 12pt; }
.nowrap { white-space: nowrap; } .flag { color: #b42318; font-weight: 600; } .ok { color: #1e7b34; } .block { break-inside: avoid; }
</style></head><body>
<h1>${e(meta.title)}</h1>
<div class="meta">
<div><strong>Period:</strong> ${e(meta.period)}</div>
<div><strong>Filters:</strong> ${filters}</div>
<div><strong>Data version:</strong> ${e(meta.data_version)} · ${imports}</div>
<div><strong>Generated</strong> ${e(meta.generated_at.replace('T', ' ').slice(0, 19))} UTC by ${e(meta.generated_by)} · ClaimLens</div>
</div>
${body}
</body></html>`;
}
