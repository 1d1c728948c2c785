// On the synthetic demo audits (default size and seed, docs/demo-data.md "demo_audits.csv"):
// the coders planted with low accuracy (demo_planted.json `coders`, planted "low": DEMO-K04 84%,
// DEMO-K09 87%) come out below target, i.e. even their Wilson upper bound is under 95%; every
// other coder (94.5-99.2% planted) does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/lib/server/demo/generate-demo.ts';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { accuracyBy, getAccuracyOverview } from '../../src/lib/server/accuracy/get-accuracy.ts';
import { tempDb } from '../helpers/temp-db.ts';

interface Planted {
	coders: { coder_id: string; target_accuracy: number; planted: 'low' | 'normal' }[];
}

describe('coder accuracy on the demo audits', () => {
	const db = tempDb();
	let planted: Planted;
	afterAll(() => db.cleanup());
	beforeAll(async () => {
		// only the audit worksheet is needed: generate the demo, import demo_audits.csv alone
		const demo = await generateDemo({ outDir: join(db.dir, 'demo') });
		await importFile(demo.auditsPath, { kind: 'audits', dbPath: db.path });
		planted = JSON.parse(readFileSync(demo.plantedPath, 'utf8')) as Planted;
	}, 120_000);

	it('flags exactly the planted low coders as below target', async () => {
		const coders = await accuracyBy('coder', {}, db.path);
		const low = planted.coders.filter((c) => c.planted === 'low').map((c) => c.coder_id).sort();
		expect(low).toEqual(['DEMO-K04', 'DEMO-K09']);
		expect(coders.map((c) => c.group).sort()).toEqual(planted.coders.map((c) => c.coder_id).sort());
		expect(coders.filter((c) => c.below_target).map((c) => c.group).sort()).toEqual(low);
		for (const c of coders) {
			const target = planted.coders.find((p) => p.coder_id === c.group)?.target_accuracy ?? 0;
			expect(c.audited_lines, c.group).toBeGreaterThan(150);
			// the planted rate lies inside the 95% interval (a 1-in-20 miss per coder is possible in
			// principle; with this seed none misses, so a failure here means the counting changed)
			expect(c.line_accuracy_low, c.group).toBeLessThanOrEqual(target);
			expect(c.line_accuracy_high, c.group).toBeGreaterThanOrEqual(target);
		}
	});

	it('every error class occurs, and E/M level changes count as up/down-coding', async () => {
		const { overall } = await getAccuracyOverview({}, db.path);
		const all = overall.errors;
		for (const cls of ['upcoded', 'downcoded', 'wrong_code', 'added_by_auditor', 'not_supported', 'modifier_error', 'units_error']) {
			expect(all[cls as keyof typeof all], cls).toBeGreaterThan(0);
		}
		// planted weights: upcoded 28%, downcoded 14% of wrong lines
		expect(all.upcoded).toBeGreaterThan(all.downcoded);
	});
});
