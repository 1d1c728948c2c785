// Risk flags on data small enough to count by hand.
// Peer fixture (written below): one specialty, established visits 99211-99215.
//   10 ordinary providers: 100 visits each, 15 of them 99215 (15%).
//   1 outlier: 100 visits, 60 x 99215 (60%).            -> must be flagged
//   1 low-volume decoy: 10 visits, 8 x 99215 (80%).       -> must NOT be flagged (volume < 30)
//   pooled peer rate p0 = (10*15 + 60 + 8) / (1000 + 100 + 10) = 218 / 1110.
// Line fixture tests/fixtures/line_rules.csv: see the comments on each expectation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { getDrilldown, getFlagLines } from '../../src/lib/server/rules/drilldown.ts';
import { tempDb } from '../helpers/temp-db.ts';
import { fixtureNpi, writePeerFixture } from '../helpers/peer-fixture.ts';

const npi = fixtureNpi;

const peerFixture = writePeerFixture;

const db = tempDb();
afterAll(() => db.cleanup());

describe('peer-comparison rule on a hand-counted fixture', () => {
	beforeAll(async () => {
		const path = join(db.dir, 'peers.csv');
		peerFixture(path);
		expect((await importFile(path, { dbPath: db.path })).rowsLoaded).toBe(1110);
	});

	it('flags exactly the outlier, not the low-volume decoy', async () => {
		const { filtered } = await listFlags({ rule: 'em_established_level5' }, db.path);
		expect(filtered.map((r) => r.provider_npi)).toEqual([npi(11)]);
	});

	it('reports the statistics of domain.md', async () => {
		const { filtered } = await listFlags({ rule: 'em_established_level5', all: true }, db.path);
		expect(filtered).toHaveLength(12);
		const out = filtered.find((r) => r.provider_npi === npi(11));
		// leave-one-out (12 providers, under the rule's loo_below of 20): the others' rate,
		// (218 - 60) / (1,110 - 100) = 158 / 1,010, not the pooled 218 / 1,110
		const p0 = 158 / 1010;
		expect(out).toMatchObject({ numerator: 60, denominator: 100, rate: 0.6, peer_count: 12, flagged: true, kind: 'peer' });
		expect(out?.peer_rate).toBeCloseTo(p0, 12);
		expect(out?.peer_median).toBeCloseTo(0.15, 12); // 10 of 12 rates are 15%
		expect(out?.percentile).toBeCloseTo(11 / 12, 12); // 11 of 12 rates at or below 60%
		expect(out?.excess_services).toBeCloseTo(60 - 100 * p0, 10);
		// dollars = excess x (mean allowed of 99215 - mean allowed of 99214) = excess x 53
		expect(out?.dollars_at_risk).toBeCloseTo((60 - 100 * p0) * 53, 1);
		expect(out?.phi).toBeGreaterThan(1); // the outlier and decoy make the group over-dispersed
		// SciPy: norm.isf((binom.sf(59,100,p0) + binom.sf(60,100,p0)) / 2) = 10.053301310794563, over sqrt(phi)
		expect(out?.z).toBeCloseTo(10.053301310794563 / Math.sqrt(out?.phi as number), 6);
		expect(out?.upper_limit).toBeLessThan(0.6);
		expect(out?.reasons).toContain('peer rate 15.6% of the other 11 providers (leave-one-out: groups under 20)');

		const decoy = filtered.find((r) => r.provider_npi === npi(12));
		expect(decoy).toMatchObject({ numerator: 8, denominator: 10, flagged: false, severity: 'none', percentile: 1 });
		expect(decoy?.reasons).toContain('volume 10 below the minimum 30');
		const ordinary = filtered.find((r) => r.provider_npi === npi(1));
		expect(ordinary).toMatchObject({ rate: 0.15, flagged: false });
	});

	it('gives no flags in a peer group smaller than five providers', async () => {
		const small = tempDb();
		try {
			const path = join(small.dir, 'few.csv');
			peerFixture(path);
			const kept = (await import('node:fs')).readFileSync(path, 'utf8').split('\n').filter((l, i) => i === 0 || l.includes(`,${npi(1)},`) || l.includes(`,${npi(2)},`) || l.includes(`,${npi(11)},`));
			writeFileSync(path, kept.join('\n') + '\n');
			await importFile(path, { dbPath: small.path });
			const { filtered, rules } = await listFlags({ rule: 'em_established_level5', all: true }, small.path);
			expect(filtered.every((r) => !r.flagged)).toBe(true);
			expect(rules.find((r) => r.rule_id === 'em_established_level5')?.small_peer_groups).toEqual(['Internal Medicine']);
		} finally {
			small.cleanup();
		}
	});

	it('drill-down: code distribution, funnel peers and the numerator lines', async () => {
		const d = await getDrilldown({ npi: npi(11), ruleId: 'em_established_level5', dbPath: db.path });
		expect(d.codeDistribution.map((c) => [c.procedure_code, c.provider_services, c.peer_services])).toEqual([
			['99214', 40, 892], // 10*85 + 40 + 2
			['99215', 60, 218]
		]);
		expect(d.peers).toHaveLength(12);
		expect(d.monthly).toHaveLength(12);
		const page1 = await getFlagLines({ npi: npi(11), ruleId: 'em_established_level5', page: 1, pageSize: 25 }, db.path);
		expect(page1.total).toBe(60);
		expect(page1.rows).toHaveLength(25);
		const page3 = await getFlagLines({ npi: npi(11), ruleId: 'em_established_level5', page: 3, pageSize: 25 }, db.path);
		expect(page3.rows).toHaveLength(10);
		const march = await getFlagLines({ npi: npi(11), ruleId: 'em_established_level5', dateFrom: '2025-03-01', dateTo: '2025-03-31', page: 1, pageSize: 100 }, db.path);
		expect(march.total).toBe(5); // visits 2, 14, 26, 38, 50 fall in March
	});
});

