// Draws a sample from a saved frame and records it with its manifest. Simple random, probe
// (30 or 50, simple random) and stratified by paid amount. Same seed + same frame = same
// units: the draw depends only on the seed, the stratum sizes and the frame's unit order.
// Used by the Samples page (?/draw), `claimlens sample` and the tests.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery, runSql } from '../db/query-files.ts';
import { GENERATOR, Xoshiro128, drawWithoutReplacement } from '../stats/sampling-prng.ts';
import { allocate, equalDollarBoundaries, type AmountGroup } from '../stats/sampling-strata.ts';
import type { DesignTarget, DrawRequest, Manifest, ManifestStratum, ManifestUnit } from '../../schemas/sampling.ts';
import { tierDescriptions } from '../../schemas/sampling.ts';
import { CHECKSUM_METHOD, FRAME_ORDER, SamplingError, getFrame, type FrameInfo } from './frames.ts';
import { drawWarnings } from './design-checks.ts';

export const UNKNOWN_USER = 'unknown (no sign-in yet)';

export interface PlannedStratum {
	stratum: number;
	lower: number | null;
	upper: number | null;
	size: number;
	total_paid: number;
	sample_size: number;
	spares: number;
}

export interface Drawn {
	item: number;
	role: 'sample' | 'spare';
	stratum: number;
	draw: number;
	position: number;
}

/** Pure: the draws for a plan, in item order (stratum by stratum, sample then spares). */
export function drawPositions(seed: number, strata: PlannedStratum[]): Drawn[] {
	const rng = new Xoshiro128(seed);
	const out: Drawn[] = [];
	for (const s of strata) {
		const positions = drawWithoutReplacement(rng, s.size, s.sample_size + s.spares);
		positions.forEach((position, i) => {
			out.push({ item: out.length + 1, role: i < s.sample_size ? 'sample' : 'spare', stratum: s.stratum, draw: i + 1, position });
		});
	}
	return out;
}

async function planStrata(frame: FrameInfo, req: DrawRequest, dbPath: string): Promise<{ bounds: number[]; strata: PlannedStratum[]; boundaries: 'user' | 'auto' | null }> {
	return withConnection(async (conn) => {
		let bounds: number[] = [];
		let boundaries: 'user' | 'auto' | null = null;
		if (req.method === 'stratified') {
			if (req.boundaries.length) {
				bounds = req.boundaries;
				boundaries = 'user';
			} else {
				const groups = (await runQuery(conn, 'sampling/frame_amounts', { frame_id: frame.frame_id })) as unknown as AmountGroup[];
				bounds = equalDollarBoundaries(groups, req.strata);
				boundaries = 'auto';
				if (!bounds.length) throw new SamplingError('cannot stratify this frame: its units do not have enough distinct amounts');
			}
		}
		const rows = await runQuery(conn, 'sampling/frame_strata', { frame_id: frame.frame_id, bounds: bounds.map(String) });
		const L = bounds.length + 1;
		const strata: PlannedStratum[] = [];
		for (let h = 1; h <= L; h++) {
			const r = rows.find((x) => Number(x.stratum) === h);
			if (!r) throw new SamplingError(`stratum ${h} (${h === 1 ? `<= ${bounds[0]}` : h === L ? `> ${bounds[L - 2]}` : `${bounds[h - 2]} to ${bounds[h - 1]}`}) has no units: change the boundaries`);
			strata.push({ stratum: h, lower: h === 1 ? null : (bounds[h - 2] as number), upper: h === L ? null : (bounds[h - 1] as number), size: Number(r.size), total_paid: Number(r.total_paid), sample_size: 0, spares: 0 });
		}
		return { bounds, strata, boundaries };
	}, dbPath);
}

