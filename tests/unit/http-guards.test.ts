// Request guards of the security issue: body ceilings judged from headers alone, the sign-in
// redirect target, and sign-in throttling per (account, address). Expected values are worked
// out by hand from the rules stated in each module's header comment.
import { beforeEach, describe, expect, it } from 'vitest';
import { bodyLimitFor, checkBody, FINDINGS_BODY_LIMIT, FORM_BODY_LIMIT } from '../../src/lib/server/http/body-limit.ts';
import { MAX_UPLOAD_BYTES } from '../../src/lib/server/ingest/upload.ts';
import { safeNext } from '../../src/lib/server/http/safe-next.ts';
import { ADDRESS_LIMIT, BASE_DELAY_MS, MAX_DELAY_MS, PAIR_FREE, WINDOW_MS, addressWaitMs, checkAttempt, pairWaitMs, recordFailure, recordSuccess, resetThrottle } from '../../src/lib/server/auth/throttle.ts';

const h = (o: Record<string, string>) => new Headers(o);

describe('request body ceilings', () => {
	it('gives the sign-in form 16 KB, findings 8 MB and only the import route the upload ceiling', () => {
		expect(FORM_BODY_LIMIT).toBe(16384);
		expect(bodyLimitFor('/login')).toBe(16384);
		expect(bodyLimitFor(null)).toBe(16384);
		expect(bodyLimitFor('/samples/[id]')).toBe(8 * 1048576);
		expect(bodyLimitFor('/api/samples/[id]/findings')).toBe(FINDINGS_BODY_LIMIT);
		expect(bodyLimitFor('/api/imports')).toBe(MAX_UPLOAD_BYTES);
	});
	it('refuses one byte over the limit from the Content-Length header alone (n - 1, n, n + 1)', () => {
		expect(checkBody('POST', h({ 'content-length': '16383' }), '/login')).toBeNull();
		expect(checkBody('POST', h({ 'content-length': '16384' }), '/login')).toBeNull();
		expect(checkBody('POST', h({ 'content-length': '16385' }), '/login')).toEqual({ status: 413, message: "request body of 16385 bytes is over this address's limit of 16384 bytes" });
		expect(checkBody('POST', h({ 'content-length': String(300 * 1048576) }), '/login')?.status).toBe(413);
		expect(checkBody('POST', h({ 'content-length': String(300 * 1048576) }), '/api/imports')).toBeNull();
	});
	it('refuses a chunked body except on the streaming import route, and a Content-Length that is not a number', () => {
		expect(checkBody('POST', h({ 'transfer-encoding': 'chunked' }), '/login')).toEqual({ status: 411, message: 'send a Content-Length with the request body' });
		expect(checkBody('POST', h({ 'transfer-encoding': 'chunked' }), '/api/imports')).toBeNull();
		expect(checkBody('POST', h({ 'content-length': '1e9' }), '/login')?.status).toBe(411);
		expect(checkBody('POST', h({ 'content-length': '-1' }), '/login')?.status).toBe(411);
		expect(checkBody('POST', h({}), '/logout')).toBeNull();
		expect(checkBody('GET', h({ 'content-length': '999999999' }), '/login')).toBeNull();
	});
});

describe('where sign-in may lead', () => {
	it.each([
		['/flags?rule=x&year=2020', '/flags?rule=x&year=2020'],
		['/flags/provider/1234567890?rule=mohs#trend', '/flags/provider/1234567890?rule=mohs#trend'],
		['/%09/evil.example/', '/'],
		['/\t/evil.example/', '/'],
		['//evil.example', '/'],
		['/\\evil.example', '/'],
		['/%5Cevil.example', '/'],
		['/%2F%2Fevil.example', '/'],
		['/%0d%0a//evil.example', '/'],
		['https://evil.example/', '/'],
		['evil.example', '/'],
		['/./..//evil.example', '/'],
		['/%E0%A4%A', '/'],
		['', '/'],
		[null, '/']
	])('%j -> %j', (next, expected) => {
		expect(safeNext(next)).toBe(expected);
	});
});

describe('sign-in throttling', () => {
	beforeEach(() => resetThrottle());
	const t0 = 1_800_000_000_000;
	it('backs off per (account, address) after 5 failures: 30 s, then 60 s, capped at 15 minutes', () => {
		expect(pairWaitMs([t0, t0, t0, t0], t0)).toBe(0);
		expect(pairWaitMs([t0, t0, t0, t0, t0], t0)).toBe(30_000);
		expect(pairWaitMs([t0, t0, t0, t0, t0, t0], t0)).toBe(60_000);
		expect(pairWaitMs(Array(20).fill(t0), t0)).toBe(MAX_DELAY_MS);
		expect(pairWaitMs([t0, t0, t0, t0, t0], t0 + 29_999)).toBe(1);
		expect(pairWaitMs([t0, t0, t0, t0, t0], t0 + 30_000)).toBe(0);
		expect([PAIR_FREE, BASE_DELAY_MS, WINDOW_MS, ADDRESS_LIMIT]).toEqual([5, 30_000, 900_000, 50]);
	});
	it('does not slow the same account from another address, nor other accounts behind the same address', () => {
		for (let i = 0; i < 5; i++) recordFailure('dr@example.org', '203.0.113.9', t0);
		expect(checkAttempt('dr@example.org', '203.0.113.9', t0 + 1000).waitMs).toBe(29_000);
		expect(checkAttempt('dr@example.org', '198.51.100.7', t0 + 1000).waitMs).toBe(0);
		expect(checkAttempt('colleague@example.org', '203.0.113.9', t0 + 1000).waitMs).toBe(0);
	});
	it('writes one summary per throttled spell and hands the count of refusals to the next record', () => {
		for (let i = 0; i < 5; i++) recordFailure('a@example.org', '192.0.2.1', t0);
		const first = checkAttempt('a@example.org', '192.0.2.1', t0 + 1);
		const second = checkAttempt('a@example.org', '192.0.2.1', t0 + 2);
		const third = checkAttempt('a@example.org', '192.0.2.1', t0 + 3);
		expect([first.reportNow, second.reportNow, third.reportNow]).toEqual([true, false, false]);
		expect(first.failures).toBe(5);
		expect(recordSuccess('a@example.org', '192.0.2.1')).toBe(3);
		expect(checkAttempt('a@example.org', '192.0.2.1', t0 + 4).waitMs).toBe(0);
	});
	it('stops password spraying from one address after 50 failures in 15 minutes, until the oldest leaves the window', () => {
		for (let i = 0; i < 49; i++) recordFailure(`user${i}@example.org`, '192.0.2.2', t0 + i);
		expect(checkAttempt('new@example.org', '192.0.2.2', t0 + 100).waitMs).toBe(0);
		recordFailure('user49@example.org', '192.0.2.2', t0 + 49);
		expect(checkAttempt('new@example.org', '192.0.2.2', t0 + 100).waitMs).toBe(WINDOW_MS - 100);
		expect(addressWaitMs(Array.from({ length: 50 }, (_, i) => t0 + i), t0 + WINDOW_MS)).toBe(0);
		// forgotten after the window
		expect(checkAttempt('new@example.org', '192.0.2.2', t0 + WINDOW_MS + 50).waitMs).toBe(0);
	});
});
