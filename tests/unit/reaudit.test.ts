// Re-audit due dates (src/lib/server/accuracy/reaudit.ts), worked by hand with the default bands:
// below 80% every 30 days, 80-95% every 90, 95% or more every 365; 90 days after an education.
// Calendar arithmetic used below (2025 is not a leap year):
//   2025-03-31 + 30  = 2025-04-30 (April has 30 days)
//   2025-03-31 + 90  = 2025-06-29 (Apr 30 is +30, May 31 +61, Jun 29 +90)
//   2025-03-31 + 365 = 2026-03-31
//   2025-04-10 + 90  = 2025-07-09 (Apr 30 is +20, May 31 +51, Jun 30 +81, Jul 9 +90)
//   2025-01-10 + 90  = 2025-04-10 (Jan 31 is +21, Feb 28 +49, Mar 31 +80, Apr 10 +90)
import { describe, expect, it } from 'vitest';
import { addDays, bandIndex, bandLabel, reauditDue, type ReauditInput } from '../../src/lib/server/accuracy/reaudit.ts';
import { AccuracySettings, DEFAULT_ACCURACY_SETTINGS, DEFAULT_REAUDIT_BANDS, firstIssue, parseBandsText } from '../../src/lib/schemas/accuracy.ts';

const bands = DEFAULT_REAUDIT_BANDS;
const base: ReauditInput = { last_audit_on: '2025-03-31', score: 0.9, educations: [], bands, after_education_days: 90, today: '2025-04-01' };
const due = (over: Partial<ReauditInput>) => reauditDue({ ...base, ...over });

describe('score bands', () => {
	it('a score at a bound goes to the band above it', () => {
		expect([0.7999, 0.8, 0.9499, 0.95, 1].map((s) => bandIndex(s, bands))).toEqual([0, 1, 1, 2, 2]);
		expect([0.7999, 0.8, 0.9499, 0.95, 1].map((s) => due({ score: s }).interval_days)).toEqual([30, 90, 90, 365, 365]);
		expect(due({ score: 0.8 }).band).toBe('80% to 95%');
		expect(due({ score: 0.95 }).band).toBe('95% or more');
		expect(due({ score: 0.7999 }).band).toBe('below 80%');
		expect(due({ score: 0 }).band).toBe('below 80%');
	});

	it('a ratio that equals a bound is the bound: division is correctly rounded (57/60, 4/5, 19/20)', () => {
		expect(57 / 60).toBe(0.95);
		expect(bandIndex(57 / 60, bands)).toBe(2);
		expect(bandIndex(4 / 5, bands)).toBe(1);
		expect(bandIndex(19 / 20, bands)).toBe(2);
		expect(bandIndex(56 / 60, bands)).toBe(1); // 93.3%
	});

	it('labels a single band and custom bounds', () => {
		expect(bandLabel([{ below: 1, interval_days: 180 }], 0)).toBe('any score');
		const custom = [{ below: 0.9, interval_days: 60 }, { below: 0.975, interval_days: 120 }, { below: 1, interval_days: 365 }];
		expect([0, 1, 2].map((i) => bandLabel(custom, i))).toEqual(['below 90%', '90% to 97.5%', '97.5% or more']);
	});
});

