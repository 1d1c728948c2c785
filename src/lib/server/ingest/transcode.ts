// A file in another text encoding (Windows-1252 "ANSI" exports, UTF-16 "Unicode text") is decoded
// once into a UTF-8 copy that DuckDB's reader can take. The copy holds the same PHI as the
// upload: it lives in data/tmp beside the database and the importer removes it when the import
// ends, whatever the outcome (stale copies from a crash are removed at start-up with the uploads).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { once } from 'node:events';
import { createGunzip } from 'node:zlib';
import type { TextEncoding } from './sniff.ts';

/** The folder of transient decoded copies for a database file. */
export function tempDirFor(dbPath: string): string {
	return join(dirname(dbPath), 'tmp');
}

/** Decodes `path` (gzip'd when gz) from `encoding` into a new UTF-8 file; returns its path. */
export async function transcodeToUtf8(path: string, encoding: TextEncoding, gz: boolean, dbPath: string): Promise<string> {
	const dir = tempDirFor(dbPath);
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const out = join(dir, `decoded-${randomUUID()}.csv`);
	const decoder = new TextDecoder(encoding);
	const sink = createWriteStream(out, { mode: 0o600 });
	const source = createReadStream(path);
	const stream = gz ? source.pipe(createGunzip()) : source;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			if (!sink.write(decoder.decode(chunk, { stream: true }))) await once(sink, 'drain');
		}
		sink.end(decoder.decode());
		await once(sink, 'finish');
	} catch (e) {
		sink.destroy();
		throw e;
	}
	return out;
}
