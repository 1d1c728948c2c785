// Reading samples back: the stored manifest with its export log, shaped for a
// de-identification tier, and the list of past samples. Used by the Samples pages,
// GET /api/samples[/ID/manifest.json] and the CLI.
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { Manifest, tierDescriptions, type ExportRecord, type Tier } from '../../schemas/sampling.ts';
import { SamplingError } from './frames.ts';

export interface SampleListRow {
	sample_id: number;
	frame_id: number;
	frame_name: string | null;
	unit: string;
	method: string;
	seed: number;
	sample_size: number;
	spares: number;
	drawn_by: string;
	drawn_at: string;
	findings: number;
	frame_size: number;
	frame_checksum: string;
}

export async function listSamples(opts: { frameId?: number; dbPath?: string } = {}): Promise<SampleListRow[]> {
	return withConnection(async (conn) => (await runQuery(conn, 'sampling/samples_list', { frame_id: opts.frameId ?? null })) as unknown as SampleListRow[], opts.dbPath ?? defaultDbPath());
}

/** A manifest as shared at a tier: de-identified tiers drop unit ids (claim ids are PHI). */
export function manifestForTier(m: Manifest, tier: Tier): Manifest {
	const deidentification = { tier, description: tierDescriptions[tier] };
	if (tier === 'full') return { ...m, deidentification };
	return {
		...m,
		sample_ids: null,
		spare_ids: null,
		units: m.units.map((u) => ({ ...u, unit_id: null })),
		deidentification
	};
}

/** The stored manifest (full tier) of a sample, with its export log. */
export async function getManifest(sampleId: number, opts: { tier?: Tier; dbPath?: string } = {}): Promise<Manifest> {
	return withConnection(async (conn) => {
		const [row] = await runQuery(conn, 'sampling/sample_get', { sample_id: sampleId });
		if (!row) throw new SamplingError(`no sample ${sampleId}`);
		const stored = Manifest.parse(JSON.parse(String(row.manifest)));
		const exports = (await runQuery(conn, 'sampling/exports_list', { sample_id: sampleId })) as unknown as ExportRecord[];
		return manifestForTier({ ...stored, exports }, opts.tier ?? 'full');
	}, opts.dbPath ?? defaultDbPath());
}
