// When is a coder due for re-audit (issue "coder education", part 3)? Pure: the inputs come from
// queries/education/reaudit_inputs.sql, the bands and after-education days from the settings
// (src/lib/server/accuracy/settings.ts). Dates are calendar days, YYYY-MM-DD, counted in UTC so
// that the answer does not depend on the server's time zone.
import type { ReauditBand } from '../../schemas/accuracy.ts';

const DAY_MS = 86_400_000;

/** `iso` (YYYY-MM-DD) plus `days` calendar days, YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const pct = (v: number) => `${Number((v * 100).toFixed(2))}%`;

/**
 * Index of the band a score falls in: the first band whose bound `below` the score is under.
 * A score exactly at a bound falls in the band above it (with the defaults: 0.80 is in 80-95%,
 * 0.95 in "95% or more"); the last band (bound 1) also takes 100%. Plain comparison is exact
 * here: IEEE division is correctly rounded, so correct / audited that equals a bound (57/60,
 * 19/20) is the very double the bound's literal 0.95 is.
 */
export function bandIndex(score: number, bands: readonly ReauditBand[]): number {
	for (let i = 0; i < bands.length - 1; i++) if (score < (bands[i] as ReauditBand).below) return i;
	return bands.length - 1;
}

/** A band's name: "below 80%", "80% to 95%", "95% or more" (a single band: "any score"). */
export function bandLabel(bands: readonly ReauditBand[], i: number): string {
	const lower = i === 0 ? 0 : (bands[i - 1] as ReauditBand).below;
	const last = i === bands.length - 1;
	if (last) return i === 0 ? 'any score' : `${pct(lower)} or more`;
	return i === 0 ? `below ${pct((bands[i] as ReauditBand).below)}` : `${pct(lower)} to ${pct((bands[i] as ReauditBand).below)}`;
}

export interface ReauditInput {
	/** day of the coder's latest audit (YYYY-MM-DD), null when never audited */
	last_audit_on: string | null;
	/** line accuracy of the latest audit round: correct / audited lines of the 90 days up to that day (fraction) */
	score: number | null;
	/** days the coder was educated (YYYY-MM-DD, any order) */
	educations: readonly string[];
	bands: readonly ReauditBand[];
	after_education_days: number;
	/** YYYY-MM-DD */
	today: string;
}

export interface ReauditDecision {
	/** the score band's name (bandLabel), null without an audit */
	band: string | null;
	score: number | null;
	/** the band's interval, days */
	interval_days: number | null;
	/** YYYY-MM-DD; null when there is nothing to schedule from (no audit, no education) */
	due_on: string | null;
	/** today is after due_on: a re-audit on the due day itself is on time */
	overdue: boolean;
	/** days past due_on (0 when not overdue) */
	days_overdue: number;
	/** why: the audit, its score and band, and the education that brought the date forward */
	basis: string;
}

/**
 * The coder's next re-audit.
 * - Band: the latest audit's score in `bands` (bandIndex: a score at a bound goes to the band
 *   above). due = last audit day + the band's interval_days.
 * - Education: when an education was given after the last audit (strictly after its day; an
 *   audit on the education day already counts as after the education, as in
 *   queries/education/list.sql), due = min(band due, education day + after_education_days) over
 *   those educations (the earliest such education decides). Educations on or before the last
 *   audit change nothing: that audit already measured them.
 * - Never audited: due = first education + after_education_days, or no due date at all.
 * - overdue when today > due_on (the due day itself is still on time).
 * Source of the rules: the issue ("re-audit due dates follow the coder's score band"; bands and
 * days configurable, defaults in src/lib/schemas/accuracy.ts).
 */
export function reauditDue(input: ReauditInput): ReauditDecision {
	const { last_audit_on: last, score, bands, after_education_days: afterDays, today } = input;
	const after = [...input.educations].filter((d) => last === null || d > last).sort();
	const firstAfter = after[0] ?? null;
	const eduDue = firstAfter === null ? null : addDays(firstAfter, afterDays);
	let band: string | null = null;
	let interval: number | null = null;
	let due: string | null = null;
	let basis: string;
	if (last !== null && score !== null && bands.length > 0) {
		const i = bandIndex(score, bands);
		band = bandLabel(bands, i);
		interval = (bands[i] as ReauditBand).interval_days;
		const bandDue = addDays(last, interval);
		basis = `last audit ${last} scored ${pct(score)} (${band}): re-audit ${interval} days later, ${bandDue}`;
		due = bandDue;
		if (eduDue !== null) {
			if (eduDue < bandDue) {
				due = eduDue;
				basis += `; education on ${firstAfter}, after that audit, brings it forward to ${afterDays} days after the education, ${eduDue}`;
			} else basis += `; the education on ${firstAfter} (re-audit within ${afterDays} days, ${eduDue}) does not bring it forward`;
		}
	} else if (eduDue !== null) {
		due = eduDue;
		basis = `never audited; education on ${firstAfter}: audit within ${afterDays} days, ${eduDue}`;
	} else {
		basis = 'never audited and no education recorded: nothing to schedule from';
	}
	const late = due === null ? 0 : daysBetween(due, today);
	return { band, score, interval_days: interval, due_on: due, overdue: late > 0, days_overdue: Math.max(0, late), basis };
}
