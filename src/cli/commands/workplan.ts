// claimlens workplan [--all] [--json]: providers ranked across every rule (k of m measures
// flagged, dollars at risk, highest severity, open cases). Same function as /workplan and
// GET /api/workplan (src/lib/server/cases/workplan.ts).
import { z } from 'zod';
import { getWorkplan } from '../../lib/server/cases/workplan.ts';
import { periodFromFlags } from '../period-flags.ts';
import { parseFlags } from '../args.ts';
import { fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({ json: z.boolean().optional(), db: z.string().optional(), all: z.boolean().optional(), from: z.string().optional(), to: z.string().optional(), quarter: z.string().optional(), 'year-period': z.string().optional(), 'last-12-months': z.boolean().optional() });

export async function workplanCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { all: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, quarter: { type: 'string' }, 'year-period': { type: 'string' }, 'last-12-months': { type: 'boolean' } }, Flags);
	const period = await periodFromFlags(flags, flags.db);
	const w = await getWorkplan({ all: flags.all, period, dbPath: flags.db });
	if (flags.json) return printJson(w.rows.map((r) => ({ ...r, period_from: w.period_from, period_to: w.period_to })));
	info(`service dates ${w.period_from ?? '-'} to ${w.period_to ?? '-'}; ${w.rules_evaluated} rules evaluated`);
	for (const r of w.rows) process.stdout.write(`${String(r.rank).padStart(4)} ${r.provider_npi} ${(r.provider_name ?? '').padEnd(26).slice(0, 26)} ${`${r.measures_flagged} of ${r.measures}`.padEnd(8)} $${fmtInt(r.dollars_at_risk).padStart(10)} ${r.highest_severity.padEnd(6)} open cases ${r.open_cases}${r.overdue_cases ? ` (${r.overdue_cases} overdue)` : ''}  ${r.flagged_rules.join(', ')}\n`);
	info(`${fmtInt(w.rows.length)} providers`);
}
