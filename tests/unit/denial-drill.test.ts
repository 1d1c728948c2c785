// The Denials lines selection in the page URL (src/lib/components/denials/drill.ts): what a URL
// holds, the URL a selection makes, and the lines endpoint's query for it.
import { describe, expect, it } from 'vitest';
import { drillLabel, linesQuery, selectionFields, selectionFromUrl, urlWithSelection, withoutKey } from '../../src/lib/components/denials/drill.ts';

const params = (s: string) => new URLSearchParams(s);

describe('selectionFromUrl', () => {
	it('reads the lines_* parameters and ignores the definition\'s', () => {
		expect(selectionFromUrl(params('exclude=duplicate&payer=Acme&lines_payer=Medicare&lines_category=coding&lines_status=all&lines_page=3'))).toEqual({
			drill: { payer: 'Medicare', category: 'coding' }, status: 'all', page: 3
		});
	});

	it('is empty, denied lines, page 1 without them', () => {
		expect(selectionFromUrl(params('payer=Acme'))).toEqual({ drill: {}, status: 'denied', page: 1 });
	});

	it('leaves out what the lines endpoint would refuse', () => {
		expect(selectionFromUrl(params('lines_month=March&lines_category=fraud&lines_code=99213;drop&lines_carc=CO-97&lines_status=every&lines_page=0'))).toEqual({
			drill: { carc: 'CO-97' }, status: 'denied', page: 1
		});
		expect(selectionFromUrl(params('lines_page=2.5')).page).toBe(1);
	});
});

describe('urlWithSelection', () => {
	const here = new URL('http://localhost/denials?exclude=duplicate&payer=Acme&lines_specialty=Dermatology&lines_page=4');

	it('replaces the selection and keeps the definition', () => {
		const next = urlWithSelection(here, { drill: { carc: 'CO-97', month: '2025-03' }, status: 'denied', page: 1 });
		expect(`${next.pathname}${next.search}`).toBe('/denials?exclude=duplicate&payer=Acme&lines_month=2025-03&lines_carc=CO-97');
	});

	it('round-trips through selectionFromUrl', () => {
		const sel = { drill: { specialty: 'Family Practice', payer: 'Blue & Co', month: '2025-01' }, status: 'all' as const, page: 2 };
		expect(selectionFromUrl(urlWithSelection(here, sel).searchParams)).toEqual(sel);
	});

	it('an empty selection leaves only the definition', () => {
		expect(urlWithSelection(here, { drill: {}, status: 'denied', page: 1 }).search).toBe('?exclude=duplicate&payer=Acme');
	});
});

describe('the definition form and the lines endpoint', () => {
	const sel = { drill: { payer: 'Medicare', category: 'coding' }, status: 'all' as const, page: 5 };

	it('the form carries the selection without its page', () => {
		expect(selectionFields(sel)).toEqual([['lines_payer', 'Medicare'], ['lines_category', 'coding'], ['lines_status', 'all']]);
	});

	it('the endpoint gets the drill, the exclusions and the status under their own names', () => {
		expect(linesQuery(sel, ['duplicate', 'eligibility']).toString()).toBe('payer=Medicare&category=coding&exclude=duplicate&exclude=eligibility&status=all');
		expect(linesQuery({ ...sel, status: 'denied' }, []).toString()).toBe('payer=Medicare&category=coding');
	});
});

describe('labels', () => {
	it('names the fields in one order however the drill was built', () => {
		expect(drillLabel({ month: '2025-03', specialty: 'Dermatology', carc: 'CO-97' })).toBe('specialty: Dermatology · month: 2025-03 · reason code: CO-97');
		expect(drillLabel({ code: '99215' })).toBe('procedure code: 99215');
		expect(drillLabel({})).toBe('every specialty, payer and month');
	});

	it('withoutKey clears one field or all', () => {
		expect(withoutKey({ payer: 'Acme', category: 'coding' }, 'payer')).toEqual({ category: 'coding' });
		expect(withoutKey({ payer: 'Acme' })).toEqual({});
	});
});
