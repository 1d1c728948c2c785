// sha256 of a file's bytes, streamed: the identity of an import (same checksum = same file).
// measureFile() hashes and, in the same pass, counts what the file expands to (size-limits.ts).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { ImportRefused } from './sniff.ts';
import { ExpansionCounter, SizeLimitExceeded, limitMessage, type SizeLimits } from './size-limits.ts';

export async function fileChecksum(path: string): Promise<string> {
	const hash = createHash('sha256');
	// 4 MB reads: with the default 64 KB the hash ran at half speed
	for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

export interface Measured {
	/** sha256 of the file's own (compressed) bytes */
	checksum: string;
	/** decompressed bytes (gzip) or the file's size */
	bytes: number;
	lines: number;
}

export interface MeasureOptions {
	/** inflate the file (every gzip member) and count the decompressed bytes and lines */
	gz: boolean;
	/** the name the refusal gives (uploads are stored under random names) */
	fileName: string;
	limits: SizeLimits;
	/** count lines against limits.maxLines (a plain file's bytes are never limited here) */
	countLines?: boolean;
	signal?: AbortSignal;
	/** compressed bytes read so far, of the file's size */
	onRead?: (read: number, size: number) => void;
}

/**
 * One streamed pass: the sha256 of the file and, inflated when gz, its size and line count.
 * Refuses with SizeLimitExceeded the moment a limit passes: reading stops there, so a gzip bomb
 * costs the time to inflate one limit's worth, never the whole. Compressed input is read 64 KB at
 * a time because zlib inflates a whole input chunk before it looks at the output side again (a
 * 64 KB chunk of deflated zeros is at most ~66 MB). Multi-member gzip is inflated member by member.
 */
export async function measureFile(path: string, opts: MeasureOptions): Promise<Measured> {
	const { size } = await stat(path);
	const hash = createHash('sha256');
	const limits = opts.gz ? opts.limits : { maxBytes: Number.POSITIVE_INFINITY, maxLines: opts.countLines ? opts.limits.maxLines : Number.POSITIVE_INFINITY };
	const counter = new ExpansionCounter(limits);
	let read = 0;
	const tap = new Transform({
		transform(chunk: Buffer, _enc, done) {
			hash.update(chunk);
			read += chunk.length;
			opts.onRead?.(read, size);
			done(null, chunk);
		}
	});
	const count = opts.gz || opts.countLines;
	const sink = new Writable({
		write(chunk: Buffer, _enc, done) {
			const passed = count ? counter.add(chunk) : null;
			const counted = passed === 'bytes' ? counter.bytes : counter.lines;
			done(passed ? new SizeLimitExceeded(limitMessage(opts.fileName, passed, opts.limits, opts.gz), passed, counted, read) : null);
		}
	});
	const source = createReadStream(path, { highWaterMark: opts.gz ? 64 << 10 : 4 << 20 });
	const stages: (Readable | Transform | Writable)[] = opts.gz ? [source, tap, createGunzip({ chunkSize: 256 << 10 }), sink] : [source, tap, sink];
	try {
		await pipeline(stages, { signal: opts.signal });
	} catch (e) {
		if (e instanceof SizeLimitExceeded || opts.signal?.aborted) throw e;
		throw new ImportRefused(`${opts.fileName}: cannot be read${opts.gz ? ' as gzip' : ''} (${(e as Error).message}); nothing was imported`);
	}
	return { checksum: hash.digest('hex'), bytes: opts.gz ? counter.bytes : size, lines: counter.lines };
}
