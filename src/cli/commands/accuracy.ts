// claimlens accuracy [--by coder|specialty|month|auditor] [--specialty S] [--coder C]
//                    [--auditor A] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
// Coder accuracy by group with 95% Wilson intervals (domain.md "Coder accuracy"). --json prints
// one object per group (fields in the README); same function as the page and GET /api/accuracy.
import { z } from 'zod';
import { AccuracyBy, AccuracyFilters, errorClassLabels, type AccuracyGroup } from '../../lib/schemas/accuracy.ts';
import { accuracyBy } from '../../lib/server/accuracy/get-accuracy.ts';
import { parseFlags } from '../args.ts';
import { CliError, fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({
	by: AccuracyBy.default('coder'),
	specialty: z.string().optional(),
	coder: z.string().optional(),
	auditor: z.string().optional(),
	from: z.string().optional(),
	to: z.string().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(1)}%`);
const money = (v: number | null) => (v === null ? 'n/a' : `${v < 0 ? '-' : ''}$${fmtInt(Math.abs(v))}`);

function line(g: AccuracyGroup): string {
	const interval = g.line_accuracy === null ? '' : `(${pct(g.line_accuracy_low)}-${pct(g.line_accuracy_high)})`;
	return [
		g.group.padEnd(26),
		`${fmtInt(g.correct_lines)}/${fmtInt(g.audited_lines)}`.padStart(11),
		pct(g.line_accuracy).padStart(7),
		interval.padEnd(16),
		`claims ${pct(g.claim_accuracy)}`.padEnd(14),
		`dx ${pct(g.dx_accuracy)}`.padEnd(10),
		(g.top_error ? errorClassLabels[g.top_error] : '-').padEnd(17),
		money(g.financial_impact).padStart(10),
		g.below_target ? '  BELOW TARGET' : ''
	].join(' ');
}

export async function accuracyCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(
		argv,
		{ by: { type: 'string' }, specialty: { type: 'string' }, coder: { type: 'string' }, auditor: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
		Flags
	);
	const parsed = AccuracyFilters.safeParse({ from: flags.from, to: flags.to, specialty: flags.specialty, coder: flags.coder, auditor: flags.auditor });
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new CliError(`--${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid value'}`);
	}
	const groups = await accuracyBy(flags.by, parsed.data, flags.db);
	if (!groups.length) info('no audited lines match (import an audit worksheet with `claimlens import FILE --kind audits`)');
	if (flags.json) return printJson(groups);
	info(`accuracy by ${flags.by}: ${groups.length} groups; 95% Wilson intervals; below target = upper bound < 95%; month = month of the date of service`);
	for (const g of groups) process.stdout.write(`${line(g)}\n`);
}
