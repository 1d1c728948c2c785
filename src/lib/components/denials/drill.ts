// The selection whose lines the lines table lists: set by clicking a chart point, a heat-map
// cell, a Pareto bar or a table row. Empty fields mean "any". It lives in the page's URL
// (lines_* parameters, beside the definition's exclude and payer), so a reload, a shared link
// and Back / Forward show the same selection and lines.
import { DenialLinesQuery } from '../../schemas/denials.ts';

export const drillKeys = ['specialty', 'payer', 'month', 'category', 'carc', 'code'] as const;
export type DrillKey = (typeof drillKeys)[number];
export type Drill = Partial<Record<DrillKey, string>>;

export interface LinesSelection {
	drill: Drill;
	/** 'denied': the lines counted as denied; 'all': every adjudicated line */
	status: 'denied' | 'all';
	page: number;
}

const PREFIX = 'lines_';
const selectionParams = [...drillKeys.map((k) => `${PREFIX}${k}`), `${PREFIX}status`, `${PREFIX}page`];

/**
 * The selection a page URL holds. A value the lines endpoint would refuse (same zod fields as
 * GET /api/denials/lines) is left out, as if nothing had been chosen for it.
 */
export function selectionFromUrl(params: URLSearchParams): LinesSelection {
	const drill: Drill = {};
	for (const k of drillKeys) {
		const v = params.get(`${PREFIX}${k}`);
		if (v && DenialLinesQuery.shape[k].safeParse(v).success) drill[k] = v;
	}
	const status = params.get(`${PREFIX}status`) === 'all' ? 'all' : 'denied';
	const page = DenialLinesQuery.shape.page.safeParse(params.get(`${PREFIX}page`) ?? undefined);
	return { drill, status, page: page.success ? page.data : 1 };
}

/** `url` holding `sel` (every other parameter kept); defaults (any, denied, page 1) are left out. */
export function urlWithSelection(url: URL, sel: LinesSelection): URL {
	const next = new URL(url);
	for (const p of selectionParams) next.searchParams.delete(p);
	for (const k of drillKeys) if (sel.drill[k]) next.searchParams.set(`${PREFIX}${k}`, sel.drill[k]);
	if (sel.status === 'all') next.searchParams.set(`${PREFIX}status`, 'all');
	if (sel.page > 1) next.searchParams.set(`${PREFIX}page`, String(Math.trunc(sel.page)));
	return next;
}

/** The lines_* parameters of a selection without its page (hidden fields of the definition form). */
export function selectionFields(sel: LinesSelection): [string, string][] {
	return [...urlWithSelection(new URL('http://x/'), { ...sel, page: 1 }).searchParams];
}

/** Query of GET /api/denials/lines(.csv) for a selection under the definition in force (no paging). */
export function linesQuery(sel: LinesSelection, excluded: readonly string[]): URLSearchParams {
	const p = new URLSearchParams();
	for (const k of drillKeys) if (sel.drill[k]) p.set(k, sel.drill[k]);
	for (const c of excluded) p.append('exclude', c);
	if (sel.status === 'all') p.set('status', 'all');
	return p;
}

/** The drill without one field (or without any). */
export function withoutKey(d: Drill, key?: DrillKey): Drill {
	return key ? Object.fromEntries(Object.entries(d).filter(([k]) => k !== key)) : {};
}

export const drillKeyLabels: Record<DrillKey, string> = { specialty: 'specialty', payer: 'payer', month: 'month', category: 'category', carc: 'reason code', code: 'procedure code' };

/** "specialty: Dermatology · month: 2025-03", in one order however the drill was built. */
export function drillLabel(d: Drill): string {
	const parts = drillKeys.filter((k) => d[k]).map((k) => `${drillKeyLabels[k]}: ${d[k]}`);
	return parts.length ? parts.join(' · ') : 'every specialty, payer and month';
}
