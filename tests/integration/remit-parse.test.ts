// X12 835 parsing: the public fixtures' totals against the file's own BPR/CLP/CAS amounts
// (read here with a naive split, independently of the parser), our hand-written
// tests/fixtures/denials_match.835, and malformed files that must be refused naming the segment.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse835 } from '../../src/lib/server/remit/parse-835.ts';
import { X12FormatError, checkIsa, comp, el, isX12File, readSegments } from '../../src/lib/server/remit/x12-segments.ts';
import { sharedFixtures } from '../helpers/temp-db.ts';

const x12 = join(sharedFixtures, 'x12');
const haveShared = existsSync(join(x12, '835_profee.edi'));
if (!haveShared) console.warn(`skipping the public 835 fixtures: ${x12} is absent`);

/** Sum of one element over the segments with this id, by plain splitting ('~' and '*'). */
function naiveSum(text: string, id: string, element: number): number {
	return text.split('~').map((s) => s.trim().split('*')).filter((e) => e[0] === id).reduce((t, e) => t + Math.round(Number(e[element] ?? 0) * 100), 0);
}
function naiveCasSum(text: string): number {
	let t = 0;
	for (const e of text.split('~').map((s) => s.trim().split('*')).filter((x) => x[0] === 'CAS')) {
		for (let i = 3; i < e.length; i += 3) t += Math.round(Number(e[i] || 0) * 100);
	}
	return t;
}
const sum = <T>(rows: T[], f: (r: T) => number) => rows.reduce((t, r) => t + f(r), 0);

describe.skipIf(!haveShared)('public 835 fixtures (shared/fixtures/x12)', () => {
	it('835_profee.edi: claim payments and adjustments match the file\'s own BPR and CLP amounts', async () => {
		const path = join(x12, '835_profee.edi');
		const text = readFileSync(path, 'latin1');
		const r = await parse835(readSegments(path));
		expect(r.payments).toHaveLength(1);
		expect(r.claims).toHaveLength(3);
		expect(r.lines).toHaveLength(10);
		// BPR02 = $45.75 = CLP04 34.25 + 0 + 11.50
		expect(r.payments[0]?.payment_cents).toBe(4575);
		expect(naiveSum(text, 'BPR', 2)).toBe(4575);
		expect(sum(r.claims, (c) => c.paid_cents)).toBe(naiveSum(text, 'CLP', 4));
		expect(sum(r.claims, (c) => c.paid_cents)).toBe(r.payments[0]?.payment_cents);
		// charges $102.50 (34.25 + 34 + 34.25) - paid $45.75 = adjustments $56.75 (CO-29 12 + 22, CO-251 2.75 + 20)
		expect(sum(r.claims, (c) => c.charge_cents)).toBe(naiveSum(text, 'CLP', 3));
		expect(sum(r.adjustments, (a) => a.amount_cents)).toBe(naiveCasSum(text));
		expect(sum(r.adjustments, (a) => a.amount_cents)).toBe(5675);
		expect(sum(r.lines, (l) => l.charge_cents)).toBe(10250);
		expect(r.adjustments.map((a) => `${a.group_code}-${a.carc}`)).toEqual(['CO-29', 'CO-29', 'CO-251', 'CO-251']);
		// paid 0 with a CO adjustment = denied (domain.md): claim 2's two lines, claim 3's last two
		expect(r.lines.filter((l) => l.line_status === 'denied').map((l) => [l.claim_seq, l.procedure_code, l.adjustment_codes[0]])).toEqual([
			[2, 'V2020', 'CO-29'], [2, 'V2103', 'CO-29'], [3, 'V2700', 'CO-251'], [3, 'S0580', 'CO-251']
		]);
		expect(r.lines.find((l) => l.procedure_code === 'S0580' && l.claim_seq === 3)?.remark_codes).toEqual(['N206']);
		expect(r.lines[0]).toMatchObject({ procedure_code: 'V2020', modifiers: ['RB'], units: 1, line_number: 1, service_date: '2010-01-01' });
		expect(r.lines[3]?.units).toBe(2);
	});

	it('835_profee_multiple.edi: one interchange repeated 156 times is counted once (issue 10: never twice)', async () => {
		const path = join(x12, '835_profee_multiple.edi');
		const text = readFileSync(path, 'latin1');
		// the file holds 156 copies of the same interchange: ISA13 006000600, TRN02 10100000000, BPR02 45.75
		expect(naiveSum(text, 'BPR', 2)).toBe(156 * 4575);
		const r = await parse835(readSegments(path));
		expect(r.payments).toHaveLength(1);
		expect(r.claims).toHaveLength(3);
		expect(r.warnings).toHaveLength(155);
		expect(r.warnings[0]).toContain('interchange ISA13 006000600 from sender EMEDNYBAT repeats the one at segment 1 (ISA)');
		expect(sum(r.payments, (p) => p.payment_cents)).toBe(naiveSum(text, 'BPR', 2) / 156);
		expect(sum(r.claims, (c) => c.paid_cents)).toBe(naiveSum(text, 'CLP', 4) / 156);
		expect(sum(r.claims, (c) => c.paid_cents)).toBe(4575);
		expect(sum(r.claims, (c) => c.charge_cents) - sum(r.claims, (c) => c.paid_cents)).toBe(sum(r.adjustments, (a) => a.amount_cents));
		expect(sum(r.adjustments, (a) => a.amount_cents)).toBe(naiveCasSum(text) / 156);
	});
});

