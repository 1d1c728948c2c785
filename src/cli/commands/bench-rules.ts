// claimlens bench-rules [--db FILE] [--runs 3]: times every rule over the database (cold, no
// cache), the provider drill-down (page data + first page of claim lines) for the flagged
// providers, and compares Arrow IPC with row JSON for a 10,000-line page: payload bytes and
// decode time. `npm run bench:rules`. Figures go in the README.
import { tableFromIPC } from 'apache-arrow';
import { z } from 'zod';
import { withConnection } from '../../lib/server/db/database.ts';
import { evaluateRules, clearRuleCache } from '../../lib/server/rules/evaluate.ts';
import { getDrilldown, getFlagLines } from '../../lib/server/rules/drilldown.ts';
import { flagLineColumns, rowsToArrow } from '../../lib/server/arrow.ts';
import { parseFlags } from '../args.ts';
import { fmtInt, info, printJson } from '../output.ts';

const Flags = z.object({ runs: z.coerce.number().int().min(1).max(20).default(3), db: z.string().optional(), json: z.boolean().optional() });

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function benchRulesCommand(argv: string[]): Promise<void> {
	const { flags } = parseFlags(argv, { runs: { type: 'string' } }, Flags);
	const lines = await withConnection(async (c) => Number((await c.runAndReadAll('SELECT count(*)::BIGINT AS n FROM claim_lines')).getRowObjectsJS()[0]?.n), flags.db);
	info(`database: ${fmtInt(lines)} claim lines`);
	const ruleTimes: number[] = [];
	let flagged: { npi: string; rule: string; lines: number }[] = [];
	for (let i = 0; i < flags.runs; i++) {
		clearRuleCache();
		// cold means cold: stored line-rule findings are dropped too
		await withConnection((c) => c.run('DELETE FROM rule_findings'), flags.db);
		const t0 = performance.now();
		const ev = await evaluateRules({ dbPath: flags.db });
		ruleTimes.push(ms(t0));
		flagged = ev.rows.filter((r) => r.flagged).map((r) => ({ npi: r.provider_npi, rule: r.rule_id, lines: r.numerator ?? 0 }));
	}
	const drill: number[] = [];
	const linePages: number[] = [];
	for (const f of flagged.slice(0, 10)) {
		let t0 = performance.now();
		await getDrilldown({ npi: f.npi, ruleId: f.rule, dbPath: flags.db });
		drill.push(ms(t0));
		t0 = performance.now();
		await getFlagLines({ npi: f.npi, ruleId: f.rule, page: 1, pageSize: 50 }, flags.db);
		linePages.push(ms(t0));
	}
	// Arrow vs JSON on the biggest flag's lines, 10,000 rows
	const big = [...flagged].sort((a, b) => b.lines - a.lines)[0];
	let transfer = null;
	if (big) {
		const { rows } = await getFlagLines({ npi: big.npi, ruleId: big.rule, page: 1, pageSize: 10_000 }, flags.db);
		const arrow = rowsToArrow(flagLineColumns, rows);
		const json = new TextEncoder().encode(JSON.stringify(rows));
		let t0 = performance.now();
		for (let i = 0; i < 5; i++) tableFromIPC(arrow).toArray().map((r) => r.toJSON());
		const arrowDecode = ms(t0) / 5;
		t0 = performance.now();
		let columnar = 0;
		for (let i = 0; i < 5; i++) columnar += tableFromIPC(arrow).getChild('allowed_amount')?.toArray().length ?? 0;
		const arrowColumn = ms(t0) / 5;
		t0 = performance.now();
		for (let i = 0; i < 5; i++) JSON.parse(new TextDecoder().decode(json));
		const jsonDecode = ms(t0) / 5;
		transfer = { rows: rows.length, arrowBytes: arrow.byteLength, jsonBytes: json.byteLength, arrowDecodeRowsMs: arrowDecode, arrowDecodeOneColumnMs: arrowColumn, jsonDecodeMs: jsonDecode, columnar };
	}
	const result = {
		claimLines: lines,
		runs: flags.runs,
		allRulesMs: { median: median(ruleTimes), all: ruleTimes.map(Math.round) },
		flagged: flagged.length,
		drilldownMs: { median: drill.length ? median(drill) : null, max: drill.length ? Math.max(...drill) : null },
		linePageMs: { median: linePages.length ? median(linePages) : null, max: linePages.length ? Math.max(...linePages) : null },
		transfer
	};
	if (flags.json) return printJson(result);
	const f = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x)} ms`);
	process.stdout.write(
		[
			`rules over ${fmtInt(lines)} claim lines (${flags.runs} cold runs)`,
			`  all rules: median ${f(result.allRulesMs.median)} (targets: demo < 5 s, 10M lines < 60 s); ${flagged.length} flags`,
			`  drill-down page data: median ${f(result.drilldownMs.median)}, max ${f(result.drilldownMs.max)} (${drill.length} flagged providers)`,
			`  claim-line page (50 rows): median ${f(result.linePageMs.median)}, max ${f(result.linePageMs.max)} (target < 300 ms)`,
			transfer
				? `  ${fmtInt(transfer.rows)} lines: Arrow ${fmtInt(transfer.arrowBytes / 1024)} KB vs JSON ${fmtInt(transfer.jsonBytes / 1024)} KB; decode to rows ${transfer.arrowDecodeRowsMs.toFixed(1)} ms vs JSON.parse ${transfer.jsonDecodeMs.toFixed(1)} ms; one Arrow column ${transfer.arrowDecodeOneColumnMs.toFixed(2)} ms`
				: '  no flags: nothing to transfer'
		].join('\n') + '\n'
	);
}
