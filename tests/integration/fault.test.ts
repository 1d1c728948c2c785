// Fault test (security.md): kill -9 the CLI in the middle of a large import, then open the
// database: it opens cleanly, earlier data is intact, the half-done import left no rows and is
// reported as failed.
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateDemo } from '../../src/lib/server/demo/generate-demo.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

it('survives kill -9 during an import', async () => {
	const cli = (args: string[]) => execFileSync(process.execPath, ['bin/claimlens.js', ...args, '--db', db.path], { stdio: 'pipe' });
	cli(['import', join('tests', 'fixtures', 'claims_small.csv')]);
	const big = await generateDemo({ outDir: join(db.dir, 'big'), lines: 1_000_000 });
	const child = spawn(process.execPath, ['bin/claimlens.js', 'import', big.claimsPath, '--db', db.path], { stdio: ['ignore', 'ignore', 'pipe'] });
	// kill as soon as the import reports progress, i.e. while DuckDB is reading the file
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('no progress seen within 60 s')), 60_000);
		child.stderr?.on('data', (chunk: Buffer) => {
			if (/%/.test(chunk.toString())) {
				clearTimeout(timer);
				child.kill('SIGKILL');
				resolve();
			}
		});
	});
	await new Promise((r) => child.on('exit', r));
	expect(child.signalCode).toBe('SIGKILL');

	const log = await db.query('SELECT file_name, status, message, rows_loaded FROM imports ORDER BY import_id');
	expect(log).toHaveLength(2);
	expect(log[0]).toMatchObject({ file_name: 'claims_small.csv', status: 'succeeded' });
	expect(log[1]).toMatchObject({ file_name: 'demo_claims.csv', status: 'failed', rows_loaded: null });
	expect(String(log[1]?.message)).toMatch(/interrupted/);
	expect((await db.query('SELECT count(*)::INTEGER AS n FROM claim_lines'))[0]?.n).toBe(5);
	expect((await db.query(`SELECT count(*)::INTEGER AS n FROM provider_services WHERE source = 'claims'`))[0]?.n).toBeGreaterThan(0);
}, 120_000);
