// The exclusion screening evidence report: it states the list version, who ran it and every
// provider's result, and escapes imported text (names come from claim exports and public lists).
import { describe, expect, it } from 'vitest';
import { exclusionScreeningHtml } from '../../src/lib/server/reports/exclusion-screening.ts';
import type { ProviderResult, Screening, ScreenRow } from '../../src/lib/server/exclusions/screen.ts';

const row: ScreenRow = {
	match_id: 'abcdef012345', provider_npi: '1234567893', provider_name: '<img src=x onerror=alert(1)>', provider_state: null, list: 'leie', list_date: '2025-04-01',
	match: 'name', score: 0.975, status: 'confirmed', decided_by: 'co@example.test', decided_at: '2025-05-01 10:00:00', listed_last_name: 'O\'BRIEN & SONS', listed_first_name: 'ANA',
	listed_middle_name: null, listed_business_name: null, listed_npi: null, listed_state: 'TX', excl_type: '1128a1', excluded_from: '2025-02-01', reinstated_on: null, waiver_on: null,
	excluded_until: null, lines: 2, paid_at_risk: 325
};
const s: Screening = {
	screened_at: '2025-05-06T12:00:00.000Z', providers: 2, counts: { confirmed: 1, candidate: 0, dismissed: 0 }, rows: [row],
	lists: [{ list: 'leie', import_id: 3, file_name: '2504REIN.csv', loaded_at: '2025-05-02 09:00:00', list_date: '2025-04-01', records: 9, loads: 2, age_days: 35, stale: false }]
};
const results: ProviderResult[] = [
	{ provider_npi: '1234567893', provider_name: '<img src=x onerror=alert(1)>', provider_state: null, result: 'excluded', confirmed: 1, candidates: 0, dismissed: 0, lines: 2, paid_at_risk: 325 },
	{ provider_npi: '1234567901', provider_name: 'Lee, Sam', provider_state: 'OH', result: 'cleared', confirmed: 0, candidates: 0, dismissed: 0, lines: 0, paid_at_risk: 0 }
];

describe('exclusion screening evidence (HTML for the PDF)', () => {
	const html = exclusionScreeningHtml(s, results, 'auditor@example.test');
	it('names the list version, when and who, and every provider with its result', () => {
		expect(html).toContain('<td>LEIE</td><td>2504REIN.csv</td><td>2025-04-01</td><td class="num">9</td>');
		expect(html).toContain('Screened 2025-05-06 12:00:00 UTC by auditor@example.test: 2 providers');
		expect(html).toContain('<td>1234567901</td><td>Lee, Sam</td><td>cleared</td><td class="num">0</td><td class="num">$0.00</td>');
		expect(html).toContain('confirmed<br><small>by co@example.test, 2025-05-01 10:00:00</small>');
		expect(html).toContain('<td class="num">$325.00</td>');
	});
	it('escapes imported names', () => {
		expect(html).not.toContain('<img');
		expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
		expect(html).toContain('O&#39;BRIEN &amp; SONS, ANA');
	});
	it('says so when no list is loaded and nothing matched', () => {
		const empty = exclusionScreeningHtml({ ...s, lists: [], rows: [] }, [], 'x');
		expect(empty).toContain('No exclusion list loaded: nothing was screened against.');
		expect(empty).toContain('No provider matches a record of the lists loaded.');
	});
});
