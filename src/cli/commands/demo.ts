// claimlens demo [--lines N] [--seed S] [--replace]: generate and import the synthetic dataset.
import { existsSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { closeDatabase, defaultDbPath } from '../../lib/server/db/database.ts';
import { databaseIsEmpty, loadDemo } from '../../lib/server/ingest/load-demo.ts';
import { parseFlags } from '../args.ts';
import { CliError, fmtInt, info, printJson, progressLine } from '../output.ts';

const Flags = z.object({
	lines: z.coerce.number().int().min(1000).max(50_000_000).optional(),
	seed: z.coerce.number().int().optional(),
	replace: z.boolean().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

export async function runDemo(opts: { dbPath: string; lines?: number; seed?: number }) {
	const gen = progressLine('generating demo data');
	const imp = progressLine('importing');
	const started = Date.now();
	const result = await loadDemo({
		dbPath: opts.dbPath,
		lines: opts.lines,
		seed: opts.seed,
		onGenerate: (n, total) => gen(`${((100 * n) / total).toFixed(0)}%  ${fmtInt(n)} of ${fmtInt(total)} lines`, n >= total),
		onImport: (file, p) => {
			if (p.phase === 'reading') imp(p.percent > 0 ? `${file} ${p.percent.toFixed(0)}%  ${fmtInt(p.rowsPerSecond)} rows/s` : `${file}: reading…`);
			if (p.phase === 'loading' && p.step) imp(`${file}: ${p.step}…`);
			if (p.phase === 'done') imp(`${file} done, ${fmtInt(p.rowsEstimate)} rows`, true);
		}
	});
	info(`demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.claims.message} claim lines; ${result.audits.message} audit rows (synthetic, no real patients)`);
	return result;
}

export async function demoCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { lines: { type: 'string' }, seed: { type: 'string' }, replace: { type: 'boolean' } }, Flags);
	const dbPath = flags.db ?? defaultDbPath();
	if (flags.replace && existsSync(dbPath)) {
		closeDatabase(dbPath);
		rmSync(dbPath, { force: true });
		rmSync(`${dbPath}.wal`, { force: true });
	} else if (existsSync(dbPath) && !(await databaseIsEmpty(dbPath))) {
		throw new CliError(`${dbPath} already holds imported data; pass --replace to start over with demo data, or --db NEW_FILE`);
	}
	const result = await runDemo({ dbPath, lines: flags.lines, seed: flags.seed });
	if (flags.json) printJson(result);
}
