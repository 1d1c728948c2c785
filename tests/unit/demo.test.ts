// Seeded demo generator: file shapes, exact line count, byte-identical reruns, valid NPIs,
// and that every planted peer-comparison provider really bills above its specialty.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	AUDIT_HEADER, CLAIMS_HEADER, generateDemo, isValidNpi, npiCheckDigit, SPECIALTIES,
	type DemoResult, type PlantedFile
} from '../../src/lib/server/demo/generate-demo.ts';
import { apportion } from '../../src/lib/server/demo/prng.ts';
import { money } from '../../src/lib/server/demo/csv-out.ts';

const LINES = 20_000;

/** Minimal RFC 4180 field splitter for one record without embedded newlines. */
function splitCsv(line: string): string[] {
	const out: string[] = [];
	let cur = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const c = line[i];
		if (quoted) {
			if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
			else if (c === '"') quoted = false;
			else cur += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') out.push(cur), (cur = '');
		else cur += c;
	}
	out.push(cur);
	return out;
}

function rows(text: string): Record<string, string>[] {
	const lines = text.trimEnd().split('\n');
	const header = splitCsv(lines[0] ?? '');
	return lines.slice(1).map((l) => {
		const f = splitCsv(l);
		expect(f.length).toBe(header.length);
		return Object.fromEntries(header.map((h, i) => [h, f[i] ?? '']));
	});
}

const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex');
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => String(a + i));
const has = (mods: string, set: string[]) => mods.split(';').some((m) => set.includes(m));
const EM = new Set([...range(99202, 99205), ...range(99211, 99215), ...range(99281, 99285),
	...range(99221, 99223), ...range(99231, 99233), '99291', '99292']);
type Rule = { den: (code: string) => boolean; num: (code: string, mods: string) => boolean };
/** The peer-comparison catalog of domain.md (services = sum of units). */
const PEER_RULES: Record<string, Rule> = {
	em_established_level5: { den: (c) => range(99211, 99215).includes(c), num: (c) => c === '99215' },
	em_new_level5: { den: (c) => range(99202, 99205).includes(c), num: (c) => c === '99205' },
	ed_level5: { den: (c) => range(99281, 99285).includes(c), num: (c) => c === '99285' },
	psychotherapy_60min: { den: (c) => ['90832', '90834', '90837'].includes(c), num: (c) => c === '90837' },
	venipuncture_physician_skill: { den: (c) => c === '36410' || c === '36415', num: (c) => c === '36410' },
	critical_care_share: {
		den: (c) => ['99291', ...range(99221, 99223), ...range(99231, 99233), ...range(99281, 99285)].includes(c),
		num: (c) => c === '99291'
	},
	modifier_25_em: { den: (c) => EM.has(c), num: (_, m) => has(m, ['25']) },
	modifier_59_family: { den: (c) => /^[1-6]\d{4}$/.test(c), num: (_, m) => has(m, ['59', 'XE', 'XS', 'XP', 'XU']) },
	mohs_additional_stages: { den: (c) => range(17311, 17314).includes(c), num: (c) => c === '17312' || c === '17314' }
};

let dirA = '';
let dirB = '';
let dirC = '';
let result: DemoResult;
let claims: Record<string, string>[] = [];
let planted: PlantedFile;

beforeAll(async () => {
	dirA = await mkdtemp(join(tmpdir(), 'demo-a-'));
	dirB = await mkdtemp(join(tmpdir(), 'demo-b-'));
	dirC = await mkdtemp(join(tmpdir(), 'demo-c-'));
	result = await generateDemo({ outDir: dirA, lines: LINES, seed: 20251 });
	await generateDemo({ outDir: dirB, lines: LINES, seed: 20251 });
	await generateDemo({ outDir: dirC, lines: LINES, seed: 7 });
	claims = rows(await readFile(result.claimsPath, 'utf8'));
	planted = JSON.parse(await readFile(result.plantedPath, 'utf8')) as PlantedFile;
});

afterAll(async () => {
	for (const d of [dirA, dirB, dirC]) if (d) await rm(d, { recursive: true, force: true });
});

describe('npi check digit', () => {
	it('matches the CMS example 1234567893', () => {
		expect(npiCheckDigit('123456789')).toBe(3);
		expect(isValidNpi('1234567893')).toBe(true);
		expect(isValidNpi('1234567890')).toBe(false);
	});
});

