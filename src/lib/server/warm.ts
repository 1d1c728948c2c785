// Work an import invalidates, done before anyone asks (issue 17: the first Risk flags view after
// an import took 10-16 s on a busy 2-core machine): the default views of Risk flags, the
// Overview and Denials are computed into the same caches the pages read (cached by data
// version; db/process-cache.ts makes them one per process). Called after a web upload (its
// progress lines say so), and by `claimlens serve` before it takes requests.
import { defaultDbPath } from './db/database.ts';
import { getOverview } from './overview/get-overview.ts';
import { getDenialsPage } from './denials/get-denials.ts';
import { listFlags } from './rules/evaluate.ts';
import { historyIndex } from './rules/history.ts';

/** The steps in order, as the progress line names them. */
export const warmSteps = ['computing risk flags', 'charting the quarterly history', 'summarising the overview', 'summarising denials'] as const;
export type WarmStep = (typeof warmSteps)[number];

/** Fills the page caches for the current data; `onStep` hears each step before it runs. Returns seconds taken. */
export async function warmCaches(dbPath = defaultDbPath(), onStep?: (step: WarmStep) => void): Promise<number> {
	const t0 = Date.now();
	onStep?.('computing risk flags');
	await listFlags({}, dbPath);
	// the flags table's sparklines and statuses (and each drill-down's history) per rule and quarter
	onStep?.('charting the quarterly history');
	await historyIndex({ dbPath });
	onStep?.('summarising the overview');
	await getOverview(dbPath);
	onStep?.('summarising denials');
	await getDenialsPage({}, dbPath);
	return (Date.now() - t0) / 1000;
}
