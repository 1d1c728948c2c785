// Server paths never reach a message, and file names cannot carry control characters (security
// issue 15). Expected strings written by hand from the rules in scrub-paths.ts.
import { describe, expect, it } from 'vitest';
import { cleanFileName, scrubPaths } from '../../src/lib/server/http/scrub-paths.ts';

describe('scrubPaths', () => {
	it('replaces the stored upload path with the name the user gave', () => {
		expect(scrubPaths('/srv/claimlens/data/uploads/1b2c.csv: line 1 is longer than 64 KB', { '/srv/claimlens/data/uploads/1b2c.csv': 'march.csv' })).toBe('march.csv: line 1 is longer than 64 KB');
	});
	it('keeps only the last segment of any other absolute path', () => {
		expect(scrubPaths('Error when sniffing file "/work/main/data/tmp/9f.csv": bad')).toBe('Error when sniffing file "9f.csv": bad');
		expect(scrubPaths('cannot open /etc/passwd')).toBe('cannot open passwd');
	});
	it('leaves dates, fractions and relative values alone', () => {
		expect(scrubPaths('line 4, column service_date: "01/02/2025" is not a date')).toBe('line 4, column service_date: "01/02/2025" is not a date');
		expect(scrubPaths('ratio 3/4 and a/b/c')).toBe('ratio 3/4 and a/b/c');
		expect(scrubPaths('see https://www.cms.gov/medicare/coding')).toBe('see https://www.cms.gov/medicare/coding');
	});
});

describe('cleanFileName', () => {
	it.each([
		['march\u0000.csv', 'march.csv'],
		['march\r\n2025-03-01,forged line.csv', 'march2025-03-01,forged line.csv'],
		['\tclaims.csv ', 'claims.csv'],
		['a\u2028b.csv', 'ab.csv'],
		['x'.repeat(300), 'x'.repeat(255)],
		['März Abrechnung.csv', 'März Abrechnung.csv']
	])('%j -> %j', (input, expected) => {
		expect(cleanFileName(input)).toBe(expected);
	});
});