describe('helpers', () => {
	it('apportion always sums to the total', () => {
		expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
		expect(apportion(500_000, [0.7, 1.3, 3, 0]).reduce((a, b) => a + b, 0)).toBe(500_000);
	});
	it('money formats integer cents', () => {
		expect([money(0), money(5), money(12345), money(100)]).toEqual(['0.00', '0.05', '123.45', '1.00']);
	});
});

describe('generateDemo', () => {
	it('writes the three files with exact headers and exactly `lines` claim lines', async () => {
		const claimText = await readFile(result.claimsPath, 'utf8');
		const auditText = await readFile(result.auditsPath, 'utf8');
		expect(claimText.slice(0, claimText.indexOf('\n'))).toBe(CLAIMS_HEADER);
		expect(auditText.slice(0, auditText.indexOf('\n'))).toBe(AUDIT_HEADER);
		expect(claims.length).toBe(LINES);
		expect(result.claimLines).toBe(LINES);
		expect(result.providers).toBe(200);
		expect(result.auditLines).toBeGreaterThanOrEqual(200);
		expect(auditText.trimEnd().split('\n').length - 1).toBe(result.auditLines);
		expect(planted.seed).toBe(20251);
		expect(planted.lines).toBe(LINES);
	});

	it('is byte-identical for the same seed and different for another seed', async () => {
		for (const f of ['demo_claims.csv', 'demo_audits.csv', 'demo_planted.json']) {
			expect(sha(await readFile(join(dirB, f)))).toBe(sha(await readFile(join(dirA, f))));
		}
		expect(sha(await readFile(join(dirC, 'demo_claims.csv')))).not.toBe(sha(await readFile(join(dirA, 'demo_claims.csv'))));
	});

	it('uses valid NPIs, the 7 specialties, quoted names and well-formed values', () => {
		expect(new Set(claims.map((r) => r.specialty))).toEqual(new Set(SPECIALTIES));
		const npis = new Set(claims.map((r) => r.rendering_npi ?? ''));
		expect(npis.size).toBe(200);
		for (const npi of npis) expect(isValidNpi(npi), npi).toBe(true);
		for (const r of claims) {
			expect(r.service_date! >= '2024-07-01' && r.service_date! <= '2025-12-31').toBe(true);
			expect(r.provider_name).toMatch(/^[A-Z][a-z]+, [A-Z][a-z]+$/);
			if (r.line_status === 'denied') expect(r.paid_amount).toBe('0.00');
			if (r.denial_codes) expect(['denied', 'partial']).toContain(r.line_status);
			expect(r.charge_amount).toMatch(/^\d+\.\d\d$/);
		}
		const denied = claims.filter((r) => r.line_status === 'denied').length / claims.length;
		expect(denied).toBeGreaterThan(0.07);
		expect(denied).toBeLessThan(0.13);
	});

	it('plants every rule for providers that appear in the claims', () => {
		const npis = new Set(claims.map((r) => r.rendering_npi));
		for (const id of [...Object.keys(PEER_RULES), 'critical_care_bundled_draw', 'impossible_day', 'duplicate_line']) {
			const list = planted.rules[id] ?? [];
			expect(list.length, id).toBeGreaterThan(0);
			for (const p of list) expect(npis.has(p.npi), `${id} ${p.npi}`).toBe(true);
		}
		expect(planted.decoys.length).toBeGreaterThanOrEqual(2);
		expect(planted.denialSpike).toEqual({ payer: 'Acme Health Plan', specialty: 'Dermatology', months: ['2025-03', '2025-04', '2025-05'] });
		expect(planted.coders.filter((c) => c.planted === 'low').length).toBe(2);
	});

	it('puts planted providers clearly above their specialty and keeps decoys under 30 services', () => {
		for (const [id, rule] of Object.entries(PEER_RULES)) {
			const per = new Map<string, { x: number; n: number }>();
			const pooled = new Map<string, { x: number; n: number }>();
			for (const r of claims) {
				const code = r.procedure_code ?? '';
				if (!rule.den(code)) continue;
				const u = Number(r.units);
				const hit = rule.num(code, r.modifiers ?? '') ? u : 0;
				for (const [map, key] of [[per, r.rendering_npi], [pooled, r.specialty]] as const) {
					const a = map.get(key ?? '') ?? { x: 0, n: 0 };
					a.x += hit;
					a.n += u;
					map.set(key ?? '', a);
				}
			}
			for (const p of planted.rules[id] ?? []) {
				const mine = per.get(p.npi);
				const peers = pooled.get(p.specialty);
				expect(mine && peers, `${id} ${p.npi}`).toBeTruthy();
				if (!mine || !peers) continue;
				expect(mine.n, `${id} volume`).toBeGreaterThanOrEqual(30);
				expect(mine.x / mine.n, `${id} ${p.npi} vs pooled`).toBeGreaterThan(1.5 * (peers.x / peers.n));
			}
			for (const d of planted.decoys.filter((x) => x.rule_id === id)) {
				const mine = per.get(d.npi);
				const peers = pooled.get(d.specialty);
				expect(mine && mine.n < 30 && peers && mine.x / mine.n > 1.5 * (peers.x / peers.n), `decoy ${d.npi}`).toBe(true);
			}
		}
	});

	it('contains the line-level findings: impossible days, bundled draws, duplicates', () => {
		const minutes = new Map<string, number>();
		const critical = new Set<string>();
		const lineKeys = new Map<string, Set<string>>();
		for (const r of claims) {
			const key = `${r.rendering_npi}|${r.patient_id}|${r.service_date}`;
			if (r.minutes) minutes.set(`${r.rendering_npi}|${r.service_date}`, (minutes.get(`${r.rendering_npi}|${r.service_date}`) ?? 0) + Number(r.minutes));
			if (r.procedure_code === '99291') critical.add(key);
			const dup = `${key}|${r.procedure_code}|${r.modifiers}`;
			lineKeys.set(dup, (lineKeys.get(dup) ?? new Set()).add(r.claim_id ?? ''));
		}
		const overDays = [...minutes].filter(([, m]) => m > 24 * 60).map(([k]) => k.split('|')[0]);
		expect(new Set(overDays)).toEqual(new Set(planted.rules.impossible_day?.map((p) => p.npi)));
		const draws = claims.filter((r) => ['36410', '36415', '36600'].includes(r.procedure_code ?? '') &&
			critical.has(`${r.rendering_npi}|${r.patient_id}|${r.service_date}`));
		expect(new Set(draws.map((r) => r.rendering_npi))).toEqual(new Set(planted.rules.critical_care_bundled_draw?.map((p) => p.npi)));
		const dupNpis = new Set([...lineKeys].filter(([, s]) => s.size > 1).map(([k]) => k.split('|')[0]));
		expect(dupNpis).toEqual(new Set(planted.rules.duplicate_line?.map((p) => p.npi)));
	});

	it('audits whole claims whose original values match the claim lines', async () => {
		const audits = rows(await readFile(result.auditsPath, 'utf8'));
		const byLine = new Map(claims.map((r) => [`${r.claim_id}|${r.line_number}`, r]));
		for (const a of audits) {
			if (!a.original_code) continue;
			const c = byLine.get(`${a.claim_id}|${a.line_number}`);
			expect(c, a.audit_id).toBeDefined();
			expect([a.original_code, a.original_modifiers, a.original_units, a.coder_id, a.service_date, a.billed_amount])
				.toEqual([c?.procedure_code, c?.modifiers, c?.units, c?.coder_id, c?.service_date, c?.charge_amount]);
		}
		const sameSet = (x = '', y = '') => x.split(';').sort().join(';') === y.split(';').sort().join(';');
		const errors = audits.filter((a) => a.original_code !== a.audited_code || a.original_units !== a.audited_units ||
			!sameSet(a.original_modifiers, a.audited_modifiers));
		expect(errors.length).toBeGreaterThan(0);
		expect(errors.length / audits.length).toBeLessThan(0.2);
		// Whole claims: every claim line of an audited claim has its audit row.
		const audited = new Set(audits.map((a) => a.claim_id));
		const claimLines = claims.filter((r) => audited.has(r.claim_id)).length;
		expect(audits.filter((a) => a.original_code).length).toBe(claimLines);
	});

	it('rejects a line count below the minimum', async () => {
		await expect(generateDemo({ outDir: dirC, lines: 100 })).rejects.toThrow(RangeError);
	});
});
