// Plain value lists for `claimlens appraise --variable FILE`, the way RAT-STATS takes them:
// one row per sampled unit, comma-, tab- or space-separated, with or without a header.
//   1 value column  = the difference (examined - audited);
//   2 value columns = examined, audited;
//   3 value columns = examined, audited, difference (the difference is checked).
// With --strata, the first column is the stratum, and the strata file lists "stratum,universe".
// Header names, when present: stratum, examined, audited, difference (or value).
import { normalizeHeader, parseCsv, parseNumber } from './csv-parse.ts';
import type { StratumValues } from '../stats/appraisal-variable.ts';

export class ValuesFileError extends Error {}

function table(text: string): string[][] {
	const trimmed = text.replace(/^\uFEFF/, '');
	const first = trimmed.split(/\r?\n/, 1)[0] ?? '';
	// whitespace-separated files (RAT-STATS text) have no comma, tab or semicolon
	if (!/[,\t;]/.test(first)) return trimmed.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => l.split(/\s+/));
	return parseCsv(trimmed);
}

export interface ValueRow {
	stratum: string;
	examined: number;
	audited: number;
}

/** differencesOnly: the file gave differences, not examined and audited amounts. */
export function parseValues(text: string, stratified: boolean): { rows: ValueRow[]; differencesOnly: boolean } {
	const rows = table(text);
	if (!rows.length) throw new ValuesFileError('the values file is empty');
	const valueStart = stratified ? 1 : 0;
	const first = rows[0] as string[];
	const hasHeader = first.slice(valueStart).some((v) => Number.isNaN(parseNumber(v) ?? NaN));
	let names = hasHeader ? first.map(normalizeHeader) : [];
	const body = hasHeader ? rows.slice(1) : rows;
	const width = (body[0]?.length ?? 0) - valueStart;
	if (!hasHeader) names = [...(stratified ? ['stratum'] : []), ...(width === 1 ? ['difference'] : width === 2 ? ['examined', 'audited'] : ['examined', 'audited', 'difference'])];
	const at = (n: string) => names.indexOf(n === 'difference' && !names.includes('difference') ? 'value' : n);
	const iEx = at('examined');
	const iAu = at('audited');
	const iDi = at('difference');
	if (iDi < 0 && (iEx < 0 || iAu < 0)) throw new ValuesFileError('give a difference column, or examined and audited columns');
	const parsed = body.map((r, i): ValueRow => {
		const line = i + (hasHeader ? 2 : 1);
		const num = (k: number, what: string) => {
			const v = parseNumber(r[k] ?? '');
			if (v === null || Number.isNaN(v)) throw new ValuesFileError(`line ${line}: ${what} "${r[k] ?? ''}" is not a number`);
			return v;
		};
		const stratum = stratified ? (r[at('stratum') >= 0 ? at('stratum') : 0] ?? '').trim() : '1';
		if (iEx >= 0 && iAu >= 0) {
			const examined = num(iEx, 'examined');
			const audited = num(iAu, 'audited');
			if (iDi >= 0 && Math.abs(examined - audited - num(iDi, 'difference')) > 0.005) throw new ValuesFileError(`line ${line}: difference is not examined - audited`);
			return { stratum, examined, audited };
		}
		// differences only: examined = d, audited = 0 keeps d = examined - audited
		return { stratum, examined: num(iDi, 'difference'), audited: 0 };
	});
	return { rows: parsed, differencesOnly: iEx < 0 || iAu < 0 };
}

export function parseStrataFile(text: string): Map<string, number> {
	const rows = table(text);
	const out = new Map<string, number>();
	for (const r of rows) {
		const n = parseNumber(r[1] ?? '');
		if (n === null || Number.isNaN(n)) continue; // header
		if (!Number.isInteger(n) || n < 1) throw new ValuesFileError(`strata file: universe size of stratum ${r[0]} must be a positive whole number`);
		out.set((r[0] ?? '').trim(), n);
	}
	if (!out.size) throw new ValuesFileError('strata file: no "stratum,universe" rows');
	return out;
}

/** Values grouped into strata with their universe sizes. */
export function valuesToStrata(values: ValueRow[], universe: number | Map<string, number>): StratumValues[] {
	const groups = new Map<string, { examined: number[]; audited: number[] }>();
	for (const v of values) {
		const g = groups.get(v.stratum) ?? { examined: [], audited: [] };
		g.examined.push(v.examined);
		g.audited.push(v.audited);
		groups.set(v.stratum, g);
	}
	const out = [...groups.entries()].map(([stratum, g]) => {
		const N = typeof universe === 'number' ? universe : universe.get(stratum);
		if (N === undefined) throw new ValuesFileError(`stratum ${stratum} is not in the strata file`);
		return { stratum, universe: N, ...g };
	});
	if (typeof universe !== 'number') {
		const empty = [...universe.keys()].filter((k) => !groups.has(k));
		if (empty.length) throw new ValuesFileError(`strata ${empty.join(', ')} have a universe size but no sampled values`);
	}
	return out;
}

