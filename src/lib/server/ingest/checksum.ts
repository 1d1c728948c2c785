// sha256 of a file's bytes, streamed: the identity of an import (same checksum = same file).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function fileChecksum(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}