describe('line-level rules on tests/fixtures/line_rules.csv', () => {
	const lines = tempDb();
	afterAll(() => lines.cleanup());
	beforeAll(async () => {
		expect((await importFile(join('tests', 'fixtures', 'line_rules.csv'), { dbPath: lines.path })).rowsLoaded).toBe(18);
	});

	it('finds exactly the planted findings', async () => {
		const { filtered } = await listFlags({}, lines.path);
		const line = filtered.filter((r) => r.kind === 'line').map((r) => [r.rule_id, r.provider_npi, r.findings, r.claim_ids, r.dollars_at_risk]);
		expect(line.sort()).toEqual([
			// CC1 line 2: 36415 with 99291, same patient and day. CC2 (no critical care) and CC4
			// (another provider) are not findings.
			['critical_care_bundled_draw', '1000000012', 1, ['CC1'], 3],
			// D2 repeats D1; D4 repeats D3 with modifiers in another order (denied: $0 at risk);
			// D5's two identical lines are on one claim, so not a duplicate across claims.
			['duplicate_line', '1000000046', 2, ['D2', 'D4'], 92],
			// 2025-03-03: 5 x 300 minutes = 1,500 > 1,440; each line's $157 x 60/1,500 = $6.28.
			// 2025-03-04: 53 + 38 minimum minutes = 91, fine.
			['impossible_day', '1000000038', 5, ['T1', 'T2', 'T3', 'T4', 'T5'], 31.4]
		]);
	});

	it('drill-down lists the finding lines with their detail', async () => {
		const r = await getFlagLines({ npi: '1000000038', ruleId: 'impossible_day', page: 1, pageSize: 50 }, lines.path);
		expect(r.total).toBe(5);
		expect(r.rows[0]).toMatchObject({ claim_id: 'T1', procedure_code: '90837', minutes: 300, detail: '1500 timed minutes on 2025-03-03' });
	});
});
