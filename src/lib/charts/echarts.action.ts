// Svelte action that owns one ECharts instance: created only in the browser, resized with its
// container (ResizeObserver), options replaced wholesale (notMerge) on update, disposed on
// destroy. Sets data-echarts-ready once a frame is rendered, which end-to-end tests wait for.
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
	return {
		update(next: EChartsCoreOption) {
			node.removeAttribute('data-echarts-ready');
			chart.setOption(next, { notMerge: true });
		},
		destroy() {
			observer.disconnect();
			chart.dispose();
		}
	};
}
