// Uploaded files: checked by extension, streamed to data/uploads under a random name (the
// user's file name is only ever a label), size-limited, then imported like any other file.
import { randomUUID } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { appRoot } from '../db/database.ts';
import { ImportRefused } from './sniff.ts';
import { tempDirFor } from './transcode.ts';

export const MAX_UPLOAD_BYTES = Number(process.env.CLAIMLENS_MAX_UPLOAD_BYTES ?? 2 * 1024 ** 3);

const allowed = [/\.csv$/i, /\.tsv$/i, /\.txt$/i, /\.csv\.gz$/i, /\.tsv\.gz$/i, /\.txt\.gz$/i, /\.parquet$/i, /\.835$/i, /\.837$/i, /\.edi$/i, /\.x12$/i];

export function uploadExtension(name: string): string {
	if (!allowed.some((re) => re.test(name))) {
		throw new ImportRefused(`${name}: only .csv, .tsv, .txt (optionally .gz), .parquet and X12 835/837 (.835, .837, .edi, .x12) files can be imported`);
	}
	const m = /(\.(csv|tsv|txt)(\.gz)?|\.parquet|\.835|\.837|\.edi|\.x12)$/i.exec(name);
	return (m?.[1] ?? '.csv').toLowerCase();
}

export function uploadsDir(): string {
	const dir = resolve(appRoot(), 'data', 'uploads');
	mkdirSync(dir, { recursive: true });
	return dir;
}

/**
 * Removes the uploads and the decoded copies (transcode.ts, beside the database `dbPath`) a crash
 * left behind: they hold PHI. Run at start-up, before the server takes requests. Returns how
 * many files were removed.
 */
export function removeLeftoverUploads(dbPath: string): number {
	let removed = 0;
	for (const dir of new Set([resolve(appRoot(), 'data', 'uploads'), tempDirFor(dbPath)])) {
		if (!existsSync(dir)) continue;
		for (const f of readdirSync(dir)) {
			rmSync(resolve(dir, f), { force: true, recursive: true });
			removed++;
		}
	}
	return removed;
}

/** Streams a request body to a random file name; returns its path. `signal` stops it (the partial file is removed). */
export async function saveUpload(body: ReadableStream<Uint8Array>, name: string, signal?: AbortSignal): Promise<string> {
	const path = resolve(uploadsDir(), `${randomUUID()}${uploadExtension(name)}`);
	let bytes = 0;
	const limit = new Transform({
		transform(chunk: Buffer, _enc, done) {
			bytes += chunk.length;
			if (bytes > MAX_UPLOAD_BYTES) done(new ImportRefused(`${name}: larger than the ${MAX_UPLOAD_BYTES / 1024 ** 2} MB upload limit`));
			else done(null, chunk);
		}
	});
	const sink = createWriteStream(path, { flags: 'wx' });
	try {
		await pipeline(Readable.fromWeb(body as never), limit, sink, { signal });
	} catch (e) {
		// a stream stopped before its file was open still creates the file: wait for it to close
		if (!sink.closed) await once(sink, 'close').catch(() => {});
		rmSync(path, { force: true });
		throw e;
	}
	return path;
}
