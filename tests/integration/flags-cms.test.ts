// Real public data: mohs_additional_stages on the CMS 2013 Mohs file, checked against an
// independent SQL computation over the raw file. Skips when ../shared/fixtures is absent.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/lib/server/ingest/import-file.ts';
import { listFlags } from '../../src/lib/server/rules/evaluate.ts';
import { sharedFixtures, tempDb } from '../helpers/temp-db.ts';

const mohs2013 = join(sharedFixtures, 'cms', 'mohs_2013.csv');
if (!existsSync(mohs2013)) console.warn(`skipping CMS Mohs rule test: ${mohs2013} is absent`);

describe.skipIf(!existsSync(mohs2013))('mohs_additional_stages on CMS 2013 data', () => {
	const db = tempDb();
	afterAll(() => db.cleanup());

	it('matches an independent computation of x, n, rate, peer rate and percentile', async () => {
		await importFile(mohs2013, { dbPath: db.path });
		const { rows, source } = await listFlags({ rule: 'mohs_additional_stages', all: true }, db.path);
		expect(source).toBe('cms');
		const expected = await db.query(
			`WITH raw AS (SELECT Rndrng_NPI::VARCHAR AS npi, Rndrng_Prvdr_Type AS specialty, HCPCS_Cd::VARCHAR AS code, Tot_Srvcs AS s
				FROM read_csv($p, header = true) WHERE HCPCS_Cd::VARCHAR IN ('17311', '17312', '17313', '17314')),
			prov AS (SELECT npi, specialty, sum(s) FILTER (WHERE code IN ('17312', '17314')) AS x, sum(s) AS n FROM raw GROUP BY ALL),
			grp AS (SELECT specialty, sum(coalesce(x, 0)) AS sx, sum(n) AS sn, count(*) AS k FROM prov GROUP BY specialty)
			-- leave-one-out for groups under 20 providers and for a provider with >= 10% of its group's services
			SELECT npi, specialty, coalesce(x, 0)::DOUBLE AS x, n::DOUBLE AS n, coalesce(x, 0) / n AS rate,
				CASE WHEN k < 20 OR n >= 0.1 * sn THEN (sx - coalesce(x, 0)) / nullif(sn - n, 0) ELSE sx / sn END AS p0,
				(SELECT count(*) FROM prov q WHERE q.specialty = prov.specialty AND coalesce(q.x, 0) / q.n <= coalesce(prov.x, 0) / prov.n)::DOUBLE
					/ (SELECT count(*) FROM prov q WHERE q.specialty = prov.specialty) AS pct
			FROM prov JOIN grp USING (specialty) ORDER BY npi, specialty`,
			{ p: mohs2013 }
		);
		expect(expected.length).toBeGreaterThan(2000);
		expect(rows).toHaveLength(expected.length);
		const byKey = new Map(rows.map((r) => [`${r.provider_npi}|${r.specialty}`, r]));
		for (const e of expected) {
			const r = byKey.get(`${e.npi}|${e.specialty}`);
			expect(r, `${e.npi}`).toBeDefined();
			expect(r?.numerator).toBeCloseTo(e.x as number, 6);
			expect(r?.denominator).toBeCloseTo(e.n as number, 6);
			expect(r?.rate).toBeCloseTo(e.rate as number, 10);
			if (e.p0 === null) expect(r?.peer_rate).toBeNull();
			else expect(r?.peer_rate).toBeCloseTo(e.p0 as number, 10);
			expect(r?.percentile).toBeCloseTo(e.pct as number, 10);
		}
		// high-side flags obey the three conditions: above their own funnel limit (and so z above
		// 3.09); low-side flags the mirror ones: z under -3.09, percentile at most 10%
		for (const r of rows.filter((x) => x.flagged && x.direction === 'low')) {
			expect(r.z as number).toBeLessThan(-3.09);
			expect(r.percentile as number).toBeLessThanOrEqual(0.1);
			expect(r.denominator as number).toBeGreaterThanOrEqual(30);
		}
		for (const r of rows.filter((x) => x.flagged && x.direction === 'high')) {
			expect(r.rate as number).toBeGreaterThan(r.upper_limit as number);
			expect(r.z as number).toBeGreaterThan(3.09);
			expect(r.percentile as number).toBeGreaterThanOrEqual(0.9);
			expect(r.denominator as number).toBeGreaterThanOrEqual(30);
		}
		expect(rows.some((r) => r.flagged)).toBe(true);
	});
});