export function buildManifest(o: {
	sampleId: number;
	frame: FrameInfo;
	req: DrawRequest;
	strata: PlannedStratum[];
	boundaries: 'user' | 'auto' | null;
	units: ManifestUnit[];
	drawnBy: string;
	drawnAt: string;
}): Manifest {
	const { frame, req, units } = o;
	const strata: ManifestStratum[] = o.strata.map((s) => ({ ...s }));
	const target = designTarget(req);
	return {
		manifest_version: 'claimlens-sample-manifest/1',
		sample_id: o.sampleId,
		method: req.method,
		seed: req.seed,
		generator: { ...GENERATOR },
		frame: {
			frame_id: frame.frame_id,
			name: frame.name,
			unit: frame.unit,
			definition: frame.definition as unknown as Record<string, unknown>,
			size: frame.size,
			total_paid: frame.total_paid,
			checksum: frame.checksum,
			checksum_method: CHECKSUM_METHOD,
			order: FRAME_ORDER,
			created_at: frame.created_at
		},
		sample_size: req.size,
		spares_per_stratum: req.spares,
		allocation: req.method === 'stratified' ? req.allocation : null,
		boundaries: o.boundaries,
		strata,
		sample_ids: units.filter((u) => u.role === 'sample').map((u) => u.unit_id as string),
		spare_ids: units.filter((u) => u.role === 'spare').map((u) => u.unit_id as string),
		sample_unit_nos: units.filter((u) => u.role === 'sample').map((u) => u.unit_no),
		spare_unit_nos: units.filter((u) => u.role === 'spare').map((u) => u.unit_no),
		units,
		drawn_by: o.drawnBy,
		drawn_at: o.drawnAt,
		deidentification: { tier: 'full', description: tierDescriptions.full },
		exports: [],
		design_target: target,
		warnings: drawWarnings(req.size, target)
	};
}

/** The calculator's recommendation the draw was made against, if the request carries one. */
export function designTarget(req: DrawRequest): DesignTarget | null {
	if (req.recommended_size === undefined) return null;
	return {
		recommended_size: req.recommended_size,
		basis: req.target_basis ?? 'variable',
		precision: req.target_precision ?? null,
		confidence: req.target_precision === undefined ? null : (req.target_confidence ?? 0.9)
	};
}

/** Draws and stores a sample; returns its manifest (full tier). */
export async function drawSample(frameId: number, req: DrawRequest, opts: { dbPath?: string } = {}): Promise<Manifest> {
	const dbPath = opts.dbPath ?? defaultDbPath();
	const frame = await getFrame(frameId, dbPath);
	if (req.size > frame.size) throw new SamplingError(`a sample of ${req.size} is larger than the frame (${frame.size} units)`);
	const { bounds, strata, boundaries } = await planStrata(frame, req, dbPath);
	let sizes: number[];
	try {
		sizes = req.method === 'stratified' ? allocate(req.size, strata.map((s) => ({ size: s.size, dollars: s.total_paid })), req.allocation) : [req.size];
	} catch (e) {
		throw new SamplingError((e as Error).message);
	}
	strata.forEach((s, h) => {
		s.sample_size = sizes[h] as number;
		s.spares = Math.min(req.spares, s.size - s.sample_size);
	});
	const drawn = drawPositions(req.seed, strata);
	const drawnBy = req.drawn_by || UNKNOWN_USER;
	const drawnAt = new Date().toISOString();
	return withConnection(async (conn) => {
		await conn.run('BEGIN TRANSACTION');
		try {
			const [{ id } = { id: 0 }] = await runSql(conn, `SELECT nextval('sampling_sample_id_seq')::INTEGER AS id`);
			const sampleId = Number(id);
			await runQuery(conn, 'sampling/sample_insert_units', {
				sample_id: sampleId,
				frame_id: frame.frame_id,
				bounds: bounds.map(String),
				items: drawn.map((d) => String(d.item)),
				roles: drawn.map((d) => d.role),
				strata: drawn.map((d) => String(d.stratum)),
				draws: drawn.map((d) => String(d.draw)),
				positions: drawn.map((d) => String(d.position))
			});
			const units = (await runQuery(conn, 'sampling/sample_units', { sample_id: sampleId })) as unknown as ManifestUnit[];
			if (units.length !== drawn.length) throw new Error(`stored ${units.length} of ${drawn.length} drawn units`);
			const manifest = buildManifest({ sampleId, frame, req, strata, boundaries, units, drawnBy, drawnAt });
			await runQuery(conn, 'sampling/sample_insert', {
				sample_id: sampleId,
				frame_id: frame.frame_id,
				method: req.method,
				seed: String(req.seed),
				sample_size: req.size,
				spares: req.spares,
				manifest: JSON.stringify(manifest),
				drawn_by: drawnBy,
				drawn_at: drawnAt.replace(/Z$/, '')
			});
			await conn.run('COMMIT');
			return manifest;
		} catch (e) {
			await conn.run('ROLLBACK');
			throw e;
		}
	}, dbPath);
}
