// A file in another text encoding (Windows-1252 "ANSI" exports, UTF-16 "Unicode text") is decoded
// once into a UTF-8 copy that DuckDB's reader can take. The copy holds the same PHI as the
// upload: it lives in data/tmp beside the database and the importer removes it when the import
// ends, whatever the outcome (stale copies from a crash are removed at start-up with the uploads).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { ImportRefused } from './sniff.ts';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { TextEncoding } from './sniff.ts';

/** The folder of transient decoded copies for a database file. */
export function tempDirFor(dbPath: string): string {
	return join(dirname(dbPath), 'tmp');
}

/**
 * Decodes `path` (gzip'd when gz) from `encoding` into a new UTF-8 file; returns its path. A
 * gzip'd file has passed the decompressed-size limits first (size-limits.ts); `signal` stops the
 * copy (and removes it) when the import is cancelled.
 */
export async function transcodeToUtf8(path: string, encoding: TextEncoding, gz: boolean, dbPath: string, signal?: AbortSignal): Promise<string> {
	const dir = tempDirFor(dbPath);
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const out = join(dir, `decoded-${randomUUID()}.csv`);
	const decoder = new TextDecoder(encoding);
	const decode = new Transform({
		transform(chunk: Buffer, _enc, done) {
			done(null, decoder.decode(chunk, { stream: true }));
		},
		flush(done) {
			done(null, decoder.decode());
		}
	});
	const sink = createWriteStream(out, { mode: 0o600 });
	try {
		// pipeline closes every stream on any failure (a truncated gzip, a read error)
		if (gz) await pipeline(createReadStream(path), createGunzip(), decode, sink, { signal });
		else await pipeline(createReadStream(path), decode, sink, { signal });
	} catch (e) {
		await rm(out, { force: true });
		if (signal?.aborted) throw e;
		throw new ImportRefused(`${basename(path)}: cannot be read as ${encoding}${gz ? ' (gzip)' : ''}: ${(e as Error).message}; nothing was imported`);
	}
	return out;
}
