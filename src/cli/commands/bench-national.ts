// npm run bench:national -- --rows N --lines M: the national benchmark at scale (issue 11).
// 1. writes a synthetic CMS by-Provider-and-Service file of N rows (CMS layout; about 9 rows per
//    provider over 14 provider types; E/M, ED, psychotherapy, venipuncture and Mohs codes with
//    counts of 11 or more, as CMS publishes) without holding it in memory;
// 2. writes M own claim lines (about 3,500 per provider, seven specialties) and imports them into
//    a fresh database (child process);
// 3. imports the national file through the product (kind cms-provider-service, data year 2023)
//    into that database in a child process: seconds and the process's peak memory (maxRSS);
// 4. evaluates every peer rule against national peers, cold, in a child process (seconds, peak
//    memory), then a drill-down with its 12-quarter history, warm and cold.
// Figures go in the README; nothing is timed in tests.
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { once } from 'node:events';
import { z } from 'zod';
import { appRoot } from '../../lib/server/db/database.ts';
import { parseFlags } from '../args.ts';
import { fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({
	rows: z.coerce.number().int().min(1000).default(10_000_000),
	lines: z.coerce.number().int().min(5000).default(1_000_000),
	step: z.enum(['import', 'rules', 'own']).optional(),
	file: z.string().optional(),
	db: z.string().optional(),
	json: z.boolean().optional()
});

const TYPES: [string, number, string[]][] = [
	['Internal Medicine', 14, ['99211', '99212', '99213', '99214', '99215', '99202', '99203', '99204', '36415']],
	['Family Practice', 14, ['99211', '99212', '99213', '99214', '99215', '99202', '99203', '99204', '36415']],
	['Nurse Practitioner', 16, ['99211', '99212', '99213', '99214', '99215', '99202', '99203', '36415', '96372']],
	['Physician Assistant', 10, ['99211', '99212', '99213', '99214', '99215', '99202', '99203', '36415', '96372']],
	['Cardiology', 5, ['99212', '99213', '99214', '99215', '93000', '93010', '93306', '99204', '36415']],
	['Dermatology', 3, ['99212', '99213', '99214', '99215', '17311', '17312', '17313', '17314', '11102']],
	['Psychiatry', 3, ['90832', '90834', '90837', '90833', '90836', '90838', '99213', '99214', '90791']],
	['Clinical Psychologist', 4, ['90832', '90834', '90837', '90791', '96130', '96131', '90846', '90847', '96136']],
	['Emergency Medicine', 6, ['99281', '99282', '99283', '99284', '99285', '99291', '36415', '93010', '71045']],
	['Endocrinology', 2, ['99212', '99213', '99214', '99215', '99204', '36415', '95251', '76536', '99203']],
	['Pulmonary Disease', 2, ['99212', '99213', '99214', '99215', '94010', '94060', '99291', '36415', '94729']],
	['Orthopedic Surgery', 4, ['99212', '99213', '99214', '99203', '20610', '73030', '73562', '29125', '99204']],
	['Diagnostic Radiology', 10, ['71045', '71046', '73030', '73562', '74177', '70450', '72148', '76700', '77067']],
	['Physical Therapist in Private Practice', 7, ['97110', '97140', '97112', '97530', '97161', '97162', '97014', '97035', '97116']]
];
const WEIGHT = TYPES.reduce((s, t) => s + t[1], 0);

/** A small deterministic generator (mulberry32), so two runs write the same file. */
function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function npi(i: number): string {
	const base = String(1_000_000_000 + i).slice(1, 10);
	// Luhn over 80840 + the 9 digits (the NPI check digit)
	let sum = 24;
	for (let k = 0; k < 9; k++) {
		let d = Number(base[8 - k]);
		if (k % 2 === 0) d *= 2;
		sum += d > 9 ? d - 9 : d;
	}
	return `${base}${(10 - (sum % 10)) % 10}`;
}

/** A CSV written in 1 MB pieces, waiting for the stream to drain (the file is never held in memory). */
function csvWriter(path: string, header: string) {
	const out = createWriteStream(path);
	out.write(header);
	let chunk = '';
	return {
		async line(text: string) {
			chunk += text;
			if (chunk.length > 1 << 20) {
				if (!out.write(chunk)) await once(out, 'drain');
				chunk = '';
			}
		},
		async close() {
			out.write(chunk);
			out.end();
			await once(out, 'finish');
		}
	};
}

/**
 * Own claim lines at scale without the demo generator (which keeps 200 providers and slows as
 * their days fill): about 3,500 lines per provider over 2024-2025, seven specialties with the
 * code families of the peer rules, one line per claim.
 */
async function writeOwn(path: string, lines: number): Promise<void> {
	const r = rng(2024);
	const specs: [string, string[]][] = [
		['Internal Medicine', ['99212', '99213', '99214', '99215', '99203', '99204', '36415']],
		['Family Practice', ['99212', '99213', '99214', '99215', '99203', '99204', '36415']],
		['Psychiatry', ['90832', '90834', '90837', '99213', '99214']],
		['Emergency Medicine', ['99282', '99283', '99284', '99285', '99291']],
		['Dermatology', ['99213', '99214', '17311', '17312', '17313', '17314', '11102']],
		['Endocrinology', ['99213', '99214', '99215', '36415']],
		['Pulmonary/Critical Care', ['99213', '99214', '99291', '36415', '94010']]
	];
	const out = csvWriter(path, 'claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,payer,service_date,procedure_code,units,allowed_amount,paid_amount,line_status\n');
	const providers = Math.max(20, Math.round(lines / 3500));
	for (let i = 0; i < lines; i++) {
		const p = i % providers;
		const [spec, codes] = specs[p % specs.length] as [string, string[]];
		// each provider leans on the last code of its family a little more or less (a few a lot)
		const lean = ((p * 7919) % 100) / 100;
		const code = r() < 0.15 + lean * 0.2 ? (codes[codes.length - 1] as string) : (codes[Math.floor(r() * (codes.length - 1))] as string);
		const day = Math.floor(r() * 730);
		const d = new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10);
		const amount = (40 + Math.floor(r() * 200)).toFixed(2);
		await out.line(`B${i},1,P${Math.floor(r() * 5_000_000)},${npi(2_000_000 + p)},"Own ${p}",${spec},Medicare,${d},${code},1,${amount},${amount},paid\n`);
	}
	await out.close();
}

