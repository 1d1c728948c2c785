// Findings: the reviewed sample coming back. A CSV with one row per sampled unit, keyed by
// item (or unit_no, or unit_id / claim_id + line_number in full-tier files), giving the
// audited amount and/or error yes/no. Matched against the sample's manifest: a unit that is not
// in the sample (or is a spare), a duplicate, an unreadable value or an examined_amount that
// differs from the frame's refuses the whole file. Blank rows (not reviewed yet) are skipped,
// so reviewers can hand findings back in batches. Used by the page, POST
// /api/samples/ID/findings and `claimlens appraise --manifest`.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import type { Finding, Manifest, ManifestUnit } from '../../schemas/sampling.ts';
import { normalizeHeader, parseCsv, parseNumber } from './csv-parse.ts';
import { getManifest } from './manifest.ts';
import { toCsv } from '../export/csv.ts';

export class FindingsRefused extends Error {
	constructor(public problems: string[]) {
		super(`findings refused: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`);
	}
}

const YES = new Set(['yes', 'y', 'true', '1', 'error', 'x']);
const NO = new Set(['no', 'n', 'false', '0', 'ok', 'correct']);

export interface Matched {
	findings: Finding[];
	/** rows with neither audited_amount nor error (not reviewed yet) */
	blank: number;
}

/** Pure: match a findings CSV to a manifest's sampled units. */
export function matchFindings(manifest: Manifest, text: string): Matched {
	let table: string[][];
	try {
		table = parseCsv(text);
	} catch (e) {
		throw new FindingsRefused([(e as Error).message]);
	}
	const [header, ...rows] = table;
	if (!header) throw new FindingsRefused(['the file is empty']);
	const col = (...names: string[]) => header.map(normalizeHeader).findIndex((h) => names.includes(h));
	const c = {
		item: col('item', 'sample_item', 'item_no'),
		unitNo: col('unit_no', 'unit_number', 'frame_no'),
		unitId: col('unit_id'),
		claimId: col('claim_id'),
		lineNumber: col('line_number'),
		audited: col('audited_amount', 'audited', 'audited_value', 'audited_paid'),
		error: col('error', 'in_error', 'is_error'),
		examined: col('examined_amount', 'examined', 'examined_value'),
		note: col('note', 'notes', 'comment')
	};
	if (c.item < 0 && c.unitNo < 0 && c.unitId < 0 && c.claimId < 0) throw new FindingsRefused(['no key column: give item (or unit_no, or unit_id)']);
	if (c.audited < 0 && c.error < 0) throw new FindingsRefused(['no finding column: give audited_amount and/or error']);
	const byItem = new Map<number, ManifestUnit>(manifest.units.map((u) => [u.item, u]));
	const byUnitNo = new Map<number, ManifestUnit>(manifest.units.map((u) => [u.unit_no, u]));
	const byUnitId = new Map<string, ManifestUnit>(manifest.units.filter((u) => u.unit_id !== null).map((u) => [u.unit_id as string, u]));
	const problems: string[] = [];
	const seen = new Set<number>();
	const findings: Finding[] = [];
	let blank = 0;
	rows.forEach((r, i) => {
		const line = i + 2;
		const get = (k: number) => (k >= 0 ? (r[k] ?? '').trim() : '');
		const auditedRaw = get(c.audited);
		const errorRaw = get(c.error).toLowerCase();
		if (auditedRaw === '' && errorRaw === '') {
			blank++;
			return;
		}
		let unit: ManifestUnit | undefined;
		let key = '';
		if (get(c.item)) {
			key = `item ${get(c.item)}`;
			unit = byItem.get(Number(get(c.item)));
		} else if (get(c.unitNo)) {
			key = `unit_no ${get(c.unitNo)}`;
			unit = byUnitNo.get(Number(get(c.unitNo)));
		} else if (get(c.unitId) || get(c.claimId)) {
			const id = get(c.unitId) || (manifest.frame.unit === 'line' ? `${get(c.claimId)}:${get(c.lineNumber)}` : get(c.claimId));
			key = `unit ${id}`;
			unit = byUnitId.get(id);
		}
		if (!key) return void problems.push(`line ${line}: no item, unit_no or unit_id`);
		if (!unit) return void problems.push(`line ${line}: ${key} is not in sample ${manifest.sample_id}`);
		if (unit.role !== 'sample') return void problems.push(`line ${line}: ${key} is spare #${unit.draw - (manifest.strata[unit.stratum - 1]?.sample_size ?? 0)}, not in the sample (only sampled units are appraised)`);
		if (seen.has(unit.item)) return void problems.push(`line ${line}: ${key} appears twice`);
		seen.add(unit.item);
		const audited = parseNumber(auditedRaw);
		if (Number.isNaN(audited) || (audited !== null && audited < 0)) return void problems.push(`line ${line}: audited_amount "${auditedRaw}" is not an amount >= 0`);
		let error: boolean | null = null;
		if (errorRaw !== '') {
			if (YES.has(errorRaw)) error = true;
			else if (NO.has(errorRaw)) error = false;
			else return void problems.push(`line ${line}: error "${errorRaw}" is not yes/no`);
		}
		const examinedRaw = get(c.examined);
		if (examinedRaw !== '') {
			const examined = parseNumber(examinedRaw);
			if (examined === null || Number.isNaN(examined) || Math.abs(examined - unit.examined_amount) >= 0.005) {
				return void problems.push(`line ${line}: examined_amount ${examinedRaw} differs from the frame's paid amount ${unit.examined_amount.toFixed(2)} for ${key}`);
			}
		}
		const finalError = error ?? Math.abs(unit.examined_amount - (audited as number)) >= 0.005;
		findings.push({ item: unit.item, audited_amount: audited, error: finalError, note: get(c.note) || null });
	});
	if (problems.length) throw new FindingsRefused(problems);
	return { findings, blank };
}

