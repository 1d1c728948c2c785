// The demo's 18-month service window, 2024-07-01 .. 2025-12-31, as day indexes (0 = first day).
// All arithmetic is in UTC, so output never depends on the machine's time zone.

const START_MS = Date.UTC(2024, 6, 1);
const DAY_MS = 86_400_000;

export interface Month {
	/** 0..17 */
	index: number;
	/** 'YYYY-MM' */
	label: string;
	/** Day indexes of every day / of Monday-Friday in the month. */
	allDays: number[];
	weekdays: number[];
}

function isoOfMs(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

export const MONTHS: Month[] = [];
export const DAY_ISO: string[] = [];
for (let day = 0; ; day++) {
	const ms = START_MS + day * DAY_MS;
	const d = new Date(ms);
	if (d.getUTCFullYear() > 2025) break;
	DAY_ISO.push(isoOfMs(ms));
	const index = (d.getUTCFullYear() - 2024) * 12 + d.getUTCMonth() - 6;
	let month = MONTHS[index];
	if (!month) {
		month = { index, label: isoOfMs(ms).slice(0, 7), allDays: [], weekdays: [] };
		MONTHS.push(month);
	}
	month.allDays.push(day);
	const dow = d.getUTCDay();
	if (dow !== 0 && dow !== 6) month.weekdays.push(day);
}

/** ISO date of a day index, which may lie past the window (audit dates). */
export function isoAfter(day: number, plusDays: number): string {
	return isoOfMs(START_MS + (day + plusDays) * DAY_MS);
}

export function monthIndexOfLabel(label: string): number {
	return MONTHS.findIndex((m) => m.label === label);
}
