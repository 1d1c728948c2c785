// Decompressed-size and line limits (src/lib/server/ingest/size-limits.ts, checksum.ts measureFile):
// boundaries at limit - 1, limit and limit + 1, every gzip member counted, a bomb stopped early.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { measureFile } from '../../src/lib/server/ingest/checksum.ts';
import {
	DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_ROWS, ExpansionCounter, SizeLimitExceeded, formatBytes, limitMessage, sizeLimits
} from '../../src/lib/server/ingest/size-limits.ts';

const dir = mkdtempSync(join(tmpdir(), 'size-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: Buffer) => {
	const p = join(dir, name);
	writeFileSync(p, content);
	return p;
};
const BIG = 1e12;

// 1,000 lines of "abc\n": 4,000 bytes, 1,000 line feeds
const TEXT = Buffer.from('abc\n'.repeat(1000));

async function refusal(p: Promise<unknown>): Promise<SizeLimitExceeded> {
	const e = await p.then(() => null, (err: unknown) => err);
	expect(e).toBeInstanceOf(SizeLimitExceeded);
	return e as SizeLimitExceeded;
}

describe('ExpansionCounter (pure)', () => {
	it('counts bytes and lines across chunk boundaries, an unterminated last line included', () => {
		const c = new ExpansionCounter({ maxBytes: BIG, maxLines: BIG });
		expect(c.lines).toBe(0);
		c.add(Buffer.from('ab'));
		expect([c.bytes, c.lines]).toEqual([2, 1]);
		c.add(Buffer.from('c\nde'));
		expect([c.bytes, c.lines]).toEqual([6, 2]);
		c.add(Buffer.from('\n\n'));
		expect([c.bytes, c.lines]).toEqual([8, 3]);
		c.add(Buffer.alloc(0));
		expect([c.bytes, c.lines]).toEqual([8, 3]);
	});
	it('passes a limit only when the count is above it', () => {
		const at = (maxBytes: number, maxLines: number) => new ExpansionCounter({ maxBytes, maxLines }).add(TEXT);
		expect([at(3999, BIG), at(4000, BIG), at(4001, BIG)]).toEqual(['bytes', null, null]);
		expect([at(BIG, 999), at(BIG, 1000), at(BIG, 1001)]).toEqual(['lines', null, null]);
		// both passed: bytes is named first
		expect(at(1, 1)).toBe('bytes');
	});
});

describe('sizeLimits (environment)', () => {
	it('defaults to 16 GiB and 200 million lines', () => {
		expect(sizeLimits({})).toEqual({ maxBytes: 17_179_869_184, maxLines: 200_000_000 });
		expect([DEFAULT_MAX_DECOMPRESSED_BYTES, DEFAULT_MAX_ROWS]).toEqual([17_179_869_184, 200_000_000]);
		expect(sizeLimits({ CLAIMLENS_MAX_DECOMPRESSED_BYTES: ' ', CLAIMLENS_MAX_ROWS: '' })).toEqual({ maxBytes: 17_179_869_184, maxLines: 200_000_000 });
	});
	it('reads whole positive numbers and refuses anything else by name', () => {
		expect(sizeLimits({ CLAIMLENS_MAX_DECOMPRESSED_BYTES: '1048576', CLAIMLENS_MAX_ROWS: '10' })).toEqual({ maxBytes: 1_048_576, maxLines: 10 });
		expect(() => sizeLimits({ CLAIMLENS_MAX_ROWS: '0' })).toThrow('CLAIMLENS_MAX_ROWS must be a positive whole number, not "0"');
		expect(() => sizeLimits({ CLAIMLENS_MAX_DECOMPRESSED_BYTES: '16GB' })).toThrow('CLAIMLENS_MAX_DECOMPRESSED_BYTES must be a positive whole number, not "16GB"');
		expect(() => sizeLimits({ CLAIMLENS_MAX_ROWS: '1.5' })).toThrow(/CLAIMLENS_MAX_ROWS/);
	});
	it('formats sizes for messages', () => {
		expect([formatBytes(17_179_869_184), formatBytes(1_610_612_736), formatBytes(1_048_576), formatBytes(1500), formatBytes(999)]).toEqual(['16 GiB', '1.5 GiB', '1 MiB', '1.46 KiB', '999 bytes']);
	});
});

describe('measureFile: gzip limits', () => {
	const gz = file('t.csv.gz', gzipSync(TEXT));
	const measure = (path: string, maxBytes: number, maxLines: number, name = 't.csv.gz') => measureFile(path, { gz: true, fileName: name, limits: { maxBytes, maxLines } });

	it('at the byte limit and above it the file passes, one byte below it is refused', async () => {
		const sha = createHash('sha256').update(gzipSync(TEXT)).digest('hex');
		expect(await measure(gz, 4000, BIG)).toEqual({ checksum: sha, bytes: 4000, lines: 1000 });
		expect(await measure(gz, 4001, BIG)).toEqual({ checksum: sha, bytes: 4000, lines: 1000 });
		const e = await refusal(measure(gz, 3999, BIG));
		expect([e.limit, e.counted]).toEqual(['bytes', 4000]);
		expect(e.message).toBe(
			't.csv.gz: decompresses to more than 3.91 KiB, the limit (CLAIMLENS_MAX_DECOMPRESSED_BYTES=3999); nothing was imported. ' +
				"Split the file, or raise CLAIMLENS_MAX_DECOMPRESSED_BYTES in the server's (or the CLI's) environment and import it again"
		);
	});
	it('at the line limit and above it the file passes, one line below it is refused', async () => {
		expect((await measure(gz, BIG, 1000)).lines).toBe(1000);
		expect((await measure(gz, BIG, 1001)).lines).toBe(1000);
		const e = await refusal(measure(gz, BIG, 999));
		expect([e.limit, e.counted]).toEqual(['lines', 1000]);
		expect(e.message).toBe(
			't.csv.gz: has more than 999 lines once decompressed, the limit (CLAIMLENS_MAX_ROWS=999); nothing was imported. ' +
				"Split the file, or raise CLAIMLENS_MAX_ROWS in the server's (or the CLI's) environment and import it again"
		);
	});
	it('counts every member of a multi-member gzip', async () => {
		// 3 members: 4,000 + 4,000 + 5 bytes ("x\ny\nz" = 3 lines, the last unterminated) = 8,005 bytes, 2,003 lines
		const multi = file('multi.csv.gz', Buffer.concat([gzipSync(TEXT), gzipSync(TEXT), gzipSync(Buffer.from('x\ny\nz'))]));
		expect(await measure(multi, 8005, 2003)).toMatchObject({ bytes: 8005, lines: 2003 });
		expect((await refusal(measure(multi, 8004, BIG))).limit).toBe('bytes');
		expect((await refusal(measure(multi, BIG, 2002))).limit).toBe('lines');
	});
	it('does not trust the ISIZE trailer: a file claiming 1 byte is counted as what it inflates to', async () => {
		// 1 MiB of text whose trailer says 1 byte: refused at the limit, long before the trailer is read
		const lying = gzipSync(Buffer.from('abc\n'.repeat(262_144)));
		lying.writeUInt32LE(1, lying.length - 4);
		const e = await refusal(measure(file('lying.csv.gz', lying), 4000, BIG));
		expect(e.limit).toBe('bytes');
		expect(e.counted).toBe(256 * 1024);
	});
	it('stops a bomb at the limit: 50 MB of zeros, limit 1 MiB', async () => {
		const bomb = file('bomb.csv.gz', gzipSync(Buffer.alloc(50 * 1024 * 1024)));
		const e = await refusal(measure(bomb, 1_048_576, BIG, 'bomb.csv.gz'));
		expect(e.limit).toBe('bytes');
		// reading stopped within one inflate chunk (256 KiB) of the limit, not at 50 MB
		expect(e.counted).toBeGreaterThan(1_048_576);
		expect(e.counted).toBeLessThanOrEqual(1_048_576 + 256 * 1024);
		expect(e.message).toBe(
			'bomb.csv.gz: decompresses to more than 1 MiB, the limit (CLAIMLENS_MAX_DECOMPRESSED_BYTES=1048576); nothing was imported. ' +
				"Split the file, or raise CLAIMLENS_MAX_DECOMPRESSED_BYTES in the server's (or the CLI's) environment and import it again"
		);
	});
	it('stops reading a 4 GiB multi-member bomb after a small part of its compressed bytes', async () => {
		// 4,096 members of 1 MiB of zeros (about 1 KB each): a 4 MB file that inflates to 4 GiB
		const member = gzipSync(Buffer.alloc(1024 * 1024));
		const bytes = Buffer.concat(Array.from({ length: 4096 }, () => member));
		const bomb = file('members.csv.gz', bytes);
		const t0 = performance.now();
		const e = await refusal(measure(bomb, 8 * 1024 * 1024, BIG, 'members.csv.gz'));
		expect(e.limit).toBe('bytes');
		expect(e.counted).toBeLessThanOrEqual(8 * 1024 * 1024 + 256 * 1024);
		// 8 MiB inflated = 8 members of ~1 KB: reading stopped within the first few 64 KB reads
		expect(e.compressedRead).toBeLessThan(512 * 1024);
		expect(e.compressedRead).toBeLessThan(bytes.length / 8);
		expect(performance.now() - t0).toBeLessThan(5000);
	});
	it('a corrupt gzip is refused naming the file, not counted', async () => {
		const bad = gzipSync(TEXT).subarray(0, 30);
		await expect(measure(file('cut.csv.gz', bad), BIG, BIG, 'cut.csv.gz')).rejects.toThrow(/^cut\.csv\.gz: cannot be read as gzip \(.*\); nothing was imported$/);
	});
	it('stops when its signal aborts', async () => {
		const ac = new AbortController();
		ac.abort('test');
		await expect(measureFile(gz, { gz: true, fileName: 't', limits: { maxBytes: BIG, maxLines: BIG }, signal: ac.signal })).rejects.toThrow();
	});
});

describe('measureFile: plain files', () => {
	const plain = file('p.csv', Buffer.from('h\n1\n2\n3'));
	it('counts lines when asked, never limits bytes', async () => {
		expect(await measureFile(plain, { gz: false, countLines: true, fileName: 'p.csv', limits: { maxBytes: 1, maxLines: 4 } })).toMatchObject({ bytes: 7, lines: 4 });
		const e = await refusal(measureFile(plain, { gz: false, countLines: true, fileName: 'p.csv', limits: { maxBytes: BIG, maxLines: 3 } }));
		expect([e.limit, e.counted]).toEqual(['lines', 4]);
		expect(e.message).toMatch(/^p\.csv: has more than 3 lines, the limit \(CLAIMLENS_MAX_ROWS=3\)/);
	});
	it('without countLines it only hashes', async () => {
		const r = await measureFile(plain, { gz: false, fileName: 'p.csv', limits: { maxBytes: 1, maxLines: 1 } });
		expect(r).toEqual({ checksum: createHash('sha256').update('h\n1\n2\n3').digest('hex'), bytes: 7, lines: 0 });
	});
	it('limitMessage names the file, the limit and the variable', () => {
		expect(limitMessage('a.csv', 'lines', { maxBytes: 1, maxLines: 200_000_000 }, false)).toBe(
			"a.csv: has more than 200,000,000 lines, the limit (CLAIMLENS_MAX_ROWS=200000000); nothing was imported. Split the file, or raise CLAIMLENS_MAX_ROWS in the server's (or the CLI's) environment and import it again"
		);
	});
});
