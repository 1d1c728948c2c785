// Generates the synthetic demo dataset (see docs/demo-data.md) and loads it through the same
// import path as any user file, so the demo exercises the real importer.
import { resolve } from 'node:path';
import { appRoot, defaultDbPath, withConnection } from '../db/database.ts';
import { generateDemo } from '../demo/generate-demo.ts';
import { importFile, type ImportProgress, type ImportResult } from './import-file.ts';

export interface LoadDemoOptions {
	dbPath?: string;
	lines?: number;
	seed?: number;
	outDir?: string;
	onGenerate?: (written: number, total: number) => void;
	onImport?: (file: string, p: ImportProgress) => void;
}

export async function databaseIsEmpty(dbPath = defaultDbPath()): Promise<boolean> {
	return withConnection(async (conn) => {
		const r = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM imports WHERE status = 'succeeded'`);
		return Number(r.getRowObjectsJS()[0]?.n ?? 0) === 0;
	}, dbPath);
}

export async function loadDemo(opts: LoadDemoOptions = {}): Promise<{ claims: ImportResult; audits: ImportResult }> {
	const outDir = opts.outDir ?? resolve(appRoot(), 'data', 'demo');
	const demo = await generateDemo({ outDir, lines: opts.lines, seed: opts.seed, onProgress: opts.onGenerate });
	const dbPath = opts.dbPath ?? defaultDbPath();
	const claims = await importFile(demo.claimsPath, { kind: 'claims', dbPath, onProgress: (p) => opts.onImport?.('demo_claims.csv', p) });
	const audits = await importFile(demo.auditsPath, { kind: 'audits', dbPath, onProgress: (p) => opts.onImport?.('demo_audits.csv', p) });
	return { claims, audits };
}
