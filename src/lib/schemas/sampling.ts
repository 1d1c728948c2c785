// Audit sampling shapes shared by the server, the CLI (`claimlens sample`, `sample-size`,
// `appraise`) and the Samples page: frame definitions, draw requests, the manifest, findings
// and appraisal results. Field names are documented in the README ("Audit sampling").
import { z } from 'zod';
import { Npi } from './drilldown.ts';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');
const Code = z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z0-9]{4,7}$/, 'a CPT/HCPCS code like 99215'));
const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(t: T) => z.preprocess(emptyToUndefined, t.optional());

export const sampleUnits = ['line', 'claim'] as const;
export const SampleUnit = z.enum(sampleUnits);

/** A saved filter over claim lines. Empty fields do not filter. */
export const FrameDefinition = z
	.object({
		name: optional(z.string().trim().max(120)),
		unit: SampleUnit.default('line'),
		npis: z.array(Npi).max(1000).default([]),
		rule: optional(z.string().regex(/^[a-z0-9_]+$/, 'a rule id like em_established_level5')),
		codes: z.array(Code).max(500).default([]),
		specialty: optional(z.string().trim().max(200)),
		payer: optional(z.string().trim().max(200)),
		date_from: optional(IsoDate),
		date_to: optional(IsoDate),
		amount_min: optional(z.coerce.number().finite()),
		amount_max: optional(z.coerce.number().finite())
	})
	.strict()
	.refine((d) => !d.date_from || !d.date_to || d.date_from <= d.date_to, { message: 'date_from is after date_to', path: ['date_to'] })
	.refine((d) => d.amount_min === undefined || d.amount_max === undefined || d.amount_min <= d.amount_max, { message: 'amount_min is above amount_max', path: ['amount_max'] });
export type FrameDefinition = z.output<typeof FrameDefinition>;

export const methods = ['simple', 'stratified', 'probe'] as const;
export const SampleMethod = z.enum(methods);
export const allocations = ['proportional', 'dollars'] as const;
export const Allocation = z.enum(allocations);

export const tiers = ['full', 'limited', 'safe_harbor'] as const;
export const Tier = z.enum(tiers);
export type Tier = z.infer<typeof Tier>;
export const formats = ['csv', 'xlsx', 'parquet'] as const;
export const ExportFormat = z.enum(formats);
export type ExportFormat = z.infer<typeof ExportFormat>;

export const tierDescriptions: Record<Tier, string> = {
	full: 'Full: every column as imported, patient and claim ids and dates of service included (auditor role only).',
	limited:
		'Limited data set (45 CFR 164.514(e)): patient ids and claim ids (account-like numbers) replaced by random surrogate ids made for this export (random UUIDs, not derived from PHI, no key kept); unit ids left out of the manifest (items and unit numbers identify the units); dates of service kept; providers kept (they are not the patients).',
	safe_harbor:
		'Safe harbor (45 CFR 164.514(b)(2)): as the limited data set, and dates of service reduced to the year (YYYY). Diagnosis and procedure codes, amounts and providers kept.'
};

/**
 * What a sample was sized for (the calculator's answer the user took), kept in the manifest so
 * that a smaller draw or a less precise appraisal is flagged (design-checks.ts). precision is
 * relative to the point estimate for variable targets and in rate points for attribute ones.
 */
export const DesignTarget = z.object({
	recommended_size: z.number().int().positive(),
	basis: z.enum(['variable', 'attribute', 'preset']),
	precision: z.number().gt(0).lt(1).nullable(),
	confidence: z.number().gt(0.5).lt(1).nullable()
});
export type DesignTarget = z.infer<typeof DesignTarget>;

