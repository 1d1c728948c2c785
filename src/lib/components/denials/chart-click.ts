// Svelte action: click-through on a chart drawn by the shared ECharts.svelte, without changing
// it. Finds the ECharts instance inside the node (getInstanceByDom) each time a chart signals
// data-echarts-ready, and (re)binds one click handler to it.
import { getInstanceByDom, type ECElementEvent } from 'echarts/core';

export type ChartClickHandler = (e: ECElementEvent) => void;

export function chartClick(node: HTMLElement, handler: ChartClickHandler) {
	let current = handler;
	const bind = () => {
		const canvas = node.querySelector<HTMLElement>('.canvas');
		const chart = canvas ? getInstanceByDom(canvas) : undefined;
		if (!chart) return;
		chart.off('click');
		chart.on('click', (e) => current(e as ECElementEvent));
	};
	const observer = new MutationObserver(bind);
	observer.observe(node, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-echarts-ready'] });
	bind();
	return {
		update(next: ChartClickHandler) {
			current = next;
		},
		destroy() {
			observer.disconnect();
		}
	};
}
