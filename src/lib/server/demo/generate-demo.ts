// Seeded synthetic demo data: demo_claims.csv, demo_audits.csv and demo_planted.json (the
// answer key). Same seed + same line count = byte-identical files. All data is synthetic:
// no real patient, provider or claim. See docs/demo-data.md for what is planted and why.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIN_MINUTES } from './catalog.ts';
import { MONTHS, type Month } from './calendar.ts';
import { composeClaim, specialClaim, type ClaimDraft } from './compose.ts';
import { ChunkedWriter } from './csv-out.ts';
import { ClaimEmitter } from './emitter.ts';
import { buildPlanted } from './planted.ts';
import { at, deriveSeed, Rng } from './prng.ts';
import { buildRoster, panelPatient, type Provider } from './roster.ts';

export { npiCheckDigit, isValidNpi } from './npi.ts';
export { CLAIMS_HEADER, auditTarget } from './emitter.ts';
export { AUDIT_HEADER } from './audits.ts';
export { SPECIALTIES } from './catalog.ts';
export type { PlantedFile } from './planted.ts';

export interface DemoOptions {
	outDir: string;
	/** Exact number of claim lines to write (default 500,000; at least MIN_DEMO_LINES). */
	lines?: number;
	seed?: number;
	onProgress?: (linesWritten: number, total: number) => void;
}

export interface DemoResult {
	claimsPath: string;
	auditsPath: string;
	plantedPath: string;
	claimLines: number;
	auditLines: number;
	providers: number;
}

export const DEFAULT_DEMO_LINES = 500_000;
export const DEFAULT_DEMO_SEED = 20251;
/** Below this the planted patterns (and the fixed decoys) would dominate the data. */
export const MIN_DEMO_LINES = 5_000;
/** A normal provider-day is capped at 20 h of minimum timed minutes (impossible days: > 24 h). */
const DAY_MINUTES_CAP = 20 * 60;

function minutesOf(draft: ClaimDraft): number {
	let m = 0;
	for (const l of draft.lines) m += l.minutes ?? (MIN_MINUTES[l.code] ?? 0) * l.units;
	return m;
}

/** Per provider-month bookkeeping: (patient, day) pairs used, and minutes per day. */
class MonthSlots {
	private readonly used = new Set<number>();
	private readonly minutes: number[];
	constructor(private readonly month: Month, private readonly p: Provider, private readonly patients: number) {
		this.minutes = month.allDays.map(() => 0);
	}

	/**
	 * A (day, patient) for the claim: never a pair this provider already billed (so no
	 * accidental duplicate lines), and never pushing a day past the minutes cap. `fixedDay`
	 * (impossible days) skips the cap on purpose.
	 */
	place(draft: ClaimDraft, fixedDay: number | null, rng: Rng): { day: number; patient: number } {
		const days = draft.anyDay ? this.month.allDays : this.month.weekdays;
		const need = minutesOf(draft);
		const first = at(this.month.allDays, 0);
		const ok = (day: number, patient: number) =>
			!this.used.has(patient * 32 + day - first) &&
			(fixedDay !== null || at(this.minutes, day - first) + need <= DAY_MINUTES_CAP);
		const take = (day: number, patient: number) => {
			this.used.add(patient * 32 + day - first);
			this.minutes[day - first] = at(this.minutes, day - first) + need;
			return { day, patient };
		};
		for (let attempt = 0; attempt < 40; attempt++) {
			const day = fixedDay ?? rng.pick(days);
			const patient = panelPatient(this.p, rng.int(0, this.p.panelSize - 1), this.patients);
			if (ok(day, patient)) return take(day, patient);
		}
		// Crowded month: scan deterministically for the first free pair.
		for (const day of fixedDay === null ? days : [fixedDay]) {
			for (let k = 0; k < this.p.panelSize; k++) {
				const patient = panelPatient(this.p, k, this.patients);
				if (ok(day, patient)) return take(day, patient);
			}
		}
		// Only at volumes far above the default (benchmark files of millions of lines for the same
		// ~200 providers) is every day full: then take the least-busy day with a free patient, past
		// the cap. Such files are for timing, not for realism; docs/demo-data.md says so.
		const byLoad = [...days].sort((a, b) => at(this.minutes, a - first) - at(this.minutes, b - first));
		for (const day of fixedDay === null ? byLoad : [fixedDay]) {
			for (let k = 0; k < this.p.panelSize; k++) {
				const patient = panelPatient(this.p, k, this.patients);
				if (!this.used.has(patient * 32 + day - first)) return take(day, patient);
			}
		}
		throw new Error(`demo: no free slot for ${this.p.npi} in ${this.month.label}`);
	}
}

