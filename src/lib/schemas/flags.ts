// One result row per provider and rule: the shape of `claimlens flags --json`, GET /api/flags
// and the Risk flags table. Field names are documented in the README.
import { z } from 'zod';
import { PeriodError, resolvePeriod } from '../period.ts';

export const severities = ['none', 'low', 'medium', 'high'] as const;
export const Severity = z.enum(severities);

export const FlagRow = z.object({
	rule_id: z.string(),
	kind: z.enum(['peer', 'line']),
	title: z.string(),
	provider_npi: z.string(),
	provider_name: z.string().nullable(),
	specialty: z.string(),
	peer_group: z.string(),
	peer_count: z.number().nullable(),
	numerator: z.number().nullable(),
	denominator: z.number().nullable(),
	rate: z.number().nullable(),
	peer_rate: z.number().nullable(),
	peer_median: z.number().nullable(),
	percentile: z.number().nullable(),
	z: z.number().nullable(),
	/** one-sided p-value of z, 1 - Phi(z); null for line rules and rows without z */
	p_value: z.number().nullable(),
	/** Benjamini-Hochberg q-value over every peer-rule test (row with a z) of the evaluation */
	q_value: z.number().nullable(),
	upper_limit: z.number().nullable(),
	phi: z.number().nullable(),
	/** additive over-dispersion tau^2 (null unless the rule uses the additive model) */
	tau2: z.number().nullable(),
	/** which over-dispersion model the limits use (null for line rules) */
	dispersion_model: z.enum(['multiplicative', 'additive']).nullable(),
	excess_services: z.number().nullable(),
	dollars_at_risk: z.number().nullable(),
	/** high: above the peers (or a line-rule finding); low: below them (under-coding, revenue leakage) */
	direction: z.enum(['high', 'low']),
	/** the service-date period evaluated (whole months); null = every service date imported */
	period_from: z.string().nullable(),
	period_to: z.string().nullable(),
	flagged: z.boolean(),
	/** with a national benchmark (benchmark national or both; src/lib/server/rules/national.ts) */
	national_year: z.number().nullable().optional(),
	national_group: z.string().nullable().optional(),
	national_providers: z.number().nullable().optional(),
	national_rate: z.number().nullable().optional(),
	national_percentile: z.number().nullable().optional(),
	national_z: z.number().nullable().optional(),
	national_flagged: z.boolean().optional(),
	national_direction: z.enum(['high', 'low']).nullable().optional(),
	national_reason: z.string().optional(),
	severity: Severity,
	/** why a row is or is not flagged, condition by condition */
	reasons: z.array(z.string()),
	findings: z.number().optional(),
	claim_ids: z.array(z.string()).optional()
});
export type FlagRow = z.infer<typeof FlagRow>;

/** z: z above the rule's threshold (default); fdr: Benjamini-Hochberg q <= 0.05 instead */
export const flagRules = ['z', 'fdr'] as const;
export const FlagRule = z.enum(flagRules);
export type FlagRule = z.infer<typeof FlagRule>;

/** FDR level for flag_rule=fdr: between 0.001 and 0.2 (above that, most flags could be false); '' = default. */
export const FdrQ = z.union([z.literal('').transform(() => undefined), z.coerce.number().min(0.001).max(0.2)]);

export const FlagQuery = z.object({
	rule: z.union([z.string().regex(/^[a-z0-9_]+$/), z.literal('')]).optional().transform((v) => v || undefined),
	specialty: z.string().max(200).optional().transform((v) => v || undefined),
	severity: z.union([Severity, z.literal('')]).optional().transform((v) => v || undefined),
	q: z.string().max(200).optional(),
	all: z
		.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', ''])])
		.transform((v) => v === true || v === 'true' || v === '1' || v === 'on')
		.optional(),
	source: z.enum(['claims', 'cms']).optional(),
	peer_by: z.enum(['specialty', 'pos', 'payer']).optional(),
	flag_rule: z.union([FlagRule, z.literal('')]).optional().transform((v) => v || undefined),
	/** the FDR level of flag_rule=fdr (flag when q <= fdr_q); default 0.05 */
	fdr_q: FdrQ.optional(),
	/** CMS source: the data year (default the newest imported) */
	year: z.coerce.number().int().min(0).max(2099).optional(),
	/** CMS source: data years to pool, chosen by the user ("2019,2020"); one year = no pooling */
	years: z.string().regex(/^\d{4}(,\d{4})*$/, 'years are YYYY,YYYY').optional().transform((v) => (v ? v.split(',').map(Number) : undefined)),
	/** a period of whole months (both or neither; validated by parsePeriod) */
	/** a period shortcut: all, last12, a year (2025) or a quarter (2025-Q1); else from/to */
	period: z.string().max(10).optional().transform((v) => v || undefined),
	from: z.string().max(10).optional().transform((v) => v || undefined),
	to: z.string().max(10).optional().transform((v) => v || undefined),
	direction: z.union([z.enum(['high', 'low']), z.literal('')]).optional().transform((v) => v || undefined),
	/** own peers (default), national CMS peers, or both (flagged by either) */
	benchmark: z.union([z.enum(['own', 'national', 'both']), z.literal('')]).optional().transform((v) => v || undefined),
	/** the CMS data year of the national benchmark (default the newest imported) */
	national_year: z.coerce.number().int().min(0).max(2099).optional()
});
export type FlagQuery = Partial<z.output<typeof FlagQuery>>;

/** FlagQuery with the period checked (whole months, both ends): what pages and endpoints parse. */
export const FlagQueryChecked = FlagQuery.superRefine((q, ctx) => {
	try {
		// last12 needs the data's newest date (resolved in listFlags); any date checks the shape here
		resolvePeriod(q, '2000-01-01');
	} catch (e) {
		if (e instanceof PeriodError) ctx.addIssue({ code: 'custom', path: ['period'], message: e.message });
		else throw e;
	}
});
