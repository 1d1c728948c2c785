// Builds the cast of the demo: ~200 providers (ordinary, planted and decoys), their monthly
// line quotas (which add up to exactly the requested line count), patient panels, patients'
// payers, special one-off claims and coder accuracies.
import {
	CODER_IDS, CODER_PLANTED, CODER_POOLS, FIRST_NAMES, LAST_NAMES, PAYERS,
	PROVIDERS_PER_SPECIALTY, SPECIALTIES, type Specialty
} from './catalog.ts';
import { MONTHS } from './calendar.ts';
import { csvField } from './csv-out.ts';
import { randomNpi } from './npi.ts';
import { apportion, at, deriveSeed, Rng } from './prng.ts';
import { normalHabits, type Habits } from './provider-params.ts';
import {
	DECOYS, IMPOSSIBLE_DAY_SESSIONS, impossibleDayCount, PLANTS, type DecoyDef, type PlantDef,
	type PlantRole
} from './plants.ts';

/** A claim that is not drawn from the provider's habits: decoy visits and impossible days. */
export interface SpecialClaim {
	code: string;
	/** Fixed day index, or null for any weekday of the month. */
	day: number | null;
	minutes: number | null;
}

export interface Provider {
	index: number;
	npi: string;
	name: string;
	specialty: Specialty;
	/** `npi,"Last, First",specialty` ready for the CSV. */
	csvPrefix: string;
	role: PlantRole | null;
	plant: PlantDef | null;
	decoy: DecoyDef | null;
	habits: Habits;
	/** Ordinary lines per month (specials come on top). */
	monthQuota: number[];
	/** Special claims per month. */
	specials: SpecialClaim[][];
	panelStart: number;
	panelStride: number;
	panelSize: number;
	coderPool: readonly number[];
}

export interface Roster {
	providers: Provider[];
	patientCount: number;
	/** Index into PAYERS per patient. */
	patientPayer: Uint8Array;
	coderAccuracy: number[];
	impossibleDays: { npi: string; day: number }[];
}

function gcd(a: number, b: number): number {
	while (b) [a, b] = [b, a % b];
	return a;
}

