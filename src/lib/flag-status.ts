// A flag's status over its quarterly history (issue 11), pure. Quarters are oldest first; the
// last one is the quarter of the newest service date.

export type FlagStatus = 'new' | 'persistent' | 'resolved' | null;

/**
 * - persistent: flagged in the latest quarter and in at least 2 of the last 4;
 * - new: flagged in the latest quarter, not in the one before, and in fewer than 2 of the last 4;
 * - resolved: not flagged in the latest quarter, flagged in at least one of the 3 before it;
 * - null: none of these (never flagged in the last 4 quarters, or flagged only earlier).
 */
export function flagStatus(flagged: readonly boolean[]): FlagStatus {
	const last4 = flagged.slice(-4);
	const latest = last4.at(-1) ?? false;
	const count = last4.filter(Boolean).length;
	if (latest && count >= 2) return 'persistent';
	if (latest) return 'new';
	if (last4.slice(0, -1).some(Boolean)) return 'resolved';
	return null;
}
