import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guessDelimiter, parseRecords } from '../../src/lib/server/csv/records.ts';
import { detectEncoding, sniffCsv } from '../../src/lib/server/ingest/sniff.ts';

const dir = mkdtempSync(join(tmpdir(), 'sniff-'));
function file(name: string, content: string | Buffer): string {
	const p = join(dir, name);
	writeFileSync(p, content);
	return p;
}

describe('CSV records (csv-parse)', () => {
	it('splits quoted fields and keeps a quoted line break in one field', () => {
		expect(parseRecords('a,"b,c","d""e"', ',')[0]?.fields).toEqual(['a', 'b,c', 'd"e']);
		const r = parseRecords('"HCPCS/\r\nCPT Code",MUE\r\n36415,3\r\n', ',');
		expect(r.map((x) => x.fields)).toEqual([['HCPCS/\r\nCPT Code', 'MUE'], ['36415', '3']]);
		// the header spans lines 1-2, the data record is line 3
		expect(r.map((x) => [x.firstLine, x.lastLine])).toEqual([[1, 2], [3, 3]]);
	});
	it('guesses the delimiter that splits the first non-notice record most', () => {
		expect(guessDelimiter('a,b,c')).toBe(',');
		expect(guessDelimiter('a;b;c')).toBe(';');
		expect(guessDelimiter('a\tb\tc,d')).toBe('\t');
		expect(guessDelimiter('a|b|c')).toBe('|');
		expect(guessDelimiter('"x;y",b')).toBe(',');
		expect(guessDelimiter('(notice, with a comma)\n\nCol 1\tCol 2\tCol 3\n')).toBe('\t');
	});
});

describe('CSV sniffing', () => {
	it('skips notice lines above the header and reports them', async () => {
		const d = await sniffCsv(file('ptp.txt', '(notice)\r\n\r\n\r\nColumn 1\tColumn 2\tDeletion Date\r\n99214\t36415\t*\r\n'), 'csv');
		expect(d.headers).toEqual(['Column 1', 'Column 2', 'Deletion Date']);
		expect(d.skipRecords).toBe(3);
		expect(d.noticeLines).toBe('lines 1-3');
		expect(d.firstDataLine).toBe(5);
		expect(d.sample).toEqual([['99214', '36415', '*']]);
	});
	it('takes a header cell with a quoted line break as one header', async () => {
		const d = await sniffCsv(file('mue.csv', '"note\r\nmore",,\r\n"HCPCS/\r\nCPT Code",MUE,MAI\r\n36415,3,"3 Date of Service Edit: Clinical"\r\n'), 'csv');
		expect(d.headers).toEqual(['HCPCS/\r\nCPT Code', 'MUE', 'MAI']);
		expect(d.skipRecords).toBe(1);
		expect(d.noticeLines).toBe('lines 1-2');
		expect(d.firstDataLine).toBe(5);
	});
	it('detects the encoding: UTF-8, else Windows-1252; UTF-16 by its mark', () => {
		expect(detectEncoding(Buffer.from('Ibáñez', 'utf8'))).toBe('utf-8');
		expect(detectEncoding(Buffer.from([0x49, 0x62, 0xe1, 0xf1, 0x65, 0x7a]))).toBe('windows-1252');
		expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toBe('utf-16le');
		// a multi-byte character cut at the end of the head window is still UTF-8
		expect(detectEncoding(Buffer.from('ab\u00e1', 'utf8').subarray(0, 3))).toBe('utf-8');
	});
});
