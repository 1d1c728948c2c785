// What the demo plants, and for whom: one definition per planted provider and per low-volume
// decoy. docs/demo-data.md explains each one; demo_planted.json lists the resulting NPIs.
import type { Specialty } from './catalog.ts';
import { edDist, estDist, newDist, psychDist, type Habits } from './provider-params.ts';

export type PlantRole =
	| 'em_est_high'
	| 'trend'
	| 'em_new_high'
	| 'ed_high'
	| 'psych60'
	| 'venipuncture'
	| 'cc_share'
	| 'cc_draw'
	| 'mod25'
	| 'mod59'
	| 'mohs'
	| 'duplicate'
	| 'decoy';

export interface PlantDef {
	specialty: Specialty;
	role: PlantRole;
	/** Volume weight (ordinary providers draw 0.7-1.3). */
	weight: number;
	/** Rule ids this provider should be found by, each with a note for demo_planted.json. */
	rules: { ruleId: string; note: string }[];
	apply: (h: Habits) => void;
}

export const PLANTS: PlantDef[] = [
	{
		specialty: 'Internal Medicine', role: 'em_est_high', weight: 3,
		rules: [{ ruleId: 'em_established_level5', note: '~50% of established office visits billed 99215 (peers ~15%)' }],
		apply: (h) => { h.estDist = estDist(0.5); }
	},
	{
		specialty: 'Family Practice', role: 'em_est_high', weight: 3,
		rules: [{ ruleId: 'em_established_level5', note: '~50% of established office visits billed 99215 (peers ~15%)' }],
		apply: (h) => { h.estDist = estDist(0.5); }
	},
	{
		specialty: 'Endocrinology', role: 'trend', weight: 2,
		rules: [{ ruleId: 'em_established_level5', note: 'rising trend: 99215 share climbs from ~15-20% in 2024-07 to ~65% in 2025-12 (~40% overall)' }],
		apply: (h) => { h.trend = true; }
	},
	{
		specialty: 'Endocrinology', role: 'em_new_high', weight: 3,
		rules: [{ ruleId: 'em_new_level5', note: '~45% of new-patient visits billed 99205 (peers ~12%)' }],
		apply: (h) => { h.newDist = newDist(0.45); h.newShare = 0.3; }
	},
	{
		specialty: 'Emergency Medicine', role: 'ed_high', weight: 3,
		rules: [{ ruleId: 'ed_level5', note: '~60% of ED visits billed 99285 (peers ~22%)' }],
		apply: (h) => { h.edDist = edDist(0.6); }
	},
	{
		specialty: 'Psychiatry', role: 'psych60', weight: 3,
		rules: [
			{ ruleId: 'psychotherapy_60min', note: '~85% of psychotherapy sessions billed 90837 (peers ~30%)' },
			{ ruleId: 'impossible_day', note: 'dates with 30 sessions of 90837 (53-60 minutes each): more than 24 h in a day' }
		],
		apply: (h) => { h.psychDist = psychDist(0.85); h.therapyShare = 0.75; }
	},
	{
		specialty: 'Endocrinology', role: 'venipuncture', weight: 2,
		rules: [{ ruleId: 'venipuncture_physician_skill', note: '36410 on ~75% of blood draws instead of routine 36415 (peers ~2%)' }],
		apply: (h) => { h.p36410 = 0.75; h.drawRate = 0.5; }
	},
	{
		specialty: 'Pulmonary/Critical Care', role: 'cc_share', weight: 3,
		rules: [{ ruleId: 'critical_care_share', note: '99291 on ~65% of inpatient encounters (peers ~18%)' }],
		apply: (h) => { h.ccShare = 0.65; }
	},
	{
		specialty: 'Pulmonary/Critical Care', role: 'cc_draw', weight: 2,
		rules: [{ ruleId: 'critical_care_bundled_draw', note: 'blood draws (36415/36410/36600) on the same claim, patient and day as 99291' }],
		apply: () => {}
	},
	{
		specialty: 'Family Practice', role: 'mod25', weight: 2,
		rules: [{ ruleId: 'modifier_25_em', note: 'modifier 25 on ~75% of E/M lines, mostly with no same-day procedure (peers ~8%)' }],
		apply: (h) => { h.mod25NoProc = 0.72; }
	},
	{
		specialty: 'Dermatology', role: 'mod59', weight: 2,
		rules: [{ ruleId: 'modifier_59_family', note: '59 and/or XS on ~70% of procedure lines (peers ~5%)' }],
		apply: (h) => { h.p59 = 0.72; }
	},
	{
		specialty: 'Dermatology', role: 'mohs', weight: 2,
		rules: [{ ruleId: 'mohs_additional_stages', note: '~2.9 additional Mohs stages (17312/17314 units) per case (peers ~0.35)' }],
		apply: (h) => { h.mohsRate = 0.3; h.mohsAddWeights = [0, 5, 30, 35, 22, 8]; }
	},
	...(['Internal Medicine', 'Family Practice', 'Dermatology'] as const).map(
		(specialty): PlantDef => ({
			specialty, role: 'duplicate', weight: 1,
			rules: [{ ruleId: 'duplicate_line', note: 'some claim lines repeated on a second claim (same patient, code, modifiers and date); about half denied CO-18' }],
			apply: () => {}
		})
	)
];

export interface DecoyDef {
	specialty: Specialty;
	ruleId: string;
	/** The decoy's entire billing: [code, count] single-line claims. */
	claims: [string, number][];
	note: string;
}

/**
 * Low-volume decoys: extreme rates on tiny denominators. A rule with the minimum-volume guard
 * (default 30 services) must NOT flag them, although their rate is far above the peers'.
 */
export const DECOYS: DecoyDef[] = [
	{
		specialty: 'Internal Medicine', ruleId: 'em_established_level5',
		claims: [['99215', 8], ['99214', 3], ['99213', 1]],
		note: '8 of 12 established visits are 99215 (67%): n = 12 is below the 30-service minimum'
	},
	{
		specialty: 'Family Practice', ruleId: 'em_established_level5',
		claims: [['99215', 7], ['99214', 2], ['99213', 1]],
		note: '7 of 10 established visits are 99215 (70%): n = 10 is below the 30-service minimum'
	},
	{
		specialty: 'Psychiatry', ruleId: 'psychotherapy_60min',
		claims: [['90837', 10], ['90834', 1]],
		note: '10 of 11 psychotherapy sessions are 90837 (91%): n = 11 is below the 30-service minimum'
	}
];

/** Sessions per planted impossible day, and how many such dates (fewer for small files). */
export const IMPOSSIBLE_DAY_SESSIONS = 30;
export function impossibleDayCount(lines: number): number {
	return lines >= 100_000 ? 5 : 3;
}
