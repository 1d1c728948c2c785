// The answer key: demo_planted.json lists who was planted for which rule, the decoys that must
// NOT be flagged, the denial spike and the coders' planted accuracies.
import { CODER_IDS, CODER_PLANTED, PAYERS, type Specialty } from './catalog.ts';
import { DAY_ISO } from './calendar.ts';
import { SPIKE } from './adjudicate.ts';
import { at } from './prng.ts';
import type { Roster } from './roster.ts';

export interface PlantedProvider {
	npi: string;
	name: string;
	specialty: Specialty;
	note: string;
}

export interface PlantedFile {
	seed: number;
	lines: number;
	rules: Record<string, PlantedProvider[]>;
	decoys: (PlantedProvider & { rule_id: string })[];
	denialSpike: { payer: string; specialty: Specialty; months: string[] };
	coders: { coder_id: string; target_accuracy: number; planted: 'low' | 'normal' }[];
	trend: PlantedProvider & { rule_id: string };
}

/** Counts observed while writing the claims, added to the line-level notes. */
export interface LineLevelCounts {
	duplicateLines: Map<string, number>;
	bundledDrawLines: Map<string, number>;
}

/** Rule ids in the order of domain.md's catalog. */
export const RULE_IDS = [
	'em_established_level5', 'em_new_level5', 'ed_level5', 'psychotherapy_60min',
	'venipuncture_physician_skill', 'critical_care_share', 'modifier_25_em', 'modifier_59_family',
	'mohs_additional_stages', 'critical_care_bundled_draw', 'impossible_day', 'duplicate_line'
] as const;

export function buildPlanted(seed: number, lines: number, roster: Roster, counts: LineLevelCounts): PlantedFile {
	const rules: Record<string, PlantedProvider[]> = Object.fromEntries(RULE_IDS.map((id) => [id, []]));
	let trend: PlantedFile['trend'] | null = null;
	for (const p of roster.providers) {
		if (!p.plant) continue;
		for (const r of p.plant.rules) {
			let note = r.note;
			if (r.ruleId === 'impossible_day') {
				const days = roster.impossibleDays.filter((d) => d.npi === p.npi).map((d) => at(DAY_ISO, d.day));
				note += `; dates: ${days.join(', ')}`;
			} else if (r.ruleId === 'duplicate_line') {
				note += `; ${counts.duplicateLines.get(p.npi) ?? 0} duplicate lines`;
			} else if (r.ruleId === 'critical_care_bundled_draw') {
				note += `; ${counts.bundledDrawLines.get(p.npi) ?? 0} draw lines`;
			}
			(rules[r.ruleId] ??= []).push({ npi: p.npi, name: p.name, specialty: p.specialty, note });
			if (p.role === 'trend') trend = { npi: p.npi, name: p.name, specialty: p.specialty, note: r.note, rule_id: r.ruleId };
		}
	}
	if (!trend) throw new Error('demo roster has no trend provider');
	const decoys = roster.providers.flatMap((p) =>
		p.decoy ? [{ npi: p.npi, name: p.name, specialty: p.specialty, rule_id: p.decoy.ruleId, note: p.decoy.note }] : []
	);
	return {
		seed,
		lines,
		rules,
		decoys,
		denialSpike: { payer: at(PAYERS, SPIKE.payerIndex).name, specialty: SPIKE.specialty, months: SPIKE.months },
		coders: CODER_IDS.map((coder_id, i) => ({
			coder_id,
			target_accuracy: at(roster.coderAccuracy, i),
			planted: CODER_PLANTED[i]?.planted ?? 'normal'
		})),
		trend
	};
}
