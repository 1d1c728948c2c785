// Stopping an import part-way (security issue 7): by its caller's AbortSignal (the uploader or an
// admin on the Data page, a client that went away, Ctrl-C in the CLI) or by a size limit found
// while DuckDB already reads the file. The abort reason is a short text saying who or what
// stopped it ("client disconnected", "by ann@example.org, the uploader"); it ends up in the
// import log and in the refusal.
import type { DuckDBConnection } from '@duckdb/node-api';
import { ImportRefused } from './sniff.ts';
import { SizeLimitExceeded } from './size-limits.ts';

/** An import stopped by its caller; nothing of it was kept. `cause`: what the step in flight threw (a DuckDB interrupt). */
export class ImportCancelled extends ImportRefused {
	constructor(readonly fileName: string, readonly reason: string, cause?: unknown) {
		super(`${fileName}: import cancelled (${reason}); nothing was kept`, cause === undefined ? undefined : { cause });
	}
}

/** The text of an abort reason: a string as given, an Error's message, else "aborted". */
export function abortReason(signal: AbortSignal): string {
	const r: unknown = signal.reason;
	if (typeof r === 'string' && r.trim()) return r;
	if (r instanceof Error && r.name !== 'AbortError' && r.message) return r.message;
	return 'aborted';
}

/**
 * One import's stop switch: the caller's signal, plus a limit the concurrent checksum pass may
 * hit (a plain file with too many lines). `signal` fires for either; `error()` is what the import
 * then throws: the limit's refusal, or ImportCancelled.
 */
export class ImportStop {
	private readonly limit = new AbortController();
	readonly signal: AbortSignal;

	constructor(private readonly fileName: string, private readonly caller?: AbortSignal) {
		this.signal = caller ? AbortSignal.any([caller, this.limit.signal]) : this.limit.signal;
	}

	/** A size limit passed while the file was being read: stop as if cancelled, report the limit. */
	limitPassed(e: SizeLimitExceeded): void {
		this.limit.abort(e);
	}

	get stopped(): boolean {
		return this.signal.aborted;
	}

	/** @param cause what the step in flight threw when it was stopped */
	error(cause?: unknown): ImportRefused {
		const r: unknown = this.limit.signal.reason;
		if (this.limit.signal.aborted && r instanceof SizeLimitExceeded) return r;
		return new ImportCancelled(this.fileName, this.caller ? abortReason(this.caller) : 'aborted', cause);
	}

	/** Throws error() when stopped: called between steps. */
	check(): void {
		if (this.stopped) throw this.error();
	}
}

/**
 * Interrupts the connection's running statement when `signal` aborts, and again every 100 ms
 * until stop() (an interrupt that lands between two statements is dropped by DuckDB, so one
 * call could miss the statement that starts right after it). Call stop() before ROLLBACK or any
 * statement that must run to the end.
 */
export function interruptOnAbort(conn: DuckDBConnection, signal: AbortSignal): { stop: () => void } {
	let timer: ReturnType<typeof setInterval> | null = null;
	const start = () => {
		conn.interrupt();
		timer = setInterval(() => conn.interrupt(), 100);
	};
	if (signal.aborted) start();
	else signal.addEventListener('abort', start, { once: true });
	return {
		stop: () => {
			signal.removeEventListener('abort', start);
			if (timer) clearInterval(timer);
			timer = null;
		}
	};
}
