// Buffered CSV output: rows are appended to an in-memory chunk of about a megabyte, which is
// written in one call; when the stream's buffer is full we wait for 'drain'. Only one chunk
// is ever held, so memory stays flat whatever the line count.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';

/** RFC 4180: quote a field when it holds a comma, quote, CR or LF; double inner quotes. */
export function csvField(s: string): string {
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Integer cents as a 2-decimal amount ('12345' -> '123.45'). */
export function money(cents: number): string {
	const c = Math.round(cents);
	const r = c % 100;
	return `${(c - r) / 100}.${r < 10 ? '0' : ''}${r}`;
}

export class ChunkedWriter {
	private parts: string[] = [];
	private size = 0;
	private readonly stream: WriteStream;
	private error: Error | null = null;

	constructor(path: string, private readonly chunkChars = 1 << 20) {
		this.stream = createWriteStream(path, { encoding: 'utf8' });
		this.stream.on('error', (e) => (this.error = e));
	}

	/** Appends text; returns true when the chunk is full and the caller should `await flush()`. */
	push(text: string): boolean {
		this.parts.push(text);
		this.size += text.length;
		return this.size >= this.chunkChars;
	}

	async flush(): Promise<void> {
		if (this.error) throw this.error;
		if (this.size === 0) return;
		const ok = this.stream.write(this.parts.join(''));
		this.parts = [];
		this.size = 0;
		if (!ok) await once(this.stream, 'drain');
	}

	async close(): Promise<void> {
		await this.flush();
		this.stream.end();
		await finished(this.stream);
		if (this.error) throw this.error;
	}

	/** Closes without flushing (after a failure); never throws. */
	destroy(): void {
		this.stream.destroy();
	}
}
