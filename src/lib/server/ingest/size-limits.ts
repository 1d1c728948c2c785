// How far a file may expand before DuckDB reads it (security issue 7: a 145 MB .gz inflated to
// 40 GiB). Pure counting and messages only; checksum.ts streams the file through it. Limits come
// from the environment, read per import so an operator's change applies to the next one:
//   CLAIMLENS_MAX_DECOMPRESSED_BYTES  default 16 GiB. The upload limit is 2 GiB and claim-line
//     CSV compresses about 5:1 (sources.ts), so the largest honest upload inflates to ~10 GiB;
//     16 GiB leaves headroom and matches CLAIMLENS_MAX_PARQUET_BYTES.
//   CLAIMLENS_MAX_ROWS  default 200,000,000 physical lines (header included). 16 GiB of claim
//     lines at ~85 bytes each; the benchmark imports 10 million lines in ~24 s, so the limit is
//     roughly 8 minutes of import work.

import { ImportRefused } from './sniff.ts';

export const DEFAULT_MAX_DECOMPRESSED_BYTES = 16 * 1024 ** 3;
export const DEFAULT_MAX_ROWS = 200_000_000;

export interface SizeLimits {
	/** decompressed bytes of a compressed file (not applied to plain files: their size is their own) */
	maxBytes: number;
	/** physical lines, counted as line feeds plus an unterminated last line */
	maxLines: number;
}

export type LimitName = 'bytes' | 'lines';

export const limitEnv: Record<LimitName, string> = { bytes: 'CLAIMLENS_MAX_DECOMPRESSED_BYTES', lines: 'CLAIMLENS_MAX_ROWS' };

/** A file refused for passing a limit. `counted` is how far the count got when reading stopped. */
export class SizeLimitExceeded extends ImportRefused {
	constructor(message: string, readonly limit: LimitName, readonly counted: number, readonly compressedRead: number) {
		super(message);
	}
}

function positiveWhole(name: string, raw: string | undefined, fallback: number): number {
	if (raw === undefined || raw.trim() === '') return fallback;
	const n = Number(raw.trim());
	if (!Number.isSafeInteger(n) || n <= 0) throw new ImportRefused(`${name} must be a positive whole number, not ${JSON.stringify(raw)}`);
	return n;
}

/** The limits in force: the environment's, else the defaults. A malformed value is an error, never ignored. */
export function sizeLimits(env: Record<string, string | undefined> = process.env): SizeLimits {
	return {
		maxBytes: positiveWhole(limitEnv.bytes, env[limitEnv.bytes], DEFAULT_MAX_DECOMPRESSED_BYTES),
		maxLines: positiveWhole(limitEnv.lines, env[limitEnv.lines], DEFAULT_MAX_ROWS)
	};
}

const LF = 0x0a;

/**
 * Counts the bytes and physical lines of a stream of chunks and says the moment either passes
 * its limit ("passes" = strictly more than the limit: a file of exactly the limit is accepted).
 * The caller stops reading when add() returns non-null, so at most one chunk past the limit is
 * ever inflated. Nothing here trusts what a file says about itself (the gzip ISIZE trailer).
 */
export class ExpansionCounter {
	bytes = 0;
	lineFeeds = 0;
	private lastByte = -1;

	constructor(readonly limits: SizeLimits) {}

	/** Lines so far: every line feed, plus a last line not (yet) ended by one. */
	get lines(): number {
		return this.lineFeeds + (this.bytes > 0 && this.lastByte !== LF ? 1 : 0);
	}

	add(chunk: Buffer): LimitName | null {
		this.bytes += chunk.length;
		for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) this.lineFeeds++;
		if (chunk.length) this.lastByte = chunk[chunk.length - 1] as number;
		return this.passed();
	}

	passed(): LimitName | null {
		if (this.bytes > this.limits.maxBytes) return 'bytes';
		if (this.lines > this.limits.maxLines) return 'lines';
		return null;
	}
}

/** 17179869184 -> "16 GiB", 1048576 -> "1 MiB", 1500 -> "1,500 bytes". */
export function formatBytes(n: number): string {
	for (const [unit, size] of [['GiB', 1024 ** 3], ['MiB', 1024 ** 2], ['KiB', 1024]] as const) {
		if (n >= size) return `${Number((n / size).toFixed(2)).toLocaleString('en-US')} ${unit}`;
	}
	return `${n.toLocaleString('en-US')} bytes`;
}

/** The refusal: names the file, the limit and the variable that raises it. */
export function limitMessage(fileName: string, limit: LimitName, limits: SizeLimits, compressed: boolean): string {
	const what =
		limit === 'bytes'
			? `decompresses to more than ${formatBytes(limits.maxBytes)}`
			: `has more than ${limits.maxLines.toLocaleString('en-US')} lines${compressed ? ' once decompressed' : ''}`;
	const value = limit === 'bytes' ? limits.maxBytes : limits.maxLines;
	return `${fileName}: ${what}, the limit (${limitEnv[limit]}=${value}); nothing was imported. ` +
		`Split the file, or raise ${limitEnv[limit]} in the server's (or the CLI's) environment and import it again`;
}
