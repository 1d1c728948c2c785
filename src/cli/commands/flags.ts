// claimlens flags [--rule ID] [--specialty S] [--severity S] [--all] [--source claims|cms]
//                 [--peer-by specialty|pos|payer] [--year YYYY (CMS data year) | --years 2019,2020 (pooled, as chosen)] [--flag-rule z|fdr [--fdr-q 0.05]]
//                 [--from YYYY-MM-01 --to YYYY-MM-DD (whole months) | --quarter 2025-Q1 | --year-period 2025 | --last-12-months]
//                 [--direction high|low] [--benchmark own|national|both [--national-year Y | --year Y]] [--json]
// With a national benchmark on claim data, --year is the CMS data year compared with.
import { z } from 'zod';
import { FdrQ, FlagQuery, FlagRule } from '../../lib/schemas/flags.ts';
import { listFlags } from '../../lib/server/rules/evaluate.ts';
import { PeriodError, periodLabel } from '../../lib/period.ts';
import { periodFromFlags } from '../period-flags.ts';
import { ruleIds } from '../../lib/server/rules/catalog.ts';
import { fmtP } from '../../lib/server/rules/peer-engine.ts';
import { chanceSentence } from '../../lib/multiplicity.ts';
import { parseFlags } from '../args.ts';
import { CliError, fmtInt, info, printJson } from '../output.ts';

const Flags = FlagQuery.omit({ all: true, peer_by: true, flag_rule: true, fdr_q: true, national_year: true }).extend({
	'national-year': z.coerce.number().int().min(2000, 'a data year').max(2099, 'a data year').optional(),
	'fdr-q': FdrQ.optional(),
	all: z.boolean().optional(),
	'peer-by': z.enum(['specialty', 'pos', 'payer']).optional(),
	'flag-rule': FlagRule.optional(),
	quarter: z.string().optional(),
	'year-period': z.string().optional(),
	'last-12-months': z.boolean().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

const pct = (r: number | null) => (r === null ? '' : `${(r * 100).toFixed(1)}%`);

export async function flagsCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(
		argv,
		{ rule: { type: 'string' }, specialty: { type: 'string' }, severity: { type: 'string' }, q: { type: 'string' }, all: { type: 'boolean' }, source: { type: 'string' }, 'peer-by': { type: 'string' }, year: { type: 'string' }, 'flag-rule': { type: 'string' }, 'fdr-q': { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, quarter: { type: 'string' }, 'year-period': { type: 'string' }, 'last-12-months': { type: 'boolean' }, direction: { type: 'string' }, benchmark: { type: 'string' }, 'national-year': { type: 'string' }, years: { type: 'string' } },
		Flags
	);
	if (flags.rule && !ruleIds().includes(flags.rule)) throw new CliError(`--rule: unknown rule ${flags.rule} (known: ${ruleIds().join(', ')})`);
	if (flags['fdr-q'] !== undefined && flags['flag-rule'] !== 'fdr') throw new CliError('--fdr-q sets the level of --flag-rule fdr: give both');
	const period = await periodFromFlags(flags, flags.db);
	let result;
	try {
		result = await listFlags({ ...flags, from: period?.from, to: period?.to, peer_by: flags['peer-by'], flag_rule: flags['flag-rule'], fdr_q: flags['fdr-q'], national_year: flags['national-year'] }, flags.db);
	} catch (e) {
		if (e instanceof PeriodError) throw new CliError(e.message);
		throw e;
	}
	for (const r of result.rules) if (!r.evaluated && (!flags.rule || flags.rule === r.rule_id)) info(`${r.rule_id}: not evaluated: ${r.note}`);
	if (flags.json) return printJson(result.filtered.map(({ reasons, ...row }) => ({ ...row, reasons })));
	const year = result.source === 'cms' ? `; CMS data year ${result.year}${result.years.length > 1 ? ` (imported: ${result.years.join(', ')}; --year to choose)` : ''}` : '';
	info(`source: ${result.source ?? 'none'}${year}; period: ${periodLabel(result.period)}; peer group: ${result.peerBy}; ${result.filtered.length} rows`);
	info(chanceSentence(result.multiplicity));
	if (result.national.benchmark !== 'own') {
		info(result.national.year === null ? `national benchmark: ${result.national.note}` : `national benchmark: CMS data year ${result.national.year}${result.national.years.length > 1 ? ` (imported: ${result.national.years.join(', ')}; --national-year to choose)` : ''}; ${result.national.mapping.map((m) => `${m.own} -> ${m.cms ?? 'no CMS type'} (${m.basis})`).join('; ')}`);
	}
	for (const r of result.filtered) {
		const stats = r.kind === 'peer'
			? `${fmtInt(r.numerator ?? 0)}/${fmtInt(r.denominator ?? 0)} = ${pct(r.rate)} vs peers ${pct(r.peer_rate)}, z ${r.z?.toFixed(1)}, q ${r.q_value === null ? 'n/a' : fmtP(r.q_value)}, pct ${pct(r.percentile)}`
			: `${r.findings} findings on ${r.claim_ids?.length} claims`;
		const nat = r.national_rate !== undefined && r.national_rate !== null ? `; national ${pct(r.national_rate)}, pct ${pct(r.national_percentile ?? null)}, z ${r.national_z?.toFixed(1) ?? ''}${r.national_flagged ? ' FLAGGED' : ''}` : '';
		process.stdout.write(`${r.severity.padEnd(6)} ${r.direction === 'low' ? 'LOW ' : '    '}${r.rule_id.padEnd(28)} ${r.provider_npi} ${(r.provider_name ?? '').padEnd(24)} ${r.specialty.padEnd(24)} ${stats}${nat}  $${fmtInt(r.dollars_at_risk ?? 0)}\n`);
	}
}
