// Sampling frames: a saved filter over claim lines, numbered in a stable order, with its size,
// dollars and checksum. Used by the Samples page, GET /api/samples/frames and `claimlens
// sample`. A frame's lines are stored (sampling_frame_lines), so later imports do not move it.
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { readQuery, runQuery, runSql, type Params } from '../db/query-files.ts';
import { loadCatalog, resolveCodes } from '../rules/catalog.ts';
import { findingLines } from '../rules/line-engine.ts';
import { FrameDefinition } from '../../schemas/sampling.ts';

export class SamplingError extends Error {}

export interface FrameInfo {
	frame_id: number;
	name: string | null;
	unit: 'line' | 'claim';
	definition: FrameDefinition;
	size: number;
	total_paid: number;
	checksum: string;
	created_at: string;
	created_by: string | null;
	samples?: number;
}

export const CHECKSUM_METHOD = 'sha256 (hex) of the unit ids in unit_no order, each followed by "\\n"';
export const FRAME_ORDER = 'unit_no = 1..N by claim_id, then line_number (line units); by claim_id (claim units); a line imported twice counts once (latest import)';

/** The SQL parameters of queries/sampling/frame_units.sql for a definition (resolves the rule). */
async function frameParams(conn: DuckDBConnection, def: FrameDefinition): Promise<Params> {
	const params: Params = {
		unit: def.unit,
		npis: def.npis,
		codes: def.codes,
		specialty: def.specialty ?? '',
		payer: def.payer ?? '',
		date_from: def.date_from ?? null,
		date_to: def.date_to ?? null,
		amount_min: def.amount_min ?? null,
		amount_max: def.amount_max ?? null,
		rule_kind: '',
		den_codes: [],
		num_codes: [],
		num_modifiers: [],
		key_claim_ids: [],
		key_line_numbers: []
	};
	if (!def.rule) return params;
	const catalog = loadCatalog();
	const peer = catalog.peer.find((r) => r.id === def.rule);
	const line = catalog.line.find((r) => r.id === def.rule);
	if (peer) {
		const present = (await runQuery(conn, 'rules/distinct_codes', { source: 'claims', year: 0 })).map((r) => String(r.procedure_code));
		const codes = resolveCodes(peer, present);
		return { ...params, rule_kind: 'peer', den_codes: codes.den, num_codes: codes.num, num_modifiers: peer.numerator.modifiers };
	}
	if (line) {
		const mine = await findingLines(conn, line, def.npis);
		if (mine === null) throw new SamplingError(`rule ${def.rule} needs the ${line.requires_table} table, which is not imported`);
		return { ...params, rule_kind: 'line', key_claim_ids: mine.map((f) => f.claim_id), key_line_numbers: mine.map((f) => String(f.line_number)) };
	}
	throw new SamplingError(`unknown rule ${def.rule}`);
}

/** frame_units.sql as a sub-query (its text comes from the file, never from input). */
const unitsSubquery = () => `(\n${readQuery('sampling/frame_units').replace(/;\s*$/, '')}\n)`;

export function parseDefinition(input: unknown): FrameDefinition {
	const parsed = FrameDefinition.safeParse(input);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new SamplingError(`frame definition: ${issue?.path.join('.') || 'value'}: ${issue?.message}`);
	}
	return parsed.data;
}

/** Size and dollars of a definition without saving it. */
export async function previewFrame(def: FrameDefinition, dbPath = defaultDbPath()): Promise<{ size: number; total_paid: number; lines: number }> {
	return withConnection(async (conn) => {
		const params = await frameParams(conn, def);
		const [row] = await runSql(conn, `SELECT count(DISTINCT unit_no)::BIGINT AS size, coalesce(sum(paid_amount), 0)::DOUBLE AS total_paid, count(*)::BIGINT AS lines FROM ${unitsSubquery()}`, params);
		return { size: Number(row?.size ?? 0), total_paid: Number(row?.total_paid ?? 0), lines: Number(row?.lines ?? 0) };
	}, dbPath);
}