export const DrawRequest = z
	.object({
		method: SampleMethod.default('simple'),
		size: z.coerce.number().int().min(1).max(100_000),
		seed: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
		spares: z.coerce.number().int().min(0).max(10_000).default(0),
		/** stratified: user boundaries (upper bounds of every stratum but the last), ascending */
		boundaries: z.array(z.number().finite()).max(19).default([]),
		/** stratified without boundaries: this many strata, boundaries found automatically */
		strata: z.coerce.number().int().min(2).max(20).default(3),
		allocation: Allocation.default('proportional'),
		drawn_by: optional(z.string().trim().max(120)),
		/** the size the calculator recommended, and what for (all optional: a draw may have no target) */
		recommended_size: optional(z.coerce.number().int().positive()),
		target_basis: optional(z.enum(['variable', 'attribute', 'preset'])),
		target_precision: optional(z.coerce.number().gt(0).lt(1)),
		target_confidence: optional(z.coerce.number().gt(0.5).lt(1))
	})
	.refine((r) => r.method !== 'probe' || r.size === 30 || r.size === 50, { message: 'a probe sample has 30 or 50 units', path: ['size'] })
	.refine((r) => r.boundaries.every((b, i) => i === 0 || b > (r.boundaries[i - 1] as number)), { message: 'boundaries must increase', path: ['boundaries'] });
export type DrawRequest = z.output<typeof DrawRequest>;

export const ManifestUnit = z.object({
	item: z.number().int().positive(),
	role: z.enum(['sample', 'spare']),
	stratum: z.number().int().positive(),
	draw: z.number().int().positive(),
	unit_no: z.number().int().positive(),
	/** claim_id:line_number or claim_id; null in de-identified manifests */
	unit_id: z.string().nullable(),
	examined_amount: z.number()
});
export type ManifestUnit = z.infer<typeof ManifestUnit>;

export const ManifestStratum = z.object({
	stratum: z.number().int().positive(),
	/** units with lower < paid amount <= upper (null = open) */
	lower: z.number().nullable(),
	upper: z.number().nullable(),
	size: z.number().int().nonnegative(),
	total_paid: z.number(),
	sample_size: z.number().int().nonnegative(),
	spares: z.number().int().nonnegative()
});
export type ManifestStratum = z.infer<typeof ManifestStratum>;

export const ExportRecord = z.object({
	format: ExportFormat,
	tier: Tier,
	rows: z.number().int().nonnegative(),
	sha256: z.string().nullable(),
	exported_at: z.string(),
	exported_by: z.string()
});
export type ExportRecord = z.infer<typeof ExportRecord>;

export const Manifest = z.object({
	manifest_version: z.literal('claimlens-sample-manifest/1'),
	sample_id: z.number().int().positive(),
	method: SampleMethod,
	seed: z.number().int().nonnegative(),
	generator: z.object({ name: z.string(), version: z.string(), reference: z.string(), draw: z.string() }),
	frame: z.object({
		frame_id: z.number().int().positive(),
		name: z.string().nullable(),
		unit: SampleUnit,
		definition: z.record(z.string(), z.unknown()),
		size: z.number().int().nonnegative(),
		total_paid: z.number(),
		checksum: z.string(),
		checksum_method: z.string(),
		order: z.string(),
		created_at: z.string()
	}),
	sample_size: z.number().int().positive(),
	spares_per_stratum: z.number().int().nonnegative(),
	allocation: Allocation.nullable(),
	boundaries: z.enum(['user', 'auto']).nullable(),
	strata: z.array(ManifestStratum),
	sample_ids: z.array(z.string()).nullable(),
	spare_ids: z.array(z.string()).nullable(),
	sample_unit_nos: z.array(z.number().int()),
	spare_unit_nos: z.array(z.number().int()),
	units: z.array(ManifestUnit),
	drawn_by: z.string(),
	drawn_at: z.string(),
	deidentification: z.object({ tier: Tier, description: z.string() }),
	exports: z.array(ExportRecord),
	/** what the sample was sized for (null: drawn without a target; absent in manifests before it existed) */
	design_target: DesignTarget.nullable().default(null),
	/** said at draw time and kept: e.g. fewer units than recommended */
	warnings: z.array(z.string()).default([])
});
export type Manifest = z.infer<typeof Manifest>;

/** One reviewed unit, matched to its sample item. */
export interface Finding {
	item: number;
	audited_amount: number | null;
	error: boolean;
	note: string | null;
}

