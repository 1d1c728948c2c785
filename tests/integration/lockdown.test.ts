// What the locked-down server's DuckDB may touch, and what start-up sweeps away (security
// issue 15: allowed directories were all of /tmp and the database's whole directory; uploads
// and decoded copies left by a crash hold PHI).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowedDirectories, lockDownDatabase } from '../../src/lib/server/db/lockdown.ts';
import { appRoot } from '../../src/lib/server/db/database.ts';
import { removeLeftoverUploads } from '../../src/lib/server/ingest/upload.ts';
import { tempDirFor } from '../../src/lib/server/ingest/transcode.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

describe('DuckDB lockdown', () => {
	it('allows the data directory, the database temp directory and its sampling exports: not /tmp, not the database directory', () => {
		const dir = dirname(resolve(db.path));
		expect(allowedDirectories(db.path)).toEqual([resolve(appRoot(), 'data'), join(dir, 'tmp'), join(dir, 'sampling-exports')]);
		expect(allowedDirectories(db.path)).not.toContain(tmpdir());
		expect(allowedDirectories(db.path)).not.toContain(dir);
	});

	it('refuses to read a file in /tmp or beside the database after the lock, and reads one in its temp directory', async () => {
		const outside = mkdtempSync(join(tmpdir(), 'claimlens-outside-'));
		writeFileSync(join(outside, 'x.csv'), 'a\n1\n');
		writeFileSync(join(db.dir, 'beside.csv'), 'a\n2\n');
		mkdirSync(tempDirFor(db.path), { recursive: true });
		writeFileSync(join(tempDirFor(db.path), 'inside.csv'), 'a\n3\n');
		try {
			await lockDownDatabase(db.path);
			await expect(db.query(`SELECT * FROM read_csv('${join(outside, 'x.csv')}')`)).rejects.toThrow(/Permission Error|not allowed|allowed_directories/i);
			await expect(db.query(`SELECT * FROM read_csv('${join(db.dir, 'beside.csv')}')`)).rejects.toThrow(/Permission Error|not allowed|allowed_directories/i);
			expect(await db.query(`SELECT a FROM read_csv('${join(tempDirFor(db.path), 'inside.csv')}')`)).toEqual([{ a: 3 }]);
			await expect(db.query(`SET allowed_directories = ['/']`)).rejects.toThrow(/lock|configuration/i);
		} finally {
			rmSync(outside, { recursive: true, force: true });
		}
	});
});

describe('start-up sweep', () => {
	it('removes every upload and decoded copy a crash left, and nothing else', () => {
		const root = mkdtempSync(join(tmpdir(), 'claimlens-root-'));
		const before = process.env.CLAIMLENS_ROOT;
		process.env.CLAIMLENS_ROOT = root;
		try {
			const dbPath = join(root, 'data', 'x.duckdb');
			mkdirSync(join(root, 'data', 'uploads'), { recursive: true });
			mkdirSync(join(root, 'data', 'tmp', 'sub'), { recursive: true });
			writeFileSync(join(root, 'data', 'uploads', 'a.csv'), 'x');
			writeFileSync(join(root, 'data', 'uploads', 'b.835'), 'x');
			writeFileSync(join(root, 'data', 'tmp', 'c.csv'), 'x');
			writeFileSync(join(root, 'data', 'keep.csv'), 'x');
			// 2 uploads + the decoded copy + the folder under tmp
			expect(removeLeftoverUploads(dbPath)).toBe(4);
			expect(readdirSync(join(root, 'data', 'uploads'))).toEqual([]);
			expect(readdirSync(join(root, 'data', 'tmp'))).toEqual([]);
			expect(readdirSync(join(root, 'data')).sort()).toEqual(['keep.csv', 'tmp', 'uploads']);
		} finally {
			if (before === undefined) delete process.env.CLAIMLENS_ROOT;
			else process.env.CLAIMLENS_ROOT = before;
			rmSync(root, { recursive: true, force: true });
		}
	});
});
