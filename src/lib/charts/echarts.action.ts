// Svelte action that owns one ECharts instance: created only in the browser, resized with its
// container (ResizeObserver), options replaced wholesale (notMerge) on update, disposed on
// destroy; redrawn at the page width for printing. Sets data-echarts-ready once a frame is rendered, which end-to-end tests wait for.
import { use, init, type ECharts } from 'echarts/core';
import { BarChart, LineChart, ScatterChart, HeatmapChart } from 'echarts/charts';
import {
	GridComponent, TooltipComponent, LegendComponent, DatasetComponent, MarkLineComponent,
	MarkAreaComponent, VisualMapComponent, TitleComponent
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

use([
	BarChart, LineChart, ScatterChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent,
	DatasetComponent, MarkLineComponent, MarkAreaComponent, VisualMapComponent, TitleComponent, CanvasRenderer
]);

export function echartsAction(node: HTMLElement, option: EChartsCoreOption) {
	const chart: ECharts = init(node, undefined, { renderer: 'canvas' });
	const markReady = () => node.setAttribute('data-echarts-ready', 'true');
	chart.on('finished', markReady);
	chart.setOption(option, { notMerge: true });
	const observer = new ResizeObserver(() => chart.resize());
	observer.observe(node);
	// Printing: draw at the printed page's content width (Letter less 12 mm margins is about
	// 720 CSS px; 680 leaves room for a panel's padding) and back after; the print stylesheet
	// scales a chart that is still wider down to the page (app.css @media print).
	const PRINT_WIDTH = 680;
	const forPrint = () => chart.resize({ width: Math.min(PRINT_WIDTH, node.clientWidth || PRINT_WIDTH) });
	const afterPrint = () => chart.resize();
	window.addEventListener('beforeprint', forPrint);
	window.addEventListener('afterprint', afterPrint);
	return {
		update(next: EChartsCoreOption) {
			node.removeAttribute('data-echarts-ready');
			chart.setOption(next, { notMerge: true });
		},
		destroy() {
			observer.disconnect();
			window.removeEventListener('beforeprint', forPrint);
			window.removeEventListener('afterprint', afterPrint);
			chart.dispose();
		}
	};
}
