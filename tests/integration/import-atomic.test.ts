// One file's import is one transaction: when a step after the row insert fails, the claim
// lines it inserted are rolled back and the import log records the failure.
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { readQuery } from '../../src/lib/server/db/query-files.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

it('rolls back a failed import and keeps earlier data', async () => {
	await importFile(join('tests', 'fixtures', 'claims_small.csv'), { dbPath: db.path });
	// sabotage the roll-up step that runs after the claim lines are inserted
	await db.query('DROP TABLE provider_services');
	await expect(importFile(join('tests', 'fixtures', 'claims_broken.csv'), { dbPath: db.path })).rejects.toThrow(/claims_broken\.csv: import failed and nothing was kept/);
	expect((await db.query('SELECT count(*)::INTEGER AS n FROM claim_lines'))[0]?.n).toBe(5);
	expect((await db.query('SELECT count(*)::INTEGER AS n FROM import_rejects'))[0]?.n).toBe(0);
	const log = await db.query('SELECT file_name, status FROM imports ORDER BY import_id');
	expect(log).toEqual([
		{ file_name: 'claims_small.csv', status: 'succeeded' },
		{ file_name: 'claims_broken.csv', status: 'failed' }
	]);
	await db.query(readQuery('schema'));
});