async function writeNational(path: string, rows: number): Promise<void> {
	const r = rng(2023);
	const out = csvWriter(path, 'Rndrng_NPI,Rndrng_Prvdr_Last_Org_Name,Rndrng_Prvdr_First_Name,Rndrng_Prvdr_Type,HCPCS_Cd,Place_Of_Srvc,Tot_Benes,Tot_Srvcs,Avg_Sbmtd_Chrg,Avg_Mdcr_Alowd_Amt,Avg_Mdcr_Pymt_Amt\n');
	let written = 0;
	let p = 0;
	while (written < rows) {
		p++;
		let pick = r() * WEIGHT;
		const type = TYPES.find((t) => (pick -= t[1]) < 0) ?? (TYPES[0] as (typeof TYPES)[number]);
		const id = npi(p);
		// each provider's own lean in its family (a few are outliers), so the national distribution has spread
		const lean = 0.6 + r() * 0.8 + (r() < 0.02 ? 1.5 : 0);
		for (const [k, code] of type[2].entries()) {
			if (written >= rows) break;
			const base = 11 + Math.floor(r() * 300);
			const services = Math.max(11, Math.round(base * (k === 4 || code === '17312' || code === '17314' || code === '90837' || code === '99285' ? lean : 1)));
			const allowed = (20 + r() * 200).toFixed(2);
			await out.line(`${id},Prov${p},Syn,${type[0]},${code},O,${Math.max(11, Math.round(services * 0.7))},${services},${(Number(allowed) * 2.1).toFixed(2)},${allowed},${(Number(allowed) * 0.78).toFixed(2)}\n`);
			written++;
		}
	}
	await out.close();
}

function child(args: string[]): Record<string, number> {
	const out = execFileSync(process.execPath, [resolve(appRoot(), 'bin', 'claimlens.js'), ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 });
	return JSON.parse(out) as Record<string, number>;
}

const peakMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

