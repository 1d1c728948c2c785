// claimlens sample-size --type variable --universe N (--mean M --sd S | --error-rate P [--mean-reported M --sd-reported S])
//                       [--precision 0.25] [--confidence 0.90]
//   With --error-rate, the mean and SD are of the reported (paid) amounts per unit, as RAT-STATS
//   asks for them (--mean/--sd are accepted for them too); --frame-id supplies both.
// claimlens sample-size --type attribute --universe N --error-rate P --precision W [--confidence 0.95]
// claimlens sample-size --preset oig-sdp|cia-discovery|cia-full --universe N [--mean M --sd S] [--net-error-rate R]
// --frame-id ID takes the universe (and the reported amounts' mean and SD for --error-rate) from a saved frame.
import { z } from 'zod';
import { SizeRequest } from '../../lib/schemas/sampling.ts';
import { computeSampleSize } from '../../lib/server/sampling/size.ts';
import type { SizeResult } from '../../lib/server/stats/sampling-size.ts';
import { frameAmounts, getFrame } from '../../lib/server/sampling/frames.ts';
import { parseFlags } from '../args.ts';
import { CliError, info, printJson } from '../output.ts';
import { cliErrors } from './sample.ts';

const Flags = z.object({
	type: z.enum(['variable', 'attribute']).optional(),
	preset: z.enum(['oig-sdp', 'cia-discovery', 'cia-full']).optional(),
	universe: z.string().optional(),
	'frame-id': z.coerce.number().int().positive().optional(),
	mean: z.string().optional(),
	sd: z.string().optional(),
	'error-rate': z.string().optional(),
	'avg-error': z.string().optional(),
	'mean-reported': z.string().optional(),
	'sd-reported': z.string().optional(),
	'net-error-rate': z.string().optional(),
	precision: z.string().optional(),
	confidence: z.string().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

const sizeBasis = (r: SizeResult) => (r.basis === 'search' ? ' (exact search)' : r.basis === 'formula' ? ` (formula ${r.exact.toFixed(2)}, rounded to the nearest unit)` : '');

export async function sampleSizeCommand(argv: string[]): Promise<void> {
	const spec = Object.fromEntries(['type', 'preset', 'universe', 'frame-id', 'mean', 'sd', 'error-rate', 'avg-error', 'mean-reported', 'sd-reported', 'net-error-rate', 'precision', 'confidence'].map((k) => [k, { type: 'string' as const }]));
	const { flags } = parseFlags(argv, spec, Flags);
	if (!flags.type === !flags.preset) throw new CliError('give --type variable|attribute or --preset oig-sdp|cia-discovery|cia-full');
	await cliErrors(async () => {
		const frame = flags['frame-id'] ? await getFrame(flags['frame-id'], flags.db) : null;
		const universe = flags.universe ?? (frame ? String(frame.size) : undefined);
		if (!universe) throw new CliError('--universe: give the universe size (or --frame-id)');
		const raw = {
			type: flags.preset ? 'preset' : flags.type,
			preset: flags.preset,
			universe,
			mean: flags.mean,
			sd: flags.sd,
			error_rate: flags['error-rate'],
			avg_error: flags['avg-error'],
			mean_reported: flags['mean-reported'],
			sd_reported: flags['sd-reported'],
			net_error_rate: flags['net-error-rate'],
			precision: flags.precision,
			confidence: flags.confidence
		};
		const parsed = SizeRequest.safeParse(Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)));
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new CliError(`--${String(issue?.path[0] ?? 'value').replace(/_/g, '-')}: ${issue?.message}`);
		}
		const amounts = frame && frame.size ? await frameAmounts(frame.frame_id, flags.db) : undefined;
		const result = computeSampleSize(parsed.data, amounts);
		if (flags.json) return printJson(result);
		info(result.formula);
		for (const n of result.notes) info(n);
		process.stdout.write(`sample size ${result.sample_size}${sizeBasis(result)}\n`);
	});
}
