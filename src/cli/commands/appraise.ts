// claimlens appraise --manifest M.json --findings F.csv            findings against a sample manifest
// claimlens appraise --sample ID [--findings F.csv]                a stored sample (imports F first)
// claimlens appraise --variable FILE --universe N [--strata FILE]  a plain list of values (RAT-STATS)
// claimlens appraise --attribute --universe N --sample-size n --errors k
// Same appraisal functions as the Samples page; --json prints the appraisal object.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Manifest } from '../../lib/schemas/sampling.ts';
import { appraiseFindings, getAppraisal, type SampleAppraisal } from '../../lib/server/sampling/appraise.ts';
import { importFindings, matchFindings } from '../../lib/server/sampling/findings.ts';
import { parseStrataFile, parseValues, valuesToStrata } from '../../lib/server/sampling/values-file.ts';
import { appraiseVariable } from '../../lib/server/stats/appraisal-variable.ts';
import { appraiseAttributeUnrestricted } from '../../lib/server/stats/appraisal-attribute.ts';
import { attributeText, variableText } from '../../lib/server/sampling/report-text.ts';
import { parseFlags } from '../args.ts';
import { CliError, info, printJson } from '../output.ts';
import { cliErrors } from './sample.ts';

const Whole = z.coerce.number().int();
const Flags = z.object({
	manifest: z.string().optional(),
	findings: z.string().optional(),
	sample: Whole.positive().optional(),
	variable: z.string().optional(),
	attribute: z.boolean().optional(),
	universe: Whole.positive().optional(),
	strata: z.string().optional(),
	'sample-size': Whole.positive().optional(),
	errors: Whole.nonnegative().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

function read(path: string, flag: string): string {
	try {
		return readFileSync(path, 'utf8');
	} catch (e) {
		throw new CliError(`--${flag}: cannot read ${path}: ${(e as Error).message}`);
	}
}

function printSample(a: SampleAppraisal, json?: boolean): void {
	if (json) return printJson(a);
	info(`sample ${a.sample_id} (${a.method}, ${a.design}): ${a.reviewed} of ${a.sample_size} units reviewed`);
	for (const n of a.notes) info(n);
	for (const w of a.warnings) info(`warning: ${w}`);
	if (a.variable) process.stdout.write(`${variableText(a.variable)}\n`);
	if (a.attribute) process.stdout.write(`${attributeText(a.attribute)}\n`);
}

export async function appraiseCommand(argv: string[]): Promise<void> {
	const spec = Object.fromEntries(['manifest', 'findings', 'sample', 'variable', 'universe', 'strata', 'sample-size', 'errors'].map((k) => [k, { type: 'string' as const }]));
	const { flags } = parseFlags(argv, { ...spec, attribute: { type: 'boolean' } }, Flags);
	const modes = [flags.manifest, flags.sample, flags.variable, flags.attribute].filter(Boolean).length;
	if (modes !== 1) throw new CliError('give one of --manifest M --findings F, --sample ID, --variable FILE --universe N, --attribute');
	await cliErrors(async () => {
		if (flags.manifest) {
			if (!flags.findings) throw new CliError('--findings: give the reviewed findings CSV');
			const parsed = Manifest.safeParse((() => { try { return JSON.parse(read(flags.manifest as string, 'manifest')); } catch (e) { if (e instanceof CliError) throw e; return null; } })());
			if (!parsed.success) throw new CliError(`--manifest: not a ClaimLens sample manifest (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`);
			const { findings, blank } = matchFindings(parsed.data, read(flags.findings, 'findings'));
			if (blank) info(`${blank} rows without a finding skipped (not reviewed yet)`);
			const result = appraiseFindings(parsed.data, findings);
			if (result.status !== 'complete') throw new CliError(result.notes[0] ?? 'incomplete findings');
			return printSample(result, flags.json);
		}
		if (flags.sample) {
			if (flags.findings) {
				const s = await importFindings(flags.sample, read(flags.findings, 'findings'), { dbPath: flags.db });
				info(`imported ${s.imported} findings (${s.reviewed} of ${s.sample_size} units now reviewed)`);
			}
			return printSample(await getAppraisal(flags.sample, { dbPath: flags.db }), flags.json);
		}
		if (flags.variable) {
			const strataSizes = flags.strata ? parseStrataFile(read(flags.strata, 'strata')) : null;
			if (!strataSizes && !flags.universe) throw new CliError('--universe: give the universe size N (or --strata FILE)');
			const { rows, differencesOnly } = parseValues(read(flags.variable, 'variable'), strataSizes !== null);
			const result = appraiseVariable(valuesToStrata(rows, strataSizes ?? (flags.universe as number)));
			const out = differencesOnly ? { ...result, examined_total: null, audited_total: null } : result;
			if (flags.json) return printJson(out);
			return void process.stdout.write(`${variableText(out)}\n`);
		}
		if (flags.universe === undefined || flags['sample-size'] === undefined || flags.errors === undefined) throw new CliError('--attribute needs --universe N --sample-size n --errors k');
		const a = appraiseAttributeUnrestricted({ stratum: 1, universe: flags.universe, sample_size: flags['sample-size'], errors: flags.errors });
		if (flags.json) return printJson(a);
		process.stdout.write(`${attributeText(a)}\n`);
	});
}
