// Imported text in chart tooltips stays text. ECharts sets a tooltip formatter's return value as
// innerHTML, so each builder's formatter is called with the params ECharts itself computes (a
// server-side chart instance, no DOM) and an HTML payload in every imported field it shows.
// Builders without a formatter rely on ECharts' default tooltip, which encodes: rendered here
// with ECharts' own markup builder, so an ECharts upgrade that stops encoding fails this file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { format, init, use, type EChartsCoreOption } from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { escapeHtml } from '../../src/lib/charts/escape-html.ts';
import { funnelOption, type FunnelPeer } from '../../src/lib/charts/options/funnel.ts';
import { accuracyTrendOption } from '../../src/lib/charts/options/accuracy-trend.ts';
import { errorBreakdownOption, errorClassesOption } from '../../src/lib/charts/options/accuracy-errors.ts';
import { denialHeatmapOption } from '../../src/lib/charts/options/denial-heatmap.ts';
import { samplingIntervalOption } from '../../src/lib/charts/options/sampling-interval.ts';
import { codeDistributionOption } from '../../src/lib/charts/options/code-distribution.ts';
import { monthlyRateOption } from '../../src/lib/charts/options/monthly-rate.ts';
import { denialTrendOption } from '../../src/lib/charts/options/denial-trend.ts';
import { denialParetoOption } from '../../src/lib/charts/options/denial-pareto.ts';
import { monthlyVolumeOption } from '../../src/lib/charts/options/monthly-volume.ts';
import type { ErrorCounts } from '../../src/lib/schemas/accuracy.ts';
import type { DenialRateRow, HeatCell } from '../../src/lib/schemas/denials.ts';
// ECharts' internal tooltip markup builder (the code that encodes the default tooltip): the
// package ships no types for lib/, so it is typed by hand below (`build`).
// @ts-expect-error -- no declaration file for this internal module
import * as markup from '../../node_modules/echarts/lib/component/tooltip/tooltipMarkup.js';

