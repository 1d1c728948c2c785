// claimlens sample (--frame FRAME.json | --frame-id ID) --size N --seed S [--spares K]
//   [--method simple|stratified|probe] [--stratify auto[:L] | B1,B2,...] [--allocation proportional|dollars]
//   [--out FILE] [--format csv|xlsx|parquet] [--tier full|limited|safe_harbor] [--user NAME] [--json]
//   [--recommended-size N [--target-basis variable|attribute|preset] [--target-precision P] [--target-confidence C]]
// The target (what `sample-size` recommended) goes into the manifest; a smaller draw is warned
// about there, and an appraisal less precise than the target is warned about by `appraise`.
// Saves the frame (from a FrameDefinition JSON file), draws the sample, and with --out writes
// the export and its manifest (FILE.manifest.json). Same function as the Samples page.
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extname } from 'node:path';
import { z } from 'zod';
import { DrawRequest, ExportFormat, Tier, type Manifest } from '../../lib/schemas/sampling.ts';
import { createFrame, getFrame, parseDefinition } from '../../lib/server/sampling/frames.ts';
import { drawSample, UNKNOWN_USER } from '../../lib/server/sampling/draw.ts';
import { openExport } from '../../lib/server/sampling/export.ts';
import { getManifest } from '../../lib/server/sampling/manifest.ts';
import { userMessage } from '../../lib/server/sampling/errors.ts';
import { parseFlags } from '../args.ts';
import { CliError, fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({
	frame: z.string().optional(),
	'frame-id': z.coerce.number().int().positive().optional(),
	size: z.string(),
	seed: z.string(),
	spares: z.string().optional(),
	method: z.enum(['simple', 'stratified', 'probe']).optional(),
	stratify: z.string().regex(/^(auto(:\d{1,2})?|-?\d+(\.\d+)?(,-?\d+(\.\d+)?)*)$/, 'auto, auto:L or ascending boundaries like 100,250,500').optional(),
	allocation: z.enum(['proportional', 'dollars']).optional(),
	out: z.string().optional(),
	format: ExportFormat.optional(),
	tier: Tier.default('safe_harbor'),
	user: z.string().max(120).optional(),
	'recommended-size': z.string().optional(),
	'target-basis': z.string().optional(),
	'target-precision': z.string().optional(),
	'target-confidence': z.string().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

/** Runs fn, turning the errors a user can act on into one-line CLI errors. */
export async function cliErrors<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		const msg = userMessage(e);
		if (msg !== null) throw new CliError(msg);
		throw e;
	}
}

function formatOf(out: string, given?: ExportFormat): ExportFormat {
	if (given) return given;
	const ext = extname(out).slice(1).toLowerCase();
	const parsed = ExportFormat.safeParse(ext);
	if (!parsed.success) throw new CliError(`--format: give csv, xlsx or parquet (cannot tell from "${out}")`);
	return parsed.data;
}

export async function sampleCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(
		argv,
		{
			frame: { type: 'string' }, 'frame-id': { type: 'string' }, size: { type: 'string' }, seed: { type: 'string' }, spares: { type: 'string' },
			method: { type: 'string' }, stratify: { type: 'string' }, allocation: { type: 'string' }, out: { type: 'string' }, format: { type: 'string' },
			tier: { type: 'string' }, user: { type: 'string' }, 'recommended-size': { type: 'string' }, 'target-basis': { type: 'string' },
			'target-precision': { type: 'string' }, 'target-confidence': { type: 'string' }
		},
		Flags
	);
	if (!flags.frame === !flags['frame-id']) throw new CliError('give --frame FRAME.json (a frame definition) or --frame-id ID (a saved frame)');
	const stratify = flags.stratify;
	const method = flags.method ?? (stratify ? 'stratified' : 'simple');
	if (method === 'stratified' && !stratify) throw new CliError('--method stratified needs --stratify auto[:L] or boundaries');
	const request = DrawRequest.safeParse({
		method,
		size: flags.size,
		seed: flags.seed,
		spares: flags.spares ?? 0,
		boundaries: stratify && !stratify.startsWith('auto') ? stratify.split(',').map(Number) : [],
		strata: stratify?.startsWith('auto:') ? stratify.slice(5) : 3,
		allocation: flags.allocation ?? 'proportional',
		drawn_by: flags.user ?? UNKNOWN_USER,
		recommended_size: flags['recommended-size'],
		target_basis: flags['target-basis'],
		target_precision: flags['target-precision'],
		target_confidence: flags['target-confidence']
	});
	if (!request.success) {
		const issue = request.error.issues[0];
		throw new CliError(`--${(issue?.path.join('.') || 'size').replace(/_/g, '-')}: ${issue?.message}`);
	}
	const format = flags.out ? formatOf(flags.out, flags.format) : undefined;
	await cliErrors(async () => {
		let frame;
		if (flags.frame) {
			let json: unknown;
			try {
				json = JSON.parse(readFileSync(flags.frame as string, 'utf8'));
			} catch (e) {
				throw new CliError(`--frame: cannot read ${flags.frame}: ${(e as Error).message}`);
			}
			frame = await createFrame(parseDefinition(json), { createdBy: flags.user ?? UNKNOWN_USER, dbPath: flags.db });
		} else {
			frame = await getFrame(flags['frame-id'] as number, flags.db);
		}
		const paid = frame.total_paid.toLocaleString('en-US', { style: 'currency', currency: 'USD' });
		info(`frame ${frame.frame_id}: ${fmtInt(frame.size)} ${frame.unit} units, ${paid} paid, checksum ${frame.checksum}`);
		let manifest: Manifest = await drawSample(frame.frame_id, request.data, { dbPath: flags.db });
		info(`sample ${manifest.sample_id}: ${manifest.method}, seed ${manifest.seed}, ${manifest.sample_size} units + ${manifest.spare_unit_nos.length} spares`);
		for (const w of manifest.warnings) info(`warning: ${w}`);
		let exported = null;
		if (flags.out && format) {
			const ex = await openExport(manifest.sample_id, { format, tier: flags.tier, exportedBy: flags.user ?? UNKNOWN_USER, dbPath: flags.db });
			await pipeline(Readable.from(ex.chunks), createWriteStream(flags.out));
			const done = await ex.done;
			manifest = await getManifest(manifest.sample_id, { tier: flags.tier, dbPath: flags.db });
			const manifestFile = `${flags.out}.manifest.json`;
			writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
			exported = { file: flags.out, format, tier: flags.tier, rows: done.rows, sha256: done.sha256, manifest_file: manifestFile };
			info(`wrote ${flags.out} (${fmtInt(done.rows)} lines, ${flags.tier}) and ${manifestFile}`);
		} else {
			manifest = await getManifest(manifest.sample_id, { tier: flags.tier, dbPath: flags.db });
		}
		if (flags.json) return printJson({ manifest, export: exported });
		const ids = manifest.sample_ids ?? manifest.sample_unit_nos.map((n) => `#${n}`);
		process.stdout.write(`sample ${ids.join(' ')}\n`);
		if (manifest.spare_unit_nos.length) process.stdout.write(`spares ${(manifest.spare_ids ?? manifest.spare_unit_nos.map((n) => `#${n}`)).join(' ')}\n`);
	});
}
