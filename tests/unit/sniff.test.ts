import { describe, expect, it } from 'vitest';
import { guessDelimiter, splitCsvLine } from '../../src/lib/server/ingest/sniff.ts';

describe('CSV header sniffing', () => {
	it('splits quoted fields', () => {
		expect(splitCsvLine('a,"b,c","d""e"', ',')).toEqual(['a', 'b,c', 'd"e']);
	});
	it('guesses the delimiter that splits the header most', () => {
		expect(guessDelimiter('a,b,c')).toBe(',');
		expect(guessDelimiter('a;b;c')).toBe(';');
		expect(guessDelimiter('a\tb\tc,d')).toBe('\t');
		expect(guessDelimiter('a|b|c')).toBe('|');
		expect(guessDelimiter('"x;y",b')).toBe(',');
	});
});
