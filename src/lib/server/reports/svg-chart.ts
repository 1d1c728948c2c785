// Charts for PDF reports: the same ECharts option builders the pages use (src/lib/charts/options),
// rendered on the server to an SVG string (ECharts' server-side rendering, no DOM, no
// JavaScript in the report), so a printed chart is the chart on screen, sized to the page.
import * as echarts from 'echarts';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * Renders an option to SVG markup at a fixed size (px at 96 dpi; 680 x 260 fits a Letter page
 * between 12 mm margins). Animation is off: an SSR chart is drawn once.
 */
export function svgChart(option: EChartsCoreOption, width = 680, height = 260): string {
	const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
	try {
		chart.setOption({ ...option, animation: false });
		return chart.renderToSVGString();
	} finally {
		chart.dispose();
	}
}
