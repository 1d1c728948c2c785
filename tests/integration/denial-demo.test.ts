// On the synthetic demo data (100,000 lines, default seed): the planted denial spike
// (demo_planted.json "denialSpike": Acme Health Plan x Dermatology, 2025-03..2025-05, 28% of
// claims denied whole for authorization, docs/demo-data.md) shows in the monthly trend, and
// nothing else moves. Seen at this size: Acme x Dermatology ~34-35% of lines denied in the spike
// months against 5-14% in the others.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/lib/server/ingest/load-demo.ts';
import { getDenialsPage } from '../../src/lib/server/denials/get-denials.ts';
import type { TrendRow } from '../../src/lib/schemas/denials.ts';
import { tempDb } from '../helpers/temp-db.ts';

interface Spike {
	payer: string;
	specialty: string;
	months: string[];
}

const rate = (rows: TrendRow[]) => rows.reduce((s, r) => s + r.denied_lines, 0) / rows.reduce((s, r) => s + r.lines, 0);

describe('the planted denial spike in the demo data', () => {
	const db = tempDb();
	let spike: Spike;
	afterAll(() => db.cleanup());
	beforeAll(async () => {
		await loadDemo({ dbPath: db.path, outDir: join(db.dir, 'demo'), lines: 100_000 });
		spike = (JSON.parse(readFileSync(join(db.dir, 'demo', 'demo_planted.json'), 'utf8')) as { denialSpike: Spike }).denialSpike;
	}, 120_000);

	it('the answer key is the documented spike', () => {
		expect(spike).toEqual({ payer: 'Acme Health Plan', specialty: 'Dermatology', months: ['2025-03', '2025-04', '2025-05'] });
	});

	it('the payer\'s trend for the specialty jumps in exactly the spike months', async () => {
		const { trend } = await getDenialsPage({ payer: spike.payer }, db.path);
		const derm = trend.filter((t) => t.specialty === spike.specialty);
		expect(derm).toHaveLength(18);
		const inSpike = derm.filter((t) => spike.months.includes(t.month));
		const outside = derm.filter((t) => !spike.months.includes(t.month));
		for (const m of inSpike) expect(m.denied_lines / m.lines, m.month).toBeGreaterThan(0.25);
		for (const m of outside) expect(m.denied_lines / m.lines, m.month).toBeLessThan(0.2);
		expect(rate(inSpike)).toBeGreaterThan(3 * rate(outside));
		// the claim rate shows it too
		for (const m of inSpike) expect(m.denied_claims / m.claims).toBeGreaterThan(0.25);
	});

	it('with every payer, the specialty\'s three highest months are the spike months, and no other specialty moves', async () => {
		const { trend } = await getDenialsPage({}, db.path);
		const derm = trend.filter((t) => t.specialty === spike.specialty).sort((a, b) => b.denied_lines / b.lines - a.denied_lines / a.lines);
		expect(derm.slice(0, 3).map((t) => t.month).sort()).toEqual(spike.months);
		for (const specialty of new Set(trend.map((t) => t.specialty))) {
			if (specialty === spike.specialty) continue;
			const rows = trend.filter((t) => t.specialty === specialty);
			const during = rate(rows.filter((t) => spike.months.includes(t.month)));
			expect(Math.abs(during - rate(rows)), specialty).toBeLessThan(0.03);
		}
	});

	it('the heat map puts the payer\'s authorization denials on top, and excluding authorization removes the spike', async () => {
		const { heat } = await getDenialsPage({}, db.path);
		const auth = heat.filter((h) => h.category === 'authorization').sort((a, b) => b.denied_lines / b.lines - a.denied_lines / a.lines);
		expect(auth[0]?.payer).toBe(spike.payer);
		const { trend } = await getDenialsPage({ payer: spike.payer, exclude: ['authorization'] }, db.path);
		const derm = trend.filter((t) => t.specialty === spike.specialty);
		for (const m of derm) expect(m.denied_lines / m.lines, m.month).toBeLessThan(0.2);
	});
});