export interface ImportSummary {
	sample_id: number;
	imported: number;
	blank: number;
	reviewed: number;
	sample_size: number;
}

/** Matches a findings file to a stored sample and saves it (replacing those items' findings). */
export async function importFindings(sampleId: number, text: string, opts: { dbPath?: string } = {}): Promise<ImportSummary> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const manifest = await getManifest(sampleId, { dbPath });
	const { findings, blank } = matchFindings(manifest, text);
	return withConnection(async (conn) => {
		await conn.run('BEGIN TRANSACTION');
		try {
			const items = findings.map((f) => String(f.item));
			await runQuery(conn, 'sampling/findings_delete', { sample_id: sampleId, items });
			if (findings.length) {
				await runQuery(conn, 'sampling/findings_replace', {
					sample_id: sampleId,
					items,
					audited: findings.map((f) => (f.audited_amount === null ? '' : f.audited_amount.toFixed(2))),
					errors: findings.map((f) => String(f.error)),
					notes: findings.map((f) => f.note ?? '')
				});
			}
			await conn.run('COMMIT');
		} catch (e) {
			await conn.run('ROLLBACK');
			throw e;
		}
		const [row] = await runQuery(conn, 'sampling/findings_count', { sample_id: sampleId });
		return { sample_id: sampleId, imported: findings.length, blank, reviewed: Number(row?.n ?? 0), sample_size: manifest.sample_size };
	}, dbPath);
}

export async function listFindings(sampleId: number, dbPath = defaultDbPath()): Promise<Finding[]> {
	return withConnection(async (conn) => (await runQuery(conn, 'sampling/findings_list', { sample_id: sampleId })) as unknown as Finding[], dbPath);
}

/** The findings template: one row per sampled unit, to fill in and upload. */
export function findingsTemplate(manifest: Manifest): string {
	const rows = manifest.units
		.filter((u) => u.role === 'sample')
		.map((u) => ({ item: u.item, stratum: u.stratum, unit_no: u.unit_no, unit_id: u.unit_id, examined_amount: u.examined_amount, audited_amount: null, error: null, note: null }));
	return toCsv(['item', 'stratum', 'unit_no', 'unit_id', 'examined_amount', 'audited_amount', 'error', 'note'], rows);
}