export function buildRoster(seed: number, lines: number): Roster {
	const rng = new Rng(deriveSeed(seed, 1));
	const usedNpis = new Set<string>();
	const usedNames = new Set<string>();
	const providers: Provider[] = [];
	const monthWeights = MONTHS.map((m) => m.allDays.length);

	for (const specialty of SPECIALTIES) {
		const plants = PLANTS.filter((p) => p.specialty === specialty);
		const decoys = DECOYS.filter((d) => d.specialty === specialty);
		const count = PROVIDERS_PER_SPECIALTY[specialty];
		// Planted and decoy providers take random slots among their specialty's providers.
		const slots = rng.shuffled(Array.from({ length: count }, (_, i) => i));
		const roleOfSlot = new Map<number, PlantDef | DecoyDef>();
		[...plants, ...decoys].forEach((def, i) => roleOfSlot.set(at(slots, i), def));
		for (let s = 0; s < count; s++) {
			const def = roleOfSlot.get(s);
			const plant = def && 'role' in def ? def : null;
			const decoy = def && !('role' in def) ? def : null;
			let name = '';
			do name = `${rng.pick(LAST_NAMES)}, ${rng.pick(FIRST_NAMES)}`;
			while (usedNames.has(name));
			usedNames.add(name);
			const npi = randomNpi(rng, usedNpis);
			const habits = normalHabits(specialty, rng, plant !== null);
			plant?.apply(habits);
			providers.push({
				index: providers.length, npi, name, specialty,
				csvPrefix: `${npi},${csvField(name)},${csvField(specialty)}`,
				role: plant ? plant.role : decoy ? 'decoy' : null,
				plant, decoy, habits,
				monthQuota: [], specials: MONTHS.map(() => []),
				panelStart: 0, panelStride: 1, panelSize: 0,
				coderPool: CODER_POOLS[specialty]
			});
		}
	}

	// Special claims: decoys' whole billing, and the planted impossible days.
	const impossibleDays: { npi: string; day: number }[] = [];
	let specialLines = 0;
	for (const p of providers) {
		if (p.decoy) {
			for (const [code, n] of p.decoy.claims) {
				for (let k = 0; k < n; k++) {
					const minutes = code.startsWith('908') ? rng.int(53, 60) : null;
					at(p.specials, rng.int(0, MONTHS.length - 1)).push({ code, day: null, minutes });
					specialLines++;
				}
			}
		}
		if (p.role === 'psych60') {
			const months = rng.shuffled(MONTHS.map((m) => m.index)).slice(0, impossibleDayCount(lines));
			for (const mi of months.sort((a, b) => a - b)) {
				const day = rng.pick(at(MONTHS, mi).weekdays);
				impossibleDays.push({ npi: p.npi, day });
				for (let k = 0; k < IMPOSSIBLE_DAY_SESSIONS; k++) {
					at(p.specials, mi).push({ code: '90837', day, minutes: rng.int(53, 60) });
					specialLines++;
				}
			}
		}
	}
	if (lines < specialLines * 10) throw new RangeError(`lines must be at least ${specialLines * 10}`);

	// Exact line quotas: providers by volume weight, then months by number of days.
	const weights = providers.map((p) => (p.decoy ? 0 : (p.plant?.weight ?? rng.tri(0.7, 1.3))));
	const quotas = apportion(lines - specialLines, weights);
	providers.forEach((p, i) => (p.monthQuota = apportion(at(quotas, i), monthWeights)));

	// Patients: "a few thousand", each in ~3 providers' panels (ED panels are wider).
	const patientCount = Math.min(5000, Math.max(300, Math.round(lines / 100)));
	const panelFactor = (s: Specialty) =>
		s === 'Emergency Medicine' ? 2.5 : s === 'Psychiatry' ? 0.5 : s === 'Dermatology' ? 1.2 : 1;
	const factorSum = providers.reduce((a, p, i) => a + at(quotas, i) * panelFactor(p.specialty), 0);
	for (const [i, p] of providers.entries()) {
		const share = (at(quotas, i) * panelFactor(p.specialty)) / factorSum;
		// Enough patients that every provider-month finds free (patient, day) pairs easily.
		const floor = Math.max(40, Math.ceil(Math.max(...p.monthQuota) / 8));
		p.panelSize = Math.min(patientCount, Math.max(floor, Math.round(3 * patientCount * share)));
		p.panelStart = rng.int(0, patientCount - 1);
		do p.panelStride = rng.int(1, patientCount - 1);
		while (gcd(p.panelStride, patientCount) !== 1);
		// Line-level plants scale with volume so small files still contain some findings.
		const claims = at(quotas, i) / 1.6;
		if (p.role === 'cc_draw') {
			const ccClaims = claims * 0.55 * p.habits.ccShare;
			p.habits.bundledDrawProb = Math.min(0.6, Math.max(0.1, 36 / Math.max(1, ccClaims)));
		}
		if (p.role === 'duplicate') p.habits.dupProb = Math.min(0.25, Math.max(0.01, 20 / Math.max(1, claims)));
	}

	const payerShares = PAYERS.map((x) => x.share);
	const patientPayer = new Uint8Array(patientCount);
	for (let i = 0; i < patientCount; i++) patientPayer[i] = rng.weighted(payerShares);

	const coderAccuracy = CODER_IDS.map((_, i) => CODER_PLANTED[i]?.accuracy ?? Math.round(rng.tri(0.945, 0.985) * 1000) / 1000);
	return { providers, patientCount, patientPayer, coderAccuracy, impossibleDays };
}

/** Patient index for slot k of a provider's panel. */
export function panelPatient(p: Provider, k: number, patientCount: number): number {
	return (p.panelStart + k * p.panelStride) % patientCount;
}