export async function benchNationalCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { rows: { type: 'string' }, lines: { type: 'string' }, step: { type: 'string' }, file: { type: 'string' } }, Flags);
	if (flags.step === 'import' && flags.file && flags.db) {
		const { importFile } = await import('../../lib/server/ingest/import-file.ts');
		const t0 = performance.now();
		const r = await importFile(flags.file, { kind: 'cms-provider-service', year: 2023, dbPath: flags.db });
		return printJson({ seconds: (performance.now() - t0) / 1000, rows: r.rowsLoaded, peakMemoryMB: peakMB() });
	}
	if (flags.step === 'own' && flags.file && flags.db) {
		const { importFile } = await import('../../lib/server/ingest/import-file.ts');
		const t0 = performance.now();
		const r = await importFile(flags.file, { kind: 'claims', dbPath: flags.db });
		return printJson({ seconds: (performance.now() - t0) / 1000, rows: r.rowsLoaded, peakMemoryMB: peakMB() });
	}
	if (flags.step === 'rules' && flags.db) {
		const { evaluateRules, serviceRange } = await import('../../lib/server/rules/evaluate.ts');
		const { getDrilldown } = await import('../../lib/server/rules/drilldown.ts');
		const { providerHistory } = await import('../../lib/server/rules/history.ts');
		let t0 = performance.now();
		const ev = await evaluateRules({ benchmark: 'national', dbPath: flags.db });
		const rulesSeconds = (performance.now() - t0) / 1000;
		const flagged = ev.rows.filter((r) => r.national_flagged).length;
		const row = ev.rows.find((r) => r.kind === 'peer' && r.flagged) ?? ev.rows.find((r) => r.kind === 'peer');
		await serviceRange(flags.db);
		// the drill-down with its 12-quarter history: cold (the quarters' evaluations not cached), then warm
		t0 = performance.now();
		if (row) {
			await getDrilldown({ npi: row.provider_npi, ruleId: row.rule_id, benchmark: 'national', dbPath: flags.db });
			await providerHistory({ npi: row.provider_npi, ruleId: row.rule_id, dbPath: flags.db });
		}
		const drillColdMs = performance.now() - t0;
		t0 = performance.now();
		if (row) {
			await getDrilldown({ npi: row.provider_npi, ruleId: row.rule_id, benchmark: 'national', dbPath: flags.db });
			await providerHistory({ npi: row.provider_npi, ruleId: row.rule_id, dbPath: flags.db });
		}
		const drillWarmMs = performance.now() - t0;
		return printJson({ rulesSeconds, rows: ev.rows.length, nationalFlagged: flagged, drillColdMs, drillWarmMs, peakMemoryMB: peakMB() });
	}
	const dir = resolve(appRoot(), 'data', 'bench-national');
	mkdirSync(dir, { recursive: true });
	const file = resolve(dir, `national_${flags.rows}_2023.csv`);
	const db = resolve(dir, 'national.duckdb');
	info(`writing a synthetic national file of ${fmtInt(flags.rows)} rows to ${file}`);
	let t0 = performance.now();
	await writeNational(file, flags.rows);
	info(`written in ${((performance.now() - t0) / 1000).toFixed(1)} s (${fmtInt(statSync(file).size / 1e6)} MB)`);
	for (const f of [db, `${db}.wal`]) rmSync(f, { force: true });
	const ownFile = resolve(dir, `own_${flags.lines}.csv`);
	t0 = performance.now();
	await writeOwn(ownFile, flags.lines);
	info(`own claims: ${fmtInt(flags.lines)} lines written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	const own = child(['bench-national', '--step', 'own', '--file', ownFile, '--db', db]);
	info(`own claims imported: ${fmtInt(own.rows as number)} lines in ${(own.seconds as number).toFixed(1)} s, peak memory ${fmtInt(own.peakMemoryMB as number)} MB`);
	const imp = child(['bench-national', '--step', 'import', '--file', file, '--db', db]);
	info(`import: ${fmtInt(imp.rows as number)} rows in ${(imp.seconds as number).toFixed(1)} s, peak memory ${fmtInt(imp.peakMemoryMB as number)} MB`);
	const rules = child(['bench-national', '--step', 'rules', '--db', db]);
	info(`every peer rule against national peers (cold): ${(rules.rulesSeconds as number).toFixed(1)} s, ${fmtInt(rules.rows as number)} rows, ${fmtInt(rules.nationalFlagged as number)} flagged nationally; peak memory ${fmtInt(rules.peakMemoryMB as number)} MB`);
	info(`drill-down with 12-quarter history: cold ${fmtInt(rules.drillColdMs as number)} ms, warm ${fmtInt(rules.drillWarmMs as number)} ms`);
	if (flags.json) printJson({ rows: flags.rows, lines: flags.lines, import: imp, rules });
}
