// Escaping for chart tooltips (pure). ECharts sets the string a tooltip `formatter` function
// returns as the tooltip's innerHTML (`renderMode: 'html'`, the default in a browser), so any
// imported text interpolated there (provider, payer and coder names, specialties, codes,
// months, series names) would become markup: `<img src=x>` renders as an image; CSP blocks
// scripts, not elements.
//
// Where a chart has no formatter, ECharts' default tooltip already encodes the header, names and
// values (`encodeHTML` in node_modules/echarts/lib/component/tooltip/tooltipMarkup.js; the
// output of `valueFormatter` goes through it too), and string templates such as '{b}: {c}' are
// encoded by `formatTpl(..., encode = true)` in TooltipView.js. Checked against echarts 6.1.0;
// tests/unit/chart-escape.test.ts pins both.
//
// Not for canvas text (axis labels, legend, series labels, titles): the canvas draws characters,
// never parses markup, and would show `&lt;` literally.

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes `& < > " '` so a value interpolated into tooltip HTML stays text, in element content
 * and in quoted attributes alike. null and undefined become ''. Same output as ECharts'
 * `format.encodeHTML`. Not idempotent: escape each value once, where it is interpolated.
 */
export function escapeHtml(value: unknown): string {
	return value === null || value === undefined ? '' : String(value).replace(/[&<>"']/g, (c) => entities[c] ?? c);
}
