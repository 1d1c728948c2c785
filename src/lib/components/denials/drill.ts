// The selection whose lines the lines table lists: set by clicking a chart point, a heat-map
// cell, a Pareto bar or a table row. Empty fields mean "any".
export interface Drill {
	specialty?: string;
	payer?: string;
	month?: string;
	category?: string;
	carc?: string;
	code?: string;
}

export function drillLabel(d: Drill): string {
	const parts = Object.entries(d).filter(([, v]) => v).map(([k, v]) => `${k === 'code' ? 'procedure code' : k === 'carc' ? 'reason code' : k}: ${v}`);
	return parts.length ? parts.join(' · ') : 'every denied line';
}
