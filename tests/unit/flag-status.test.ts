// A flag's status over its quarters (oldest first), by the definitions in src/lib/flag-status.ts.
import { describe, expect, it } from 'vitest';
import { flagStatus } from '../../src/lib/flag-status.ts';

const F = false;
const T = true;
describe('flag status', () => {
	it('new, persistent, resolved and none', () => {
		expect(flagStatus([F, F, F, T])).toBe('new');
		expect(flagStatus([F, F, T, T])).toBe('persistent');
		// 2 of the last 4 with a gap: persistent
		expect(flagStatus([F, T, F, T])).toBe('persistent');
		// flagged 5 quarters ago only: outside the last 4, so new
		expect(flagStatus([T, F, F, F, T])).toBe('new');
		expect(flagStatus([F, F, T, F])).toBe('resolved');
		expect(flagStatus([T, F, F, F])).toBe('resolved');
		expect(flagStatus([T, F, F, F, F])).toBeNull();
		expect(flagStatus([])).toBeNull();
		expect(flagStatus([T])).toBe('new');
	});
});