function toFrame(row: Record<string, unknown>): FrameInfo {
	return {
		frame_id: Number(row.frame_id),
		name: (row.name as string | null) ?? null,
		unit: row.unit === 'claim' ? 'claim' : 'line',
		definition: FrameDefinition.parse(JSON.parse(String(row.definition))),
		size: Number(row.size),
		total_paid: Number(row.total_paid),
		checksum: String(row.checksum),
		created_at: String(row.created_at),
		created_by: (row.created_by as string | null) ?? null,
		...(row.samples !== undefined ? { samples: Number(row.samples) } : {})
	};
}

/** Saves a frame: numbers its units, stores its lines, records size, dollars and checksum. */
export async function createFrame(def: FrameDefinition, opts: { createdBy?: string; dbPath?: string } = {}): Promise<FrameInfo> {
	return withConnection(async (conn) => {
		const params = await frameParams(conn, def);
		await conn.run('BEGIN TRANSACTION');
		try {
			const [{ id } = { id: 0 }] = await runSql(conn, `SELECT nextval('sampling_frame_id_seq')::INTEGER AS id`);
			const frameId = Number(id);
			await runSql(conn, `INSERT INTO sampling_frame_lines SELECT $frame_id::INTEGER, unit_no, unit_id, claim_id, line_number, import_id, paid_amount FROM ${unitsSubquery()}`, { ...params, frame_id: frameId });
			const [stats] = await runQuery(conn, 'sampling/frame_stats', { frame_id: frameId });
			if (!stats || Number(stats.size) === 0) throw new SamplingError('the frame is empty: no claim lines match this definition');
			await runQuery(conn, 'sampling/frame_insert', { frame_id: frameId, name: def.name ?? null, unit: def.unit, definition: JSON.stringify(def), size: Number(stats.size), total_paid: Number(stats.total_paid), checksum: String(stats.checksum), created_by: opts.createdBy ?? null });
			await conn.run('COMMIT');
			const [row] = await runQuery(conn, 'sampling/frame_get', { frame_id: frameId });
			return toFrame(row as Record<string, unknown>);
		} catch (e) {
			await conn.run('ROLLBACK');
			throw e;
		}
	}, opts.dbPath ?? defaultDbPath());
}

export async function listFrames(path = defaultDbPath()): Promise<FrameInfo[]> {
	return withConnection(async (conn) => (await runQuery(conn, 'sampling/frames_list')).map((r) => toFrame(r)), path);
}

export async function getFrame(frameId: number, path = defaultDbPath()): Promise<FrameInfo> {
	const [row] = await withConnection((conn) => runQuery(conn, 'sampling/frame_get', { frame_id: frameId }), path);
	if (!row) throw new SamplingError(`no frame ${frameId}`);
	return toFrame(row);
}

/** Reported (paid) amounts of a frame's units: mean and population SD, dollars per unit. */
export interface FrameAmounts {
	units: number;
	mean_paid: number;
	sd_paid: number;
}

/** Mean and SD of a frame's unit amounts (queries/sampling/frame_amount_moments.sql). Throws SamplingError for an unknown frame. */
export async function frameAmounts(frameId: number, path = defaultDbPath()): Promise<FrameAmounts> {
	const [row] = await withConnection((conn) => runQuery(conn, 'sampling/frame_amount_moments', { frame_id: frameId }), path);
	if (!row || Number(row.units) === 0) throw new SamplingError(`no frame ${frameId}`);
	return { units: Number(row.units), mean_paid: Number(row.mean_paid), sd_paid: Number(row.sd_paid) };
}

/** Unit ids of a frame in unit_no order (what the checksum covers), for verification. */
export async function frameUnitIds(frameId: number, path = defaultDbPath()): Promise<string[]> {
	return withConnection(async (conn) => {
		const rows = await runQuery(conn, 'sampling/frame_unit_ids', { frame_id: frameId });
		return rows.map((r) => String(r.unit_id));
	}, path);
}

/** Specialties and payers present in the claim lines (choices of the frame form). */
export async function frameFilterOptions(path = defaultDbPath()): Promise<{ specialties: string[]; payers: string[] }> {
	const rows = await withConnection((conn) => runQuery(conn, 'sampling/filter_options'), path);
	return {
		specialties: rows.filter((r) => r.kind === 'specialty').map((r) => String(r.value)),
		payers: rows.filter((r) => r.kind === 'payer').map((r) => String(r.value))
	};
}