describe('due dates', () => {
	it('last audit + the band interval', () => {
		expect(addDays('2025-03-31', 90)).toBe('2025-06-29');
		expect(addDays('2024-02-28', 2)).toBe('2024-03-01'); // 2024 is a leap year
		expect(due({ score: 0.7 }).due_on).toBe('2025-04-30');
		expect(due({ score: 0.9 }).due_on).toBe('2025-06-29');
		expect(due({ score: 0.97 }).due_on).toBe('2026-03-31');
		expect(due({ score: 0.9 }).basis).toBe('last audit 2025-03-31 scored 90% (80% to 95%): re-audit 90 days later, 2025-06-29');
	});

	it('overdue only after the due day: on 2025-06-29 it is on time, on 2025-06-30 one day late', () => {
		expect(due({ today: '2025-06-28' })).toMatchObject({ due_on: '2025-06-29', overdue: false, days_overdue: 0 });
		expect(due({ today: '2025-06-29' })).toMatchObject({ overdue: false, days_overdue: 0 });
		expect(due({ today: '2025-06-30' })).toMatchObject({ overdue: true, days_overdue: 1 });
		expect(due({ today: '2025-07-09' })).toMatchObject({ overdue: true, days_overdue: 10 });
	});

	it('an education after the last audit brings the date forward to education + 90 days', () => {
		const d = due({ score: 0.97, educations: ['2025-04-10'] });
		expect(d.due_on).toBe('2025-07-09'); // not 2026-03-31
		expect(d.basis).toMatch(/education on 2025-04-10, after that audit, brings it forward .* 2025-07-09/);
		// the earliest education after the audit decides
		expect(due({ score: 0.97, educations: ['2025-05-01', '2025-04-10'] }).due_on).toBe('2025-07-09');
	});

	it('never later than the band date: a 30-day band stays at 2025-04-30', () => {
		const d = due({ score: 0.7, educations: ['2025-04-10'] });
		expect(d.due_on).toBe('2025-04-30');
		expect(d.basis).toMatch(/does not bring it forward/);
	});

	it('an education before the last audit, or on its day, changes nothing', () => {
		expect(due({ score: 0.97, educations: ['2025-03-01'] }).due_on).toBe('2026-03-31');
		expect(due({ score: 0.97, educations: ['2025-03-31'] }).due_on).toBe('2026-03-31');
	});

	it('never audited: first education + 90 days; nothing at all: no due date, not overdue', () => {
		expect(due({ last_audit_on: null, score: null, educations: ['2025-02-01', '2025-01-10'], today: '2025-04-11' })).toMatchObject({
			band: null, due_on: '2025-04-10', overdue: true, days_overdue: 1
		});
		expect(due({ last_audit_on: null, score: null })).toMatchObject({ band: null, due_on: null, overdue: false, days_overdue: 0 });
	});

	it('configured after-education days apply', () => {
		expect(due({ score: 0.97, educations: ['2025-04-10'], after_education_days: 30 }).due_on).toBe('2025-05-10');
	});
});

describe('settings validation', () => {
	const bad = (v: Partial<AccuracySettings>) => {
		const r = AccuracySettings.safeParse({ ...DEFAULT_ACCURACY_SETTINGS, ...v });
		return r.success ? null : firstIssue(r.error);
	};
	it('accepts the defaults and the CLI text form of the bands', () => {
		expect(bad({})).toBeNull();
		expect(parseBandsText('0.80:30,0.95:90,1:365')).toEqual(DEFAULT_REAUDIT_BANDS);
		expect(() => parseBandsText('0.8-30')).toThrow(/band 1 "0.8-30" is not BOUND:DAYS/);
	});
	it('names the value it refuses', () => {
		expect(bad({ target: 1.2 })).toBe('target must be between 0.5 and 1 (50% to 100%), got 1.2');
		expect(bad({ target: 0.4 })).toMatch(/^target /);
		expect(bad({ after_education_days: 0 })).toMatch(/^after_education_days must be a whole number of days/);
		expect(bad({ bands: [{ below: 0.9, interval_days: 30 }, { below: 0.8, interval_days: 90 }, { below: 1, interval_days: 365 }] })).toBe("band 2: bound 80% must be above the previous band's 90%");
		expect(bad({ bands: [{ below: 0.8, interval_days: 30 }, { below: 0.95, interval_days: 90 }] })).toMatch(/^band 2: the last band's bound must be 1/);
		expect(bad({ bands: [{ below: 1, interval_days: 0 }] })).toMatch(/^band 1: interval must be a whole number of days/);
		expect(bad({ bands: [] })).toMatch(/^bands: give at least one band/);
	});
});