describe('tests/fixtures/denials_match.835 (hand-written)', () => {
	const path = join('tests', 'fixtures', 'denials_match.835');

	it('reads components as X12 numbers them, whatever x12-parser\'s keys', async () => {
		const svc: { code: string; mod: string; q: string }[] = [];
		for await (const s of readSegments(path)) if (s.id === 'SVC') svc.push({ q: comp(s, 1, 1), code: comp(s, 1, 2), mod: comp(s, 1, 3) });
		expect(svc).toEqual([{ q: 'HC', code: '90837', mod: '' }, { q: 'HC', code: '90785', mod: '' }, { q: 'HC', code: '99213', mod: '25' }]);
	});

	it('BPR02 $10 = claim payments $15 - provider adjustment (PLB) $5', async () => {
		const r = await parse835(readSegments(path));
		expect(r.payments[0]).toMatchObject({ payment_cents: 1000, claim_paid_cents: 1500, provider_adjustment_cents: 500, payer_name: 'Medicare', payee_npi: '3000000018', trace_number: 'EFT0001', payment_date: '2025-05-01' });
		expect(r.providerAdjustments).toEqual([{ transaction_seq: 1, provider_id: '3000000018', period_end: '2025-12-31', reason_code: 'FB', reference: 'ABC123', amount_cents: 500 }]);
		expect(r.lines.map((l) => [l.claim_id, l.line_number, l.procedure_code, l.line_status, l.adjustment_codes])).toEqual([
			['C4', 1, '90837', 'denied', ['CO-50']],
			['C4', 2, '90785', 'paid', ['PR-2']], // coinsurance only: paid, not partial
			['R1', 1, '99213', 'denied', ['CO-197']]
		]);
	});

	it('knows an X12 file by its first non-blank bytes', async () => {
		expect(await isX12File(path)).toBe(true);
		expect(await isX12File(join('tests', 'fixtures', 'denials_small.csv'))).toBe(false);
	});
});

describe('malformed 835 files are refused, naming the segment', () => {
	const dir = mkdtempSync(join(tmpdir(), 'claimlens-remit-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const good = readFileSync(join('tests', 'fixtures', 'denials_match.835'), 'utf8');
	const parseText = async (text: string) => {
		const p = join(dir, `f${Math.random().toString(36).slice(2)}.835`);
		writeFileSync(p, text);
		return parse835(readSegments(p));
	};

	it.each([
		['a CAS amount that is not a number', (t: string) => t.replace('CAS*CO*197*100', 'CAS*CO*197*1O0'), /segment 27 \(CAS\): CAS03 amount \(element 3\) "1O0" is not a number/],
		['a wrong SE segment count', (t: string) => t.replace('SE*27*0001', 'SE*26*0001'), /segment 29 \(SE\): SE01 says 26 segments but the transaction set has 27/],
		['a claim that does not balance', (t: string) => t.replace('CLP*C4*1*220*15', 'CLP*C4*1*230*15'), /segment 10 \(CLP\): claim C4: charge \$230\.00 - payment \$15\.00 = \$215\.00, but its adjustments \(CAS\) add up to \$205\.00/],
		['a service line that does not balance', (t: string) => t.replace('CAS*PR*2*5', 'CAS*PR*2*4').replace('CLP*C4*1*220*15*5', 'CLP*C4*1*219*15*4'), /segment 18 \(SVC\): service 90785: charge \$20\.00 - payment \$15\.00 = \$5\.00, but its adjustments \(CAS\) add up to \$4\.00/],
		['a payment that disagrees with its claims', (t: string) => t.replace('BPR*I*10*', 'BPR*I*12*'), /segment 4 \(BPR\): BPR02 pays \$12\.00 but the claim payments \(CLP04\) add up to \$15\.00 less \$5\.00 of provider adjustments \(PLB\) = \$10\.00/],
		['a truncated file', (t: string) => t.slice(0, t.indexOf('PLB*')), /the file ends inside the ST started at segment 3 \(ST\), before its closing SE/],
		['an 837 claim file', (t: string) => t.replace('ST*835*0001', 'ST*837*0001'), /segment 3 \(ST\): transaction set 837 is not an 835/],
		['a service line before any claim', (t: string) => t.replace('CLP*C4*1*220*15*5*12*PAYERICN-C4*11~\n', ''), /segment \d+ \((SVC|NM1|DTM)\)|outside a claim payment/],
		['a damaged ISA header', (t: string) => t.replace('*00501*', '*0501*'), /segment 1 \(ISA\): ISA12 is 4 characters, expected 5/],
		['an unknown CAS group', (t: string) => t.replace('CAS*CO*50*200', 'CAS*XX*50*200'), /segment 15 \(CAS\): CAS01 group "XX"/],
		['a bad date', (t: string) => t.replace('DTM*472*20250415', 'DTM*472*20250231'), /segment 26 \(DTM\): DTM02 service date \(element 2\) "20250231" is not a CCYYMMDD date/]
	])('%s', async (_what, mutate, message) => {
		const text = mutate(good);
		expect(text).not.toBe(good);
		await expect(parseText(text)).rejects.toThrow(message);
		await expect(parseText(text)).rejects.toBeInstanceOf(X12FormatError);
	});

	it('checks the fixed-width ISA header', () => {
		expect(checkIsa(good)).toEqual({ element: '*', component: ':', terminator: '~', padding: 0 });
		expect(() => checkIsa('ISA*00*short~')).toThrow(/segment 1 \(ISA\)/);
	});

	it('reads element positions as X12 numbers them', async () => {
		const seen: string[] = [];
		for await (const s of readSegments(join('tests', 'fixtures', 'denials_match.835'))) if (s.id === 'CLP') seen.push(`${el(s, 1)}:${el(s, 3)}:${el(s, 7)}`);
		expect(seen).toEqual(['C4:220:PAYERICN-C4', 'R1:100:PAYERICN-R1']);
	});
});
