// claimlens denials --by specialty|payer|month|carc|category [--exclude duplicate,eligibility]
//                   [period] [--specialty S] [--payer P] [--provider NPI] [--json]
// Claim, line and dollar denial rates per group under the definition in force (README "Denials").
import { z } from 'zod';
import { DenialBy, ExcludeList, denialCategories } from '../../lib/schemas/denials.ts';
import { denialRates } from '../../lib/server/denials/get-denials.ts';
import { parseFlags } from '../args.ts';
import { periodFromFlags } from '../period-flags.ts';
import { CliError, fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({
	by: DenialBy.default('specialty'),
	exclude: ExcludeList,
	from: z.string().optional(), to: z.string().optional(), quarter: z.string().optional(), 'year-period': z.string().optional(), 'last-12-months': z.boolean().optional(),
	specialty: z.string().max(200).optional(), payer: z.string().max(200).optional(), provider: z.string().regex(/^\d{10}$/, 'a 10-digit NPI').optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(1)}%`);

export async function denialsCommand(argv: string[]): Promise<void> {
	const { flags, positionals } = parseFlags(argv, { by: { type: 'string' }, exclude: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, quarter: { type: 'string' }, 'year-period': { type: 'string' }, 'last-12-months': { type: 'boolean' }, specialty: { type: 'string' }, payer: { type: 'string' }, provider: { type: 'string' } }, Flags);
	if (positionals.length) throw new CliError(`denials: unexpected argument ${positionals[0]} (categories: ${denialCategories.join(', ')})`);
	const period = await periodFromFlags(flags, flags.db);
	const result = await denialRates({ by: flags.by, exclude: flags.exclude, scope: { period, specialty: flags.specialty, payer: flags.payer, provider: flags.provider } }, flags.db);
	info(result.definition.text);
	info(`scope: ${result.scope}`);
	if (result.facts_problem) info(`warning: ${result.facts_problem}`);
	if (flags.json) return printJson(result.rows);
	if (!result.rows.length) {
		info('no adjudicated claim lines (status paid, denied or partial) in this database');
		return;
	}
	const width = Math.max(8, ...result.rows.map((r) => r.group.length));
	process.stdout.write(`${'group'.padEnd(width)}  ${'claims'.padStart(18)}  ${'lines'.padStart(18)}  ${'dollars'.padStart(24)}\n`);
	for (const r of result.rows) {
		const claims = `${pct(r.claim_denial_rate)} of ${fmtInt(r.claims)}`;
		const lines = `${pct(r.line_denial_rate)} of ${fmtInt(r.lines)}`;
		const dollars = `${pct(r.dollar_denial_rate)} of $${fmtInt(r.charges)}`;
		const note = r.label ? `  ${r.label}` : '';
		process.stdout.write(`${r.group.padEnd(width)}  ${claims.padStart(18)}  ${lines.padStart(18)}  ${dollars.padStart(24)}${note}\n`);
	}
}
