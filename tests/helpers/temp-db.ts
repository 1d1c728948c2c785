// A fresh database file per test file, removed afterwards.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, withConnection } from '../../src/lib/server/db/database.ts';
import { normalizeRows, type Row } from '../../src/lib/server/db/normalize.ts';

export function tempDb() {
	const dir = mkdtempSync(join(tmpdir(), 'claimlens-test-'));
	const path = join(dir, 'test.duckdb');
	return {
		path,
		dir,
		query: (sql: string, params: Record<string, string | number> = {}): Promise<Row[]> =>
			withConnection(async (c) => normalizeRows(await c.runAndReadAll(sql, params)), path),
		cleanup: () => {
			closeDatabase(path);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

export const sharedFixtures = join(process.cwd(), '..', 'shared', 'fixtures');

/**
 * A folder of ../shared/fixtures, or null when it is absent: tests then skip with a message,
 * except in CI (CI=true), where a missing fixture folder fails the run.
 */
export function fixtureFolder(...parts: string[]): string | null {
	const dir = join(sharedFixtures, ...parts);
	if (existsSync(dir)) return dir;
	if (process.env.CI === 'true') throw new Error(`fixture folder ${dir} is missing (CI has ../shared beside the checkout)`);
	console.warn(`skipping: fixture folder ${dir} is absent`);
	return null;
}
