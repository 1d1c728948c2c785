// npm run bench -- --lines N: import benchmark. Generates N synthetic claim lines, then in two
// fresh child processes imports them (a) through the product's import path and (b) with a bare
// DuckDB CREATE TABLE AS SELECT * FROM read_csv(...), and prints both times, their ratio and
// each process's peak memory (maxRSS). Figures go in the README.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import { appRoot } from '../../lib/server/db/database.ts';
import { generateDemo } from '../../lib/server/demo/generate-demo.ts';
import { importFile } from '../../lib/server/ingest/import-file.ts';
import { parseFlags } from '../args.ts';
import { fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({
	lines: z.coerce.number().int().min(1000).default(1_000_000),
	mode: z.enum(['product', 'bare']).optional(),
	file: z.string().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});
const spec = { lines: { type: 'string' }, mode: { type: 'string' }, file: { type: 'string' } } as const;

interface Run {
	seconds: number;
	rows: number;
	peakMemoryMB: number;
}

async function child(mode: 'product' | 'bare', file: string, db: string): Promise<Run> {
	const t0 = performance.now();
	let rows: number;
	if (mode === 'product') {
		rows = (await importFile(file, { kind: 'claims', dbPath: db })).rowsLoaded;
	} else {
		const instance = await DuckDBInstance.create(db, { threads: String(process.env.CLAIMLENS_THREADS ?? 2) });
		const conn = await instance.connect();
		await conn.run(`CREATE TABLE claim_lines AS SELECT * FROM read_csv($file)`, { file });
		rows = Number((await conn.runAndReadAll('SELECT count(*)::BIGINT AS n FROM claim_lines')).getRowObjectsJS()[0]?.n);
		conn.closeSync();
		instance.closeSync();
	}
	return { seconds: (performance.now() - t0) / 1000, rows, peakMemoryMB: process.resourceUsage().maxRSS / 1024 };
}

function runChild(mode: 'product' | 'bare', file: string, db: string): Run {
	rmSync(db, { force: true });
	rmSync(`${db}.wal`, { force: true });
	const out = execFileSync(process.execPath, [resolve(appRoot(), 'bin', 'claimlens.js'), 'bench', '--mode', mode, '--file', file, '--db', db], {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 1 << 20
	});
	return JSON.parse(out) as Run;
}

export async function benchCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, spec, Flags);
	if (flags.mode && flags.file && flags.db) return printJson(await child(flags.mode, flags.file, flags.db));
	const dir = resolve(appRoot(), 'data', 'bench', `lines-${flags.lines}`);
	mkdirSync(dir, { recursive: true });
	const file = resolve(dir, 'demo_claims.csv');
	// demo_planted.json is written last: its presence means an earlier generation completed
	if (!existsSync(resolve(dir, 'demo_planted.json'))) {
		info(`generating ${fmtInt(flags.lines)} synthetic claim lines in ${dir}`);
		await generateDemo({ outDir: dir, lines: flags.lines });
	}
	const sizeMB = statSync(file).size / 1024 ** 2;
	info(`file: ${file} (${sizeMB.toFixed(0)} MB)`);
	const product = runChild('product', file, resolve(dir, 'product.duckdb'));
	const bare = runChild('bare', file, resolve(dir, 'bare.duckdb'));
	const ratio = product.seconds / bare.seconds;
	const result = { lines: flags.lines, fileMB: Math.round(sizeMB), product, bare, ratio: Number(ratio.toFixed(2)), target: 'product <= 1.5 x bare' };
	if (flags.json) return printJson(result);
	const row = (name: string, r: Run) =>
		`${name.padEnd(30)} ${r.seconds.toFixed(1).padStart(7)} s  ${fmtInt(r.rows / r.seconds).padStart(10)} rows/s  peak ${fmtInt(r.peakMemoryMB).padStart(6)} MB`;
	process.stdout.write(
		[
			`import of ${fmtInt(flags.lines)} claim lines (${sizeMB.toFixed(0)} MB CSV), 2 threads`,
			row('ClaimLens import (validated)', product),
			row('bare DuckDB read_csv CTAS', bare),
			`ratio ${ratio.toFixed(2)} (target <= 1.5)`
		].join('\n') + '\n'
	);
}
