// On the synthetic demo data (default size and seed): every planted pattern is flagged and the
// planted low-volume decoys are not. demo_planted.json is the answer key.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/lib/server/ingest/load-demo.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { tempDb } from '../helpers/temp-db.ts';

interface Planted {
	rules: Record<string, { npi: string; name: string }[]>;
	decoys: { npi: string; rule_id: string }[];
}

describe('risk flags on the demo dataset', () => {
	const db = tempDb();
	let planted: Planted;
	afterAll(() => db.cleanup());
	beforeAll(async () => {
		await loadDemo({ dbPath: db.path, outDir: join(db.dir, 'demo') });
		planted = JSON.parse(readFileSync(join(db.dir, 'demo', 'demo_planted.json'), 'utf8')) as Planted;
	}, 120_000);

	it('flags every planted provider under its rule', async () => {
		const { filtered } = await listFlags({}, db.path);
		const flagged = new Set(filtered.map((r) => `${r.rule_id}|${r.provider_npi}`));
		const expected = Object.entries(planted.rules).flatMap(([rule, list]) => list.map((p) => `${rule}|${p.npi}`));
		expect(expected.length).toBeGreaterThanOrEqual(14);
		expect(expected.filter((k) => !flagged.has(k))).toEqual([]);
	});

	it('does not flag the low-volume decoys, and says why', async () => {
		const { rows } = await listFlags({ all: true }, db.path);
		expect(planted.decoys.length).toBeGreaterThanOrEqual(2);
		for (const d of planted.decoys) {
			const row = rows.find((r) => r.rule_id === d.rule_id && r.provider_npi === d.npi);
			expect(row, `decoy ${d.npi} evaluated`).toBeDefined();
			expect(row?.flagged).toBe(false);
			expect(row?.rate).toBeGreaterThan((row?.peer_rate ?? 1) * 2); // extreme rate...
			expect(row?.reasons.join(' ')).toMatch(/below the minimum 30/); // ...but too little volume
		}
	});

	it('evaluates every rule of the domain catalog', async () => {
		const { rules } = await listFlags({}, db.path);
		const evaluated = rules.filter((r) => r.evaluated).map((r) => r.rule_id);
		expect(evaluated).toEqual(expect.arrayContaining([
			'em_established_level5', 'em_new_level5', 'ed_level5', 'psychotherapy_60min', 'venipuncture_physician_skill',
			'critical_care_share', 'modifier_25_em', 'modifier_59_family', 'mohs_additional_stages',
			'critical_care_bundled_draw', 'impossible_day', 'duplicate_line'
		]));
		expect(rules.filter((r) => !r.evaluated).map((r) => r.rule_id).sort()).toEqual(['excluded_provider', 'mue_exceeded', 'ncci_ptp_pair']);
	});
});
