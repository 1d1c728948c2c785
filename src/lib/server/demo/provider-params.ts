// Per-provider billing habits: each provider's rates are drawn with modest spread around its
// specialty's norm, so peer groups are only slightly over-dispersed and the planted outliers
// (see plants.ts) stand out by a wide margin.
import type { Specialty } from './catalog.ts';
import type { Rng } from './prng.ts';

export interface Habits {
	/** Weights over 99211..99215, 99202..99205, 99281..99285 and 90832/90834/90837. */
	estDist: number[];
	newDist: number[];
	edDist: number[];
	psychDist: number[];
	/** Share of office E/M visits that are new-patient visits. */
	newShare: number;
	/** Psychiatry: share of visits that are psychotherapy-only (vs medication management). */
	therapyShare: number;
	/** Share of office claims with a blood draw, and of draws billed as 36410 instead of 36415. */
	drawRate: number;
	p36410: number;
	/** Share of claims with a (significant) procedure; modifier 25 habits; 59-family habit. */
	procRate: number;
	mod25WithProc: number;
	mod25NoProc: number;
	p59: number;
	/** Dermatology: share of visits that are Mohs cases; weights of 0..5 additional stages. */
	mohsRate: number;
	mohsAddWeights: number[];
	/** Pulm/CC: share of inpatient encounters that are critical care (ED: share of ED visits). */
	ccShare: number;
	/** Teaching physician: GC modifier on many E/M and hospital lines. */
	teaching: boolean;
	/** Trend plant: 99215 share climbs month by month. */
	trend: boolean;
	/** Line-level plants (set after volumes are known). */
	bundledDrawProb: number;
	dupProb: number;
	/** Chargemaster markup over the fee and a small geographic factor on allowed amounts. */
	chargeMult: number;
	geo: number;
}

export function estDist(s99215: number, r13 = 0.55): number[] {
	const rest = 0.9 - s99215;
	return [0.02, 0.08, rest * r13, rest * (1 - r13), s99215];
}

export function newDist(s99205: number): number[] {
	return [0.08, 0.36, 0.56 - s99205, s99205];
}

export function edDist(s99285: number): number[] {
	return [0.02, 0.07, 0.24, 0.67 - s99285, s99285];
}

export function psychDist(s90837: number): number[] {
	return [(1 - s90837) / 3, ((1 - s90837) * 2) / 3, s90837];
}

/** 99215 share for the trend plant in month 0..17: ~15% in 2024-07 rising to ~65% in 2025-12. */
export function trendShare(month: number): number {
	return 0.15 + (0.5 * month) / 17;
}

const NEW_SHARE: Record<Specialty, number> = {
	'Internal Medicine': 0.1,
	'Family Practice': 0.12,
	Psychiatry: 0.05,
	Endocrinology: 0.18,
	'Emergency Medicine': 0,
	Dermatology: 0.22,
	'Pulmonary/Critical Care': 0.15
};

/**
 * Habits of an ordinary provider, drawn around the specialty norm. `central` (used for planted
 * providers) takes the middle of every range instead, so a high-volume planted provider is
 * extreme only in its planted feature and not, by chance, in some other rule.
 */
export function normalHabits(spec: Specialty, rng: Rng, central = false): Habits {
	const t = (lo: number, hi: number) => (central ? (lo + hi) / 2 : rng.tri(lo, hi));
	const s5 = spec === 'Psychiatry' ? t(0.085, 0.11) : t(0.135, 0.175);
	const isIm = spec === 'Internal Medicine';
	const isFp = spec === 'Family Practice';
	const isEndo = spec === 'Endocrinology';
	let drawRate = 0;
	if (isIm) drawRate = t(0.28, 0.42);
	else if (isFp) drawRate = t(0.2, 0.32);
	else if (isEndo) drawRate = t(0.38, 0.52);
	let procRate = 0.02;
	if (isIm) procRate = t(0.08, 0.1);
	else if (isFp) procRate = t(0.11, 0.13);
	else if (isEndo) procRate = 0.04;
	else if (spec === 'Emergency Medicine') procRate = t(0.12, 0.14);
	let ccShare = 0;
	if (spec === 'Pulmonary/Critical Care') ccShare = t(0.16, 0.2);
	else if (spec === 'Emergency Medicine') ccShare = t(0.025, 0.035);
	const teachingSpec = isIm || isFp || spec === 'Pulmonary/Critical Care' || spec === 'Emergency Medicine';
	return {
		estDist: estDist(s5, t(0.5, 0.6)),
		newDist: newDist(t(0.11, 0.13)),
		edDist: edDist(t(0.2, 0.24)),
		psychDist: psychDist(t(0.27, 0.33)),
		newShare: NEW_SHARE[spec] * t(0.8, 1.2),
		therapyShare: 0.55,
		drawRate,
		p36410: t(0.01, 0.02),
		procRate,
		mod25WithProc: t(0.8, 0.86),
		mod25NoProc: 0.01,
		p59: t(0.04, 0.06),
		mohsRate: spec === 'Dermatology' ? t(0.08, 0.16) : 0,
		mohsAddWeights: [72, 23, 4, 1, 0, 0],
		ccShare,
		teaching: teachingSpec && !central && rng.chance(0.2),
		trend: false,
		bundledDrawProb: 0,
		dupProb: 0,
		chargeMult: rng.tri(1.8, 2.5),
		geo: rng.tri(0.97, 1.03)
	};
}
