// claimlens history --npi N --rule R [--quarters 12] [--json]: one row per quarter (quarter,
// numerator, denominator, rate, peer_rate, percentile, z, flagged, direction), oldest first; the
// same function as the drill-down's trend (src/lib/server/rules/history.ts).
import { z } from 'zod';
import { providerHistory } from '../../lib/server/rules/history.ts';
import { ruleIds } from '../../lib/server/rules/catalog.ts';
import { parseFlags } from '../args.ts';
import { CliError, printJson } from '../output.ts';

const Flags = z.object({
	json: z.boolean().optional(),
	db: z.string().optional(),
	npi: z.string().regex(/^\d{10}$/, 'a 10-digit NPI').optional(),
	rule: z.string().optional(),
	quarters: z.coerce.number().int().min(1, 'at least 1').max(40, 'at most 40').optional()
});
const pct = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

export async function historyCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { npi: { type: 'string' }, rule: { type: 'string' }, quarters: { type: 'string' } }, Flags);
	if (!flags.npi || !flags.rule) throw new CliError('history: --npi N and --rule R are required');
	if (!ruleIds().includes(flags.rule)) throw new CliError(`--rule: unknown rule ${flags.rule} (known: ${ruleIds().join(', ')})`);
	const h = await providerHistory({ npi: flags.npi, ruleId: flags.rule, quarters: flags.quarters, dbPath: flags.db });
	if (flags.json) return printJson(h.map((p) => ({ quarter: p.quarter, period_from: p.period_from, period_to: p.period_to, numerator: p.numerator, denominator: p.denominator, rate: p.rate, peer_rate: p.peer_rate, percentile: p.percentile, z: p.z, flagged: p.flagged, direction: p.direction, severity: p.severity, findings: p.findings })));
	for (const p of h) process.stdout.write(`${p.quarter}  ${p.denominator === null ? (p.findings === null ? '-' : `${p.findings} findings`) : `${p.numerator}/${p.denominator} = ${pct(p.rate)} vs peers ${pct(p.peer_rate)}, pct ${pct(p.percentile)}, z ${p.z?.toFixed(1) ?? ''}`}${p.flagged ? `  FLAGGED ${p.severity}${p.direction === 'low' ? ' (low side)' : ''}` : ''}\n`);
}
