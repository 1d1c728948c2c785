// After an import, the default Risk flags, Overview and Denials answers are computed before
// anyone asks (issue 17 item 5), into the process-wide caches the pages read.
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { warmCaches, warmSteps } from '../../src/lib/server/warm.ts';
import { processMap } from '../../src/lib/server/db/process-cache.ts';
import { tempDb } from '../helpers/temp-db.ts';

const db = tempDb();
afterAll(() => db.cleanup());

const keysFor = (name: string) => [...processMap<string, unknown>(name).keys()].filter((k) => k.startsWith(`${resolve(db.path)}|`) || k.startsWith(`${db.path}|`));

describe('warming the page caches', () => {
	it('computes the default flags, overview and denials once, in this order, and the pages then read them', async () => {
		await importFile(join('tests', 'fixtures', 'claims_small.csv'), { dbPath: db.path });
		expect(keysFor('rule-evaluations')).toEqual([]);
		const steps: string[] = [];
		await warmCaches(db.path, (s) => steps.push(s));
		expect(steps).toEqual([...warmSteps]);
		expect(steps).toEqual(['computing risk flags', 'charting the quarterly history', 'summarising the overview', 'summarising denials']);
		expect(keysFor('rule-evaluations')).toHaveLength(1);
		// one quarterly evaluation per peer rule (9 in the catalog), the overview and denials
		const named = keysFor('data-version').map((k) => k.split('|')[2]);
		expect([...new Set(named)].sort()).toEqual(['denials-page', 'overview', 'rule-quarters']);
		expect(named.filter((n) => n === 'rule-quarters')).toHaveLength(9);
		// a page's request for the same answer is the cached promise, not a new evaluation
		const cached = processMap<string, Promise<unknown>>('rule-evaluations').get(keysFor('rule-evaluations')[0] as string);
		const { evaluateRules } = await import('../../src/lib/server/rules/evaluate.ts');
		const again = evaluateRules({ dbPath: db.path });
		expect(await again).toBe(await cached);
	});
});
