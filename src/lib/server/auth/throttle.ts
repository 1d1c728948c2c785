// Sign-in throttling: after 5 failures for one e-mail (or one client address) within 15
// minutes, further attempts are refused until the window passes. In memory: a restart clears it.
const WINDOW_MS = 15 * 60 * 1000;
const LIMIT = 5;
const failures = new Map<string, number[]>();

function recent(key: string, now: number): number[] {
	const list = (failures.get(key) ?? []).filter((t) => now - t < WINDOW_MS);
	failures.set(key, list);
	return list;
}

export function isThrottled(keys: string[], now = Date.now()): boolean {
	return keys.some((k) => recent(k, now).length >= LIMIT);
}

export function recordFailure(keys: string[], now = Date.now()): void {
	for (const k of keys) recent(k, now).push(now);
}

export function clearFailures(keys: string[]): void {
	for (const k of keys) failures.delete(k);
}
