// The stop switch of an import (src/lib/server/ingest/cancel.ts): the reason text, which error an
// import throws when stopped, and the interrupts sent to DuckDB until the caller says stop.
import type { DuckDBConnection } from '@duckdb/node-api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportCancelled, ImportStop, abortReason, interruptOnAbort } from '../../src/lib/server/ingest/cancel.ts';
import { ImportRefused } from '../../src/lib/server/ingest/sniff.ts';
import { SizeLimitExceeded } from '../../src/lib/server/ingest/size-limits.ts';

afterEach(() => vi.useRealTimers());

describe('abortReason', () => {
	it('a string as given, an Error by its message, a bare abort() as "aborted"', () => {
		const reasonOf = (r?: unknown) => {
			const ac = new AbortController();
			ac.abort(r);
			return abortReason(ac.signal);
		};
		expect([reasonOf('client disconnected'), reasonOf(new Error('by ann')), reasonOf(), reasonOf('  ')]).toEqual(['client disconnected', 'by ann', 'aborted', 'aborted']);
	});
});

describe('ImportStop', () => {
	it('is quiet until its caller aborts, then throws ImportCancelled naming file and reason', () => {
		const ac = new AbortController();
		const stop = new ImportStop('claims.csv', ac.signal);
		expect(stop.stopped).toBe(false);
		expect(() => stop.check()).not.toThrow();
		ac.abort('Ctrl-C (SIGINT)');
		expect(stop.stopped).toBe(true);
		expect(stop.signal.aborted).toBe(true);
		const e = stop.error(new Error('INTERRUPT Error: Interrupted!'));
		expect(e).toBeInstanceOf(ImportCancelled);
		expect(e).toBeInstanceOf(ImportRefused);
		expect(e.message).toBe('claims.csv: import cancelled (Ctrl-C (SIGINT)); nothing was kept');
		expect((e as ImportCancelled).reason).toBe('Ctrl-C (SIGINT)');
		expect((e.cause as Error).message).toBe('INTERRUPT Error: Interrupted!');
		expect(() => stop.check()).toThrow('claims.csv: import cancelled (Ctrl-C (SIGINT)); nothing was kept');
	});
	it('a limit found while reading stops it too, and the error is the limit refusal', () => {
		const ac = new AbortController();
		const stop = new ImportStop('p.csv', ac.signal);
		const limit = new SizeLimitExceeded('p.csv: has more than 3 lines', 'lines', 4, 7);
		stop.limitPassed(limit);
		expect(stop.stopped).toBe(true);
		expect(ac.signal.aborted).toBe(false);
		expect(stop.error()).toBe(limit);
	});
	it('works without a caller signal (only limits stop it)', () => {
		const stop = new ImportStop('x.csv');
		expect(stop.stopped).toBe(false);
		stop.limitPassed(new SizeLimitExceeded('x', 'bytes', 2, 1));
		expect(stop.error().message).toBe('x');
	});
});

describe('interruptOnAbort', () => {
	const fakeConn = () => {
		const conn = { interrupt: vi.fn() };
		return { conn, asDuck: conn as unknown as DuckDBConnection };
	};
	it('interrupts at once when the signal aborts, then every 100 ms until stop()', () => {
		vi.useFakeTimers();
		const { conn, asDuck } = fakeConn();
		const ac = new AbortController();
		const guard = interruptOnAbort(asDuck, ac.signal);
		vi.advanceTimersByTime(1000);
		expect(conn.interrupt).toHaveBeenCalledTimes(0);
		ac.abort('x');
		expect(conn.interrupt).toHaveBeenCalledTimes(1);
		vi.advanceTimersByTime(250);
		expect(conn.interrupt).toHaveBeenCalledTimes(3);
		guard.stop();
		vi.advanceTimersByTime(1000);
		expect(conn.interrupt).toHaveBeenCalledTimes(3);
	});
	it('an already aborted signal interrupts from the start; stop() before any abort means none ever', () => {
		vi.useFakeTimers();
		const a = fakeConn();
		const done = new AbortController();
		done.abort('x');
		const g1 = interruptOnAbort(a.asDuck, done.signal);
		expect(a.conn.interrupt).toHaveBeenCalledTimes(1);
		g1.stop();
		const b = fakeConn();
		const later = new AbortController();
		interruptOnAbort(b.asDuck, later.signal).stop();
		later.abort('x');
		vi.advanceTimersByTime(500);
		expect(b.conn.interrupt).toHaveBeenCalledTimes(0);
	});
});