use([BarChart, HeatmapChart, LineChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

/** A distinct payload per field, so each assertion names the field that leaked. */
const bad = (field: string) => `<img src=x onerror=alert(1) id=${field}>"&'`;
const escaped = (field: string) => `&lt;img src=x onerror=alert(1) id=${field}&gt;&quot;&amp;&#39;`;

function expectEscaped(html: unknown, fields: string[]) {
	expect(typeof html).toBe('string');
	expect(html).not.toContain('<img');
	for (const f of fields) expect(html).toContain(escaped(f));
}

// --- what ECharts passes a formatter, computed by ECharts --------------------------------------

type Params = Record<string, unknown> & { seriesName: string };
type Fragment = object;
interface SeriesModelLike {
	get(path: string | string[]): unknown;
	getDataParams(dataIndex: number): Params;
	formatTooltip(dataIndex: number, multipleSeries: boolean, dataType: string | null): Fragment;
}
interface GlobalModelLike {
	getSeriesByIndex(i: number): SeriesModelLike;
	getSeriesCount(): number;
	getComponent(mainType: string, index: number): { axis: { scale: { getLabel(tick: { value: number }): string } } };
}

function modelOf(option: EChartsCoreOption): GlobalModelLike {
	const chart = init(null as unknown as HTMLElement, undefined, { renderer: 'svg', ssr: true, width: 800, height: 600 });
	chart.setOption(option);
	return (chart as unknown as { getModel(): GlobalModelLike }).getModel();
}

/** trigger: 'item': the hovered datum's params. */
function itemParams(option: EChartsCoreOption, seriesIndex: number, dataIndex: number): Params {
	return modelOf(option).getSeriesByIndex(seriesIndex).getDataParams(dataIndex);
}

/** Series an axis tooltip lists: those on the axis whose tooltip is not switched off. */
function seriesOnAxis(model: GlobalModelLike, dim: 'x' | 'y', axisIndex: number): SeriesModelLike[] {
	return Array.from({ length: model.getSeriesCount() }, (_, i) => model.getSeriesByIndex(i))
		.filter((s) => ((s.get(`${dim}AxisIndex`) as number | undefined) ?? 0) === axisIndex && s.get(['tooltip', 'show']) !== false);
}

/** trigger: 'axis': one params object per series, with the category as axisValue (TooltipView._showAxisTooltip). */
function axisParams(option: EChartsCoreOption, dim: 'x' | 'y', axisIndex: number, dataIndex: number): Params[] {
	const model = modelOf(option);
	const axisValue = model.getComponent(`${dim}Axis`, axisIndex).axis.scale.getLabel({ value: dataIndex });
	return seriesOnAxis(model, dim, axisIndex).map((s) => ({ ...s.getDataParams(dataIndex), axisDim: dim, axisIndex, axisType: `${dim}Axis.category`, axisValue, axisValueLabel: axisValue }));
}

type Formatter = (params: unknown) => unknown;
const tooltipFormatter = (option: EChartsCoreOption) => (option as { tooltip: { formatter: Formatter } }).tooltip.formatter;

const build = markup as unknown as {
	createTooltipMarkup(type: 'section', option: { header?: string; blocks: Fragment[] }): Fragment;
	buildTooltipMarkup(fragment: Fragment, styleCreator: unknown, renderMode: 'html', orderMode: undefined, useUTC: boolean, textStyle: object): string;
	TooltipMarkupStyleCreator: new () => unknown;
};

/** The HTML ECharts' default axis tooltip (no formatter) shows for one category. */
function defaultAxisTooltip(option: EChartsCoreOption, dataIndex: number): string {
	const model = modelOf(option);
	const header = model.getComponent('xAxis', 0).axis.scale.getLabel({ value: dataIndex });
	const valueFormatter = (option as { tooltip: { valueFormatter?: unknown } }).tooltip.valueFormatter;
	const blocks = seriesOnAxis(model, 'x', 0).map((s) => ({ ...s.formatTooltip(dataIndex, true, null), ...(valueFormatter ? { valueFormatter } : {}) }));
	return build.buildTooltipMarkup(build.createTooltipMarkup('section', { header, blocks }), new build.TooltipMarkupStyleCreator(), 'html', undefined, false, {});
}

// --- the helper --------------------------------------------------------------------------------

describe('escapeHtml', () => {
	it('escapes the five characters, leaves the rest', () => {
		expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&lt;img src=x onerror=alert(1)&gt;');
		expect(escapeHtml(`"&'`)).toBe('&quot;&amp;&#39;');
		expect(escapeHtml('<b>big</b>')).toBe('&lt;b&gt;big&lt;/b&gt;');
		expect(escapeHtml('&amp;')).toBe('&amp;amp;'); // not idempotent: escape once
		expect(escapeHtml('Smith, Jane (Dermatology) · 99213-25')).toBe('Smith, Jane (Dermatology) · 99213-25');
	});

	it('null and undefined become empty, numbers their text', () => {
		expect(escapeHtml(null)).toBe('');
		expect(escapeHtml(undefined)).toBe('');
		expect(escapeHtml(12.5)).toBe('12.5');
		expect(escapeHtml(0)).toBe('0');
	});

	it('agrees with ECharts\' own encodeHTML and leaves no markup character', () => {
		fc.assert(fc.property(fc.string({ unit: fc.constantFrom('<', '>', '&', '"', "'", 'a', ' ', '=', ';', '#') }), (s) => {
			const out = escapeHtml(s);
			expect(out).toBe(format.encodeHTML(s));
			expect(out).not.toMatch(/[<>"']/);
		}));
	});
});

// --- builders with a formatter -----------------------------------------------------------------

describe('tooltip formatters escape imported text', () => {
	it('funnel: peer name, NPI when there is no name, series name', () => {
		const peer = (npi: string, name: string | null, flagged: boolean, self: boolean): FunnelPeer => ({ npi, name, n: 40, rate: 0.2, flagged, self });
		const o = funnelOption([peer('1', bad('peer'), false, false), peer(bad('npi'), null, false, false), peer('3', bad('flagged'), true, false), peer('4', bad('self'), false, true)], [{ n: 40, upper: 0.4, lower: 0.05 }], 0.2);
		const f = tooltipFormatter(o);
		expectEscaped(f(itemParams(o, 0, 0)), ['peer']);
		expectEscaped(f(itemParams(o, 0, 1)), ['npi']);
		expectEscaped(f(itemParams(o, 1, 0)), ['flagged']);
		expectEscaped(f(itemParams(o, 2, 0)), ['self']);
		// limit and peer-rate lines show their series name
		expect(f(itemParams(o, 3, 0))).toBe('99.8% limits');
		expectEscaped(f({ ...itemParams(o, 3, 0), seriesName: bad('series') }), ['series']);
	});

	it('accuracy trend: panel (specialty) and month, also for a month without audits', () => {
		const point = (month: string) => ({ month, correct: 9, n: 10, rate: 0.9, low: 0.6, high: 0.98 });
		const months = [bad('month'), bad('empty')];
		const o = accuracyTrendOption([{ label: bad('panelA'), points: [point(bad('month'))] }, { label: bad('panelB'), points: [point(bad('month'))] }], months);
		const f = tooltipFormatter(o);
		const a = f(axisParams(o, 'x', 0, 0));
		expectEscaped(a, ['panelA', 'month']);
		expect(a).toContain('9 of 10 lines correct');
		expectEscaped(f(axisParams(o, 'x', 1, 0)), ['panelB', 'month']);
		expectEscaped(f(axisParams(o, 'x', 0, 1)), ['empty']); // no point: the month alone
	});

	it('error classes: group label and series name', () => {
		const errors: ErrorCounts = { upcoded: 3, downcoded: 1, wrong_code: 0, added_by_auditor: 0, not_supported: 0, modifier_error: 0, units_error: 0 };
		const o = errorClassesOption([{ label: bad('group'), audited_lines: 100, errors }]);
		const f = tooltipFormatter(o);
		const params = axisParams(o, 'y', 0, 0);
		const html = f(params);
		expectEscaped(html, ['group']);
		expect(html).toContain('Upcoded: 3 lines (3%)');
		expectEscaped(f(params.map((p) => ({ ...p, seriesName: bad('series') }))), ['group', 'series']);
	});

	it('denial heat map: payer name', () => {
		const cell: HeatCell = { payer: bad('payer'), category: 'coding', claims: 10, denied_claims: 2, lines: 10, denied_lines: 2, charges: 100, denied_charges: 20 };
		const o = denialHeatmapOption([cell], 'line');
		const html = tooltipFormatter(o)(itemParams(o, 0, 2)); // categories in order: coding is the third
		expectEscaped(html, ['payer']);
		expect(html).toContain('Coding / bundling: 20.00% line denial rate');
	});

	it('sampling interval: series names, including the demand labels', () => {
		const o = samplingIntervalOption({ point: 500, intervals: [{ confidence: 0.9, lower: 300, upper: 700 }], unit: 'money', demands: [{ label: bad('demand'), amount: 300 }] });
		const f = tooltipFormatter(o);
		expect(f(itemParams(o, 1, 0))).toBe('Point estimate: $500');
		expectEscaped(f({ ...itemParams(o, 1, 0), seriesName: bad('demand') }), ['demand']);
	});
});

// --- builders on ECharts' default tooltip ------------------------------------------------------

describe('default tooltips: no formatter, and ECharts encodes', () => {
	const noFormatter = (o: EChartsCoreOption) => expect((o as { tooltip: { formatter?: unknown } }).tooltip.formatter).toBeUndefined();

	it('code distribution: provider and peer labels, procedure codes', () => {
		const o = codeDistributionOption([{ procedure_code: bad('code'), provider_share: 0.5, peer_share: 0.25, provider_services: 5, peer_services: 50 }], bad('provider'), bad('peer'));
		noFormatter(o);
		expectEscaped(defaultAxisTooltip(o, 0), ['code', 'provider', 'peer']);
	});

	it('monthly rate: provider label and month', () => {
		const o = monthlyRateOption([{ month: bad('month'), provider_rate: 0.1, provider_n: 10, peer_rate: 0.05 }], bad('provider'));
		noFormatter(o);
		expectEscaped(defaultAxisTooltip(o, 0), ['provider']);
		// month is cut to 7 characters before it reaches the axis
		expect(defaultAxisTooltip(o, 0)).toContain('&lt;img s');
	});

	it('denial trend: specialty and month', () => {
		const o = denialTrendOption([{ month: bad('month'), specialty: bad('specialty'), claims: 10, denied_claims: 1, lines: 10, denied_lines: 1, charges: 10, denied_charges: 1 }], 'line');
		noFormatter(o);
		expectEscaped(defaultAxisTooltip(o, 0), ['month', 'specialty']);
	});

	it('denial Pareto: reason code', () => {
		const row: DenialRateRow = { group: bad('carc'), claims: 10, denied_claims: 2, claim_denial_rate: null, lines: 10, denied_lines: 2, line_denial_rate: null, charges: 10, denied_charges: 1, dollar_denial_rate: null, excluded_categories: [] };
		const o = denialParetoOption([row], 'line');
		noFormatter(o);
		expectEscaped(defaultAxisTooltip(o, 0), ['carc']);
	});

	it('monthly volume and error breakdown have no formatter either', () => {
		noFormatter(monthlyVolumeOption([]));
		noFormatter(errorBreakdownOption({ upcoded: 0, downcoded: 0, wrong_code: 0, added_by_auditor: 0, not_supported: 0, modifier_error: 0, units_error: 0 }));
	});
});
