// The one-line frame description on the sample page, manifest and report: open ends in words.
import { describe, expect, it } from 'vitest';
import { describeDefinition, FrameDefinition } from '../../src/lib/schemas/sampling.ts';

const d = (o: Record<string, unknown>) => describeDefinition(FrameDefinition.parse(o));

describe('describeDefinition', () => {
	it('says "or more" and "up to" for open amount and date ranges', () => {
		expect(d({ npis: ['2433350164'], amount_min: 0.01 })).toContain('line paid $0.01 or more');
		expect(d({ amount_max: 500 })).toContain('line paid up to $500');
		expect(d({ unit: 'claim', amount_min: 50, amount_max: 500 })).toContain('claim paid $50 to $500');
		expect(d({ date_from: '2025-01-01' })).toContain('service dates from 2025-01-01');
		expect(d({ date_to: '2025-06-30' })).toContain('service dates up to 2025-06-30');
		expect(d({ date_from: '2025-01-01', date_to: '2025-06-30' })).toContain('service dates 2025-01-01 to 2025-06-30');
	});
});
