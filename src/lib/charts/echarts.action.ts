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
	// not while printing: a redraw in the middle of the print layout can leave a chart half drawn
	const printing = window.matchMedia('print');
	const observer = new ResizeObserver(() => {
		if (!printing.matches) chart.resize();
	});
	observer.observe(node);
	// Printing: draw at the printed page's content width (Letter less 12 mm margins is about
	// 720 CSS px; 680 leaves room for a panel's padding), without a transition (the page is
	// printed at once), and print a picture of it: an image scales to the page exactly, where a
	// canvas resized mid-print can come out half redrawn (app.css shows .print-chart in print only).
	const PRINT_WIDTH = 680;
	let picture: HTMLImageElement | null = null;
	const forPrint = () => {
		chart.resize({ width: Math.min(PRINT_WIDTH, node.clientWidth || PRINT_WIDTH), animation: { duration: 0 } });
		picture?.remove();
		picture = document.createElement('img');
		picture.className = 'print-chart';
		picture.alt = node.getAttribute('aria-label') ?? '';
		picture.src = chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
		node.appendChild(picture);
	};
	const afterPrint = () => {
		picture?.remove();
		picture = null;
		chart.resize();
	};
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
			picture?.remove();
			chart.dispose();
		}
	};
}
