// Periods: whole months, quarters, years, the last 12 months (dates worked out on a calendar).
import { describe, expect, it } from 'vitest';
import { periodChoices, resolvePeriod, last12Months, lastQuarters, monthEnd, parsePeriod, PeriodError, periodLabel, quarterOf, quarterPeriod, yearPeriod } from '../../src/lib/period.ts';

describe('periods', () => {
	it('month ends, leap years included', () => {
		expect([monthEnd(2024, 2), monthEnd(2025, 2), monthEnd(2025, 4), monthEnd(2025, 12)]).toEqual(['2024-02-29', '2025-02-28', '2025-04-30', '2025-12-31']);
	});
	it('parses whole-month periods and names what is wrong', () => {
		expect(parsePeriod('', undefined)).toBeNull();
		expect(parsePeriod('2025-01-01', '2025-03-31')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
		expect(() => parsePeriod('2025-01-02', '2025-03-31')).toThrow(new PeriodError('from: 2025-01-02 is not the first day of a month; periods are whole months (flags read a monthly summary): use 2025-01-01'));
		expect(() => parsePeriod('2025-01-01', '2025-03-30')).toThrow('to: 2025-03-30 is not the last day of a month; periods are whole months: use 2025-03-31');
		expect(() => parsePeriod('2025-02-30', '2025-03-31')).toThrow('from: "2025-02-30" is not a date (YYYY-MM-DD)');
		expect(() => parsePeriod('2025-04-01', '2025-03-31')).toThrow('the period starts (2025-04-01) after it ends (2025-03-31)');
		expect(() => parsePeriod('2025-04-01', '')).toThrow('give both ends of the period (from 2025-04-01 to ?)');
	});
	it('quarters: the last day of a quarter is in it, the next day is not', () => {
		expect(quarterOf('2025-03-31')).toBe('2025-Q1');
		expect(quarterOf('2025-04-01')).toBe('2025-Q2');
		expect(quarterOf('2025-12-31')).toBe('2025-Q4');
		expect(quarterPeriod('2025-Q1')).toEqual({ from: '2025-01-01', to: '2025-03-31' });
		expect(quarterPeriod('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
		expect(() => quarterPeriod('2025-Q5')).toThrow('"2025-Q5" is not a quarter (YYYY-Qn)');
	});
	it('years, the last 12 months and the last n quarters', () => {
		expect(yearPeriod(2025)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
		expect(last12Months('2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
		expect(last12Months('2025-03-15')).toEqual({ from: '2024-04-01', to: '2025-03-31' });
		expect(lastQuarters('2025-02-10', 5)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1']);
		expect(lastQuarters('2025-12-31', 1)).toEqual(['2025-Q4']);
	});
	it('resolves shortcuts; a shortcut wins over from/to', () => {
		expect(resolvePeriod({ period: '2025-Q4' }, null)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
		expect(resolvePeriod({ period: '2025', from: '2024-01', to: '2024-03' }, null)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
		expect(resolvePeriod({ period: 'last12' }, '2025-06-30')).toEqual({ from: '2024-07-01', to: '2025-06-30' });
		expect(resolvePeriod({ period: 'all', from: '2024-01', to: '2024-03' }, null)).toBeNull();
		// month pickers send YYYY-MM: the whole months
		expect(resolvePeriod({ from: '2024-02', to: '2024-02' }, null)).toEqual({ from: '2024-02-01', to: '2024-02-29' });
		expect(() => resolvePeriod({ period: 'Q1' }, null)).toThrow('period: "Q1" is not all, last12, a year (2025) or a quarter (2025-Q1)');
		expect(() => resolvePeriod({ period: 'last12' }, null)).toThrow('the last 12 months: no claim lines imported');
	});
	it('offers the data\'s years and quarters, newest first', () => {
		expect(periodChoices('2024-11-15', '2025-02-10').map((c) => c.value)).toEqual(['last12', '2025', '2024', '2025-Q1', '2024-Q4']);
		expect(periodChoices(null, null)).toEqual([]);
	});
	it('labels', () => {
		expect(periodLabel(null)).toBe('all service dates');
		expect(periodLabel({ from: '2025-04-01', to: '2025-06-30' })).toBe('2025-04-01 to 2025-06-30 (2025-Q2)');
		expect(periodLabel({ from: '2025-01-01', to: '2025-12-31' })).toBe('2025-01-01 to 2025-12-31 (2025)');
		expect(periodLabel({ from: '2024-04-01', to: '2025-03-31' })).toBe('2024-04-01 to 2025-03-31 (12 months)');
		expect(periodLabel({ from: '2025-03-01', to: '2025-03-31' })).toBe('2025-03-01 to 2025-03-31 (2025-03)');
		expect(periodLabel({ from: '2025-02-01', to: '2025-03-31' })).toBe('2025-02-01 to 2025-03-31 (2 months)');
	});
});
