// claimlens bench-screen [--providers 20000] [--list 90000] [--runs 3]: exclusion screening speed
// on synthetic data in a temporary database: P providers (one claim line each, names drawn from
// the same synthetic name pools as the list, so many share a name prefix) against an LEIE-layout
// list of L records, 10% with an NPI (half of those NPIs are providers'). Reports the import
// times, the blocked candidate-pair count and the screening time (median of the runs). `npm run
// bench:screen`; figures go in the README. No real names: syllables.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { importFile } from '../../lib/server/ingest/import-file.ts';
import { screen } from '../../lib/server/exclusions/screen.ts';
import { withConnection, closeDatabase } from '../../lib/server/db/database.ts';
import { runQuery } from '../../lib/server/db/query-files.ts';
import { npiCheckDigit } from '../../lib/server/demo/generate-demo.ts';
import { Xoshiro128 } from '../../lib/server/stats/sampling-prng.ts';
import { parseFlags } from '../args.ts';
import { fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({
	providers: z.coerce.number().int().min(10).max(1_000_000).default(20_000),
	list: z.coerce.number().int().min(10).max(5_000_000).default(90_000),
	runs: z.coerce.number().int().min(1).max(10).default(3),
	json: z.boolean().optional()
});

// 100 syllables: about as many distinct three-letter name beginnings as real surnames have
const SYL = ['ba', 'be', 'bi', 'bo', 'bu', 'ca', 'ce', 'ci', 'co', 'cu', 'da', 'de', 'di', 'do', 'du', 'fa', 'fe', 'fi', 'fo', 'fu', 'ga', 'ge', 'gi', 'go', 'gu', 'ha', 'he', 'hi', 'ho', 'hu', 'ja', 'je', 'ji', 'jo', 'ju', 'ka', 'ke', 'ki', 'ko', 'ku', 'la', 'le', 'li', 'lo', 'lu', 'ma', 'me', 'mi', 'mo', 'mu', 'na', 'ne', 'ni', 'no', 'nu', 'pa', 'pe', 'pi', 'po', 'pu', 'ra', 're', 'ri', 'ro', 'ru', 'sa', 'se', 'si', 'so', 'su', 'ta', 'te', 'ti', 'to', 'tu', 'va', 've', 'vi', 'vo', 'vu', 'wa', 'we', 'wi', 'wo', 'za', 'ze', 'zi', 'zo', 'zu', 'an', 'el', 'in', 'on', 'un', 'ar', 'er', 'ir', 'or', 'ur', 'al'];
const STATES = ['TX', 'CA', 'NY', 'FL', 'OH', 'PA', 'IL', 'GA', 'NC', 'MI'];

export async function benchScreenCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { providers: { type: 'string' }, list: { type: 'string' }, runs: { type: 'string' } }, Flags);
	const rng = new Xoshiro128(20251130);
	const pick = <T>(xs: T[]) => xs[rng.uniformInt(xs.length)] as T;
	const word = (n: number) => Array.from({ length: n }, () => pick(SYL)).join('');
	const lastNames = Array.from({ length: 30_000 }, () => word(2 + rng.uniformInt(2)));
	const firstNames = Array.from({ length: 2_000 }, () => word(2));
	const npi = (i: number) => `${100000000 + i}${npiCheckDigit(String(100000000 + i))}`;
	const dir = mkdtempSync(join(tmpdir(), 'claimlens-bench-screen-'));
	const db = join(dir, 'bench.duckdb');
	try {
		const claims = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,paid_amount'];
		for (let i = 0; i < flags.providers; i++) claims.push(`C${i},1,P${i},${npi(i)},"${pick(lastNames)}, ${pick(firstNames)}",Family Medicine,2025-0${1 + rng.uniformInt(9)}-15,99213,100`);
		writeFileSync(join(dir, 'claims.csv'), `${claims.join('\n')}\n`);
		const list = ['LASTNAME,FIRSTNAME,MIDNAME,BUSNAME,GENERAL,SPECIALTY,UPIN,NPI,DOB,ADDRESS,CITY,STATE,ZIP,EXCLTYPE,EXCLDATE,REINDATE,WAIVERDATE,WVRSTATE'];
		for (let i = 0; i < flags.list; i++) {
			const withNpi = rng.uniformInt(10) === 0;
			const n = withNpi ? (rng.uniformInt(2) === 0 ? npi(rng.uniformInt(flags.providers)) : npi(flags.providers + i)) : '0000000000';
			const entity = rng.uniformInt(12) === 0;
			list.push(`${entity ? '' : pick(lastNames).toUpperCase()},${entity ? '' : pick(firstNames).toUpperCase()},,${entity ? `${word(3).toUpperCase()} HEALTH LLC` : ''},IND,NURSING,,${n},19700101,1 MAIN ST,CITY,${pick(STATES)},75001,1128a1,2024${String(1 + rng.uniformInt(12)).padStart(2, '0')}01,00000000,00000000,`);
		}
		writeFileSync(join(dir, 'UPDATED.csv'), `${list.join('\n')}\n`);
		let t0 = performance.now();
		await importFile(join(dir, 'claims.csv'), { dbPath: db });
		const importClaims = performance.now() - t0;
		t0 = performance.now();
		await importFile(join(dir, 'UPDATED.csv'), { dbPath: db });
		const importList = performance.now() - t0;
		const [pc] = await withConnection((c) => runQuery(c, 'exclusions/pair_count'), db);
		const times: number[] = [];
		let result = await screen({ dbPath: db });
		for (let r = 0; r < flags.runs; r++) {
			t0 = performance.now();
			result = await screen({ dbPath: db });
			times.push(performance.now() - t0);
		}
		const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
		const out = {
			providers: result.providers,
			list_records: flags.list,
			import_claims_ms: Math.round(importClaims),
			import_list_ms: Math.round(importList),
			blocked_pairs: Number(pc?.pairs ?? 0),
			screen_ms_median: Math.round(median),
			matches: result.rows.length,
			counts: result.counts
		};
		if (flags.json) return printJson(out);
		info(`${fmtInt(out.providers)} providers against ${fmtInt(out.list_records)} list records (10% with an NPI)`);
		info(`import: claims ${fmtInt(out.import_claims_ms)} ms, list ${fmtInt(out.import_list_ms)} ms`);
		info(`name matching compares ${fmtInt(out.blocked_pairs)} blocked pairs (of ${fmtInt(out.providers * out.list_records * 0.9)} without blocking)`);
		info(`screening: ${fmtInt(out.screen_ms_median)} ms (median of ${flags.runs}); ${fmtInt(out.matches)} matches: ${out.counts.confirmed} by NPI, ${out.counts.candidate} name candidates`);
	} finally {
		closeDatabase(db);
		rmSync(dir, { recursive: true, force: true });
	}
}
