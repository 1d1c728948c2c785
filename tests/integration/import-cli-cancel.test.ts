// Ctrl-C during `claimlens import`: SIGINT aborts the import through its AbortSignal, DuckDB is
// interrupted, the transaction rolls back, the log says 'cancelled' (not 'interrupted'), the
// cancel is in the audit trail and the command exits non-zero after the rollback.
import { execFileSync, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

it('Ctrl-C cancels the import: rolled back, logged cancelled, audited, exit 1', async () => {
	const cli = (args: string[]) => execFileSync(process.execPath, ['bin/claimlens.js', ...args, '--db', db.path], { stdio: 'pipe' });
	cli(['import', join('tests', 'fixtures', 'claims_small.csv')]);
	const header = 'Claim ID,Line,Patient ID,Rendering NPI,Provider Name,Specialty,Payer,POS,DOS,CPT/HCPCS,Mod 1,Mod 2,Units,Minutes,Diagnoses,Billed Amount,Allowed,Paid,Status,Denial Codes,Coder';
	const rows = [header];
	for (let i = 0; i < 300_000; i++) rows.push(`K${i},1,P1,1234567893,"Doe, Jane",Internal Medicine,Medicare,11,2025-01-15,99215,,,1,,E11.9,250.00,184.00,147.20,paid,,K1`);
	const big = join(db.dir, 'big.csv');
	writeFileSync(big, `${rows.join('\n')}\n`);

	const child = spawn(process.execPath, ['bin/claimlens.js', 'import', big, '--db', db.path], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	// Ctrl-C as soon as the import reports reading ("reading the file…" or a percentage), i.e. while DuckDB reads
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`no progress seen within 60 s: ${stderr}`)), 60_000);
		child.stderr?.on('data', (chunk: Buffer) => {
			const seen = stderr;
			stderr += chunk.toString();
			const reading = /reading the file|%/;
			if (!reading.test(seen) && reading.test(stderr)) {
				clearTimeout(timer);
				child.kill('SIGINT');
				resolve();
			}
		});
	});
	const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
	expect(child.signalCode).toBeNull();
	expect(code).toBe(1);
	expect(stderr).toContain('claimlens: big.csv: import cancelled (Ctrl-C (SIGINT)); nothing was kept');

	const log = await db.query('SELECT file_name, status, rows_loaded, message FROM imports ORDER BY import_id');
	expect(log).toEqual([
		{ file_name: 'claims_small.csv', status: 'succeeded', rows_loaded: 5, message: '0 rows rejected' },
		{ file_name: 'big.csv', status: 'cancelled', rows_loaded: 0, message: 'cancelled (Ctrl-C (SIGINT)); nothing was kept' }
	]);
	expect((await db.query('SELECT count(*)::INTEGER AS n FROM claim_lines'))[0]?.n).toBe(5);
	const audit = await db.query(`SELECT action, target, details FROM audit_log WHERE action = 'import_cancel'`);
	expect(audit).toEqual([{ action: 'import_cancel', target: big, details: JSON.stringify({ reason: 'Ctrl-C (SIGINT)' }) }]);
}, 120_000);
