// Sign-in throttling (security issue 15 item 10). The earlier rule (5 failures per e-mail or per
// address locks both for 15 minutes) let anyone lock a named user out from anywhere, and one
// person's typos locked out everyone behind a shared proxy. Now:
//   - per (account, address) pair: after PAIR_FREE failures, exponential backoff: the next
//     attempt from that pair waits BASE_DELAY_MS x 2^(failures - PAIR_FREE), capped at
//     MAX_DELAY_MS. The same account from another address, and other accounts from the same
//     address, are not slowed.
//   - per address, across accounts (password spraying): after ADDRESS_LIMIT failures within
//     WINDOW_MS the address waits until its oldest failure leaves the window.
//   - failures older than WINDOW_MS are forgotten.
// The sign-in page audits each real failure, but only one `login_throttled` summary per
// throttled spell (with the count of attempts refused meanwhile), not a record per refusal.
// In memory: a restart clears it (argon2id still costs every guess ~50 ms of CPU).

export const WINDOW_MS = 15 * 60 * 1000;
export const PAIR_FREE = 5;
export const BASE_DELAY_MS = 30 * 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;
export const ADDRESS_LIMIT = 50;

interface Track {
	failures: number[];
	/** attempts refused while throttled, not yet reported */
	refused: number;
	/** a summary record has been written for the current spell */
	reported: boolean;
}

const pairs = new Map<string, Track>();
const addresses = new Map<string, Track>();

function track(map: Map<string, Track>, key: string, now: number): Track {
	let t = map.get(key);
	if (!t) {
		t = { failures: [], refused: 0, reported: false };
		map.set(key, t);
	}
	t.failures = t.failures.filter((f) => now - f < WINDOW_MS);
	return t;
}

const pairKey = (email: string, address: string) => `${email}\u0000${address}`;

/** Milliseconds the (account, address) pair must still wait; 0 when it may try. */
export function pairWaitMs(failures: number[], now: number): number {
	if (failures.length < PAIR_FREE) return 0;
	const last = failures[failures.length - 1] ?? now;
	const delay = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures.length - PAIR_FREE));
	return Math.max(0, last + delay - now);
}

/** Milliseconds the address must still wait after ADDRESS_LIMIT failures in the window; else 0. */
export function addressWaitMs(failures: number[], now: number): number {
	if (failures.length < ADDRESS_LIMIT) return 0;
	const oldest = failures[failures.length - ADDRESS_LIMIT] ?? now;
	return Math.max(0, oldest + WINDOW_MS - now);
}

export interface ThrottleDecision {
	/** 0 when the attempt may go ahead */
	waitMs: number;
	/** true on the first refusal of a spell: write one summary audit record */
	reportNow: boolean;
	/** failures that led here, for the summary */
	failures: number;
}

/** May this attempt go ahead? Counts the refusal when it may not. */
export function checkAttempt(email: string, address: string, now = Date.now()): ThrottleDecision {
	const p = track(pairs, pairKey(email, address), now);
	const a = track(addresses, address, now);
	const waitMs = Math.max(pairWaitMs(p.failures, now), addressWaitMs(a.failures, now));
	if (waitMs === 0) return { waitMs, reportNow: false, failures: p.failures.length };
	const t = pairWaitMs(p.failures, now) > 0 ? p : a;
	t.refused++;
	const reportNow = !t.reported;
	t.reported = true;
	return { waitMs, reportNow, failures: t.failures.length };
}

/**
 * Records a failed attempt; returns how many attempts were refused while throttled since the
 * last report (to put in this failure's audit record), resetting that count.
 */
export function recordFailure(email: string, address: string, now = Date.now()): number {
	const p = track(pairs, pairKey(email, address), now);
	const a = track(addresses, address, now);
	p.failures.push(now);
	a.failures.push(now);
	const refused = p.refused + a.refused;
	p.refused = a.refused = 0;
	p.reported = a.reported = false;
	return refused;
}

/** A successful sign-in clears its pair (not the address: other accounts' failures stand). Returns refused attempts not yet reported. */
export function recordSuccess(email: string, address: string): number {
	const key = pairKey(email, address);
	const refused = pairs.get(key)?.refused ?? 0;
	pairs.delete(key);
	return refused;
}

/** Tests only: forget everything. */
export function resetThrottle(): void {
	pairs.clear();
	addresses.clear();
}
