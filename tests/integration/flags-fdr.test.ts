// Multiplicity on the hand-counted peer fixture of flags.test.ts (12 internal-medicine
// providers, 99214/99215): every peer row carries p_value = 1 - Phi(z) and q_value =
// Benjamini-Hochberg over the evaluation's peer-rule tests, in listFlags, `claimlens flags --json`
// and both flag rules. Tests here: em_established_level5, 12 rows with a z (m = 12);
// modifier_25_em has 12 rows too, but no line carries modifier 25, so p0 = 0, no z, no test.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import type { FlagRow } from '../../src/lib/schemas/flags.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi, writePeerFixture } from '../helpers/peer-fixture.ts';

const npi = fixtureNpi;

// tests/helpers/peer-fixture.ts: 10 providers at 15/100, the outlier at 60/100, the decoy at 8/10
const peerFixture = writePeerFixture;

/** BH straight from its definition, independent of the implementation: for p_i, q_i = min over
 *  every p_j >= p_i of p_j · m / rank(p_j), rank = how many p are <= p_j; capped at 1. */
function bhByDefinition(p: number[]): number[] {
	const m = p.length;
	return p.map((pi) => Math.min(1, ...p.filter((pj) => pj >= pi).map((pj) => (pj * m) / p.filter((x) => x <= pj).length)));
}

const db = tempDb();
afterAll(() => db.cleanup());

beforeAll(async () => {
	const path = join(db.dir, 'peers.csv');
	peerFixture(path);
	expect((await importFile(path, { dbPath: db.path })).rowsLoaded).toBe(1110);
});

describe('p-values and Benjamini-Hochberg q-values', () => {
	it('every peer row has p = 1 - Phi(z) and q = BH over the 12 tests; rows without z have neither', async () => {
		const ev = await listFlags({ all: true }, db.path);
		const tested = ev.rows.filter((r) => r.kind === 'peer' && r.z !== null);
		expect(tested.map((r) => r.rule_id).every((id) => id === 'em_established_level5')).toBe(true);
		expect(tested).toHaveLength(12);
		expect(ev.multiplicity).toMatchObject({ flag_rule: 'z', q_threshold: 0.05, tests: 12 });
		expect(ev.multiplicity.expected_chance).toBeCloseTo(0.012, 12); // 12 x 0.001
		for (const r of tested) expect(r.p_value).toBeCloseTo(1 - normalCdf(r.z as number, 0, 1), 12);
		const expected = bhByDefinition(tested.map((r) => r.p_value as number));
		tested.forEach((r, i) => {
			expect(r.q_value).toBeCloseTo(expected[i] as number, 14);
			expect(r.q_value as number).toBeGreaterThanOrEqual(r.p_value as number);
		});
		// the ten identical ordinary providers tie: one p, one q
		const ordinary = tested.filter((r) => r.rate === 0.15);
		expect(ordinary).toHaveLength(10);
		expect(new Set(ordinary.map((r) => r.q_value)).size).toBe(1);
		// the outlier has the smallest p: q = min over j of p_(j)·12/j <= 12 p
		const out = tested.find((r) => r.provider_npi === npi(11)) as FlagRow;
		expect(out.q_value as number).toBeLessThanOrEqual(12 * (out.p_value as number) * (1 + 1e-12));
		const noZ = ev.rows.filter((r) => r.rule_id === 'modifier_25_em');
		expect(noZ).toHaveLength(12);
		for (const r of noZ) expect(r).toMatchObject({ z: null, p_value: null, q_value: null });
	});

	it('claimlens flags --json carries p_value and q_value on every peer row', () => {
		// the CLI is another process: its own database file, imported by the CLI
		const cliDb = join(db.dir, 'cli.duckdb');
		const cli = (args: string[]) => execFileSync(process.execPath, ['bin/claimlens.js', ...args, '--db', cliDb], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
		cli(['import', join(db.dir, 'peers.csv')]);
		const out = cli(['flags', '--all', '--json', '--rule', 'em_established_level5']);
		const rows = JSON.parse(out) as FlagRow[];
		expect(rows).toHaveLength(12);
		const p = rows.map((r) => r.p_value as number);
		const expected = bhByDefinition(p);
		rows.forEach((r, i) => {
			expect(r.p_value).toBeCloseTo(1 - normalCdf(r.z as number, 0, 1), 12);
			expect(r.q_value).toBeCloseTo(expected[i] as number, 14);
			expect(r.q_value as number).toBeGreaterThanOrEqual(r.p_value as number);
		});
	});
});

describe('the FDR flag rule', () => {
	it('flags on q <= 0.05 with the percentile and volume conditions kept', async () => {
		const z = await listFlags({ rule: 'em_established_level5', all: true }, db.path);
		const fdr = await listFlags({ rule: 'em_established_level5', all: true, flag_rule: 'fdr' }, db.path);
		expect(fdr.multiplicity.flag_rule).toBe('fdr');
		const outlier = fdr.filtered.find((r) => r.provider_npi === npi(11)) as FlagRow;
		expect(outlier.flagged).toBe(true);
		expect(outlier.q_value as number).toBeLessThanOrEqual(0.05);
		expect(outlier.reasons.some((s) => s.startsWith('q ') && s.includes('<= 0.05'))).toBe(true);
		// the decoy stays unflagged on volume whatever its q
		const decoy = fdr.filtered.find((r) => r.provider_npi === npi(12)) as FlagRow;
		expect(decoy.flagged).toBe(false);
		expect(decoy.reasons).toContain('volume 10 below the minimum 30');
		// same p and q under both rules; the default is the z rule, unchanged
		expect(fdr.filtered.map((r) => r.q_value).sort()).toEqual(z.filtered.map((r) => r.q_value).sort());
		expect(z.multiplicity.flag_rule).toBe('z');
		expect(z.filtered.filter((r) => r.flagged).map((r) => r.provider_npi)).toEqual([npi(11)]);
		expect(fdr.rules.find((r) => r.rule_id === 'em_established_level5')?.flagged).toBe(1);
	});
});