export const SizeRequest = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('variable'),
		universe: z.coerce.number().int().min(2),
		mean: z.coerce.number().finite().optional(),
		sd: z.coerce.number().finite().nonnegative().optional(),
		error_rate: z.coerce.number().gt(0).lt(1).optional(),
		/** with error_rate: mean and SD of the reported (paid) amounts per unit (default: the frame's) */
		mean_reported: z.coerce.number().positive().optional(),
		sd_reported: z.coerce.number().finite().nonnegative().optional(),
		/** older name of mean_reported */
		avg_error: z.coerce.number().positive().optional(),
		precision: z.coerce.number().gt(0).lt(1).default(0.25),
		confidence: z.coerce.number().gt(0.5).lt(1).default(0.9)
	}),
	z.object({
		type: z.literal('attribute'),
		universe: z.coerce.number().int().min(2),
		error_rate: z.coerce.number().gt(0).lt(1),
		precision: z.coerce.number().gt(0).lt(1),
		confidence: z.coerce.number().gt(0.5).lt(1).default(0.95)
	}),
	z.object({
		type: z.literal('preset'),
		preset: z.enum(['oig-sdp', 'cia-discovery', 'cia-full']),
		universe: z.coerce.number().int().min(2),
		mean: z.coerce.number().finite().optional(),
		sd: z.coerce.number().finite().nonnegative().optional(),
		net_error_rate: z.coerce.number().min(0).max(1).optional()
	})
]);
export type SizeRequest = z.output<typeof SizeRequest>;

/** The frame form / URL (?npi=&rule=... as the flag drill-down links): lists are comma- or space-separated. */
export const FrameQuery = z.object({
	name: z.string().max(120).optional(),
	unit: z.union([SampleUnit, z.literal('')]).optional(),
	npi: z.string().max(20_000).optional(),
	rule: z.string().max(60).optional(),
	codes: z.string().max(4000).optional(),
	specialty: z.string().max(200).optional(),
	payer: z.string().max(200).optional(),
	from: z.string().max(10).optional(),
	to: z.string().max(10).optional(),
	min: z.string().max(20).optional(),
	max: z.string().max(20).optional()
});
export type FrameQuery = z.infer<typeof FrameQuery>;

const splitList = (s: string | undefined) => (s ?? '').split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);

/** URL/form fields -> the raw definition object (validate with FrameDefinition). */
export function frameQueryToInput(q: FrameQuery): Record<string, unknown> {
	return {
		name: q.name,
		unit: q.unit || 'line',
		npis: splitList(q.npi),
		rule: q.rule,
		codes: splitList(q.codes),
		specialty: q.specialty,
		payer: q.payer,
		date_from: q.from,
		date_to: q.to,
		amount_min: q.min,
		amount_max: q.max
	};
}

/** A definition back to URL fields (to reopen a frame's filter in the form). */
export function definitionToQuery(d: FrameDefinition): Record<string, string> {
	const out: Record<string, string | undefined> = {
		name: d.name,
		unit: d.unit,
		npi: d.npis.join(','),
		rule: d.rule,
		codes: d.codes.join(','),
		specialty: d.specialty,
		payer: d.payer,
		from: d.date_from,
		to: d.date_to,
		min: d.amount_min?.toString(),
		max: d.amount_max?.toString()
	};
	return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => Boolean(e[1])));
}

/** One-line description of a frame definition, for lists and manifests. */
export function describeDefinition(d: FrameDefinition): string {
	const parts = [
		d.npis.length ? `NPI ${d.npis.join(', ')}` : 'all providers',
		d.rule ? `numerator of ${d.rule}` : null,
		d.codes.length ? `codes ${d.codes.join(', ')}` : null,
		d.specialty ? `specialty ${d.specialty}` : null,
		d.payer ? `payer ${d.payer}` : null,
		d.date_from && d.date_to ? `service dates ${d.date_from} to ${d.date_to}` : d.date_from ? `service dates from ${d.date_from}` : d.date_to ? `service dates up to ${d.date_to}` : null,
		d.amount_min !== undefined && d.amount_max !== undefined
			? `${d.unit} paid $${d.amount_min} to $${d.amount_max}`
			: d.amount_min !== undefined
				? `${d.unit} paid $${d.amount_min} or more`
				: d.amount_max !== undefined
					? `${d.unit} paid up to $${d.amount_max}`
					: null
	];
	return `${d.unit === 'claim' ? 'Claims' : 'Claim lines'}: ${parts.filter(Boolean).join('; ')}`;
}