export async function generateDemo(opts: DemoOptions): Promise<DemoResult> {
	const lines = opts.lines ?? DEFAULT_DEMO_LINES;
	const seed = opts.seed ?? DEFAULT_DEMO_SEED;
	if (!Number.isSafeInteger(lines) || lines < MIN_DEMO_LINES) {
		throw new RangeError(`lines must be an integer >= ${MIN_DEMO_LINES}`);
	}
	if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
	await mkdir(opts.outDir, { recursive: true });
	const claimsPath = join(opts.outDir, 'demo_claims.csv');
	const auditsPath = join(opts.outDir, 'demo_audits.csv');
	const plantedPath = join(opts.outDir, 'demo_planted.json');

	const roster = buildRoster(seed, lines);
	const rng = new Rng(deriveSeed(seed, 2));
	const claimsOut = new ChunkedWriter(claimsPath);
	const auditsOut = new ChunkedWriter(auditsPath);
	const out = new ClaimEmitter(roster, lines, claimsOut, auditsOut, rng, new Rng(deriveSeed(seed, 3)));
	const flush = async () => {
		await claimsOut.flush();
		await auditsOut.flush();
		opts.onProgress?.(out.written, lines);
	};
	try {
		for (const month of MONTHS) {
			for (const p of roster.providers) {
				const slots = new MonthSlots(month, p, roster.patientCount);
				for (const s of at(p.specials, month.index)) {
					const draft = specialClaim(p, s.code, s.minutes, rng);
					const { day, patient } = slots.place(draft, s.day, rng);
					if (out.emit(p, month.index, day, patient, draft)) await flush();
				}
				let remaining = at(p.monthQuota, month.index);
				while (remaining > 0) {
					const draft = composeClaim(p, month.index, rng);
					if (draft.lines.length > remaining) draft.lines.length = remaining;
					const { day, patient } = slots.place(draft, null, rng);
					let full = out.emit(p, month.index, day, patient, draft);
					remaining -= draft.lines.length;
					const first = draft.lines[0];
					if (first && remaining > 0 && rng.chance(p.habits.dupProb)) {
						// Planted duplicate: the first line again, on a second claim.
						const copy: ClaimDraft = { ...draft, lines: [{ ...first, mods: first.mods.slice() }] };
						full = out.emit(p, month.index, day, patient, copy, true) || full;
						remaining -= 1;
					}
					if (full) await flush();
				}
			}
		}
		await flush();
		await claimsOut.close();
		await auditsOut.close();
	} catch (e) {
		claimsOut.destroy();
		auditsOut.destroy();
		throw e;
	}
	if (out.written !== lines) throw new Error(`demo: wrote ${out.written} lines, expected ${lines}`);

	const planted = buildPlanted(seed, lines, roster, {
		duplicateLines: out.duplicateLines,
		bundledDrawLines: out.bundledDrawLines
	});
	await writeFile(plantedPath, `${JSON.stringify(planted, null, 2)}\n`);
	return {
		claimsPath,
		auditsPath,
		plantedPath,
		claimLines: out.written,
		auditLines: out.auditRowCount,
		providers: roster.providers.length
	};
}
