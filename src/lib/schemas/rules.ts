// Rule definitions as data (queries/rules/*.json), validated with zod on load. A new
// peer-comparison rule for another code family is a new JSON entry, not new TypeScript.
import { z } from 'zod';

const Code = z.string().regex(/^[A-Z0-9]{4,7}$/, 'a CPT/HCPCS code like 99215 or G0438');

/** A set of codes: explicit codes and/or inclusive ranges (compared as text: 99211..99215). */
export const CodeSet = z.object({
	codes: z.array(Code).default([]),
	ranges: z.array(z.tuple([Code, Code])).default([])
});
export type CodeSet = z.infer<typeof CodeSet>;

export const Severity = z.object({
	medium_z: z.number().positive().default(4),
	high_z: z.number().positive().default(6),
	medium_dollars: z.number().nonnegative().default(10_000),
	high_dollars: z.number().nonnegative().default(50_000)
});

export const PeerRule = z
	.object({
		id: z.string().regex(/^[a-z0-9_]+$/),
		kind: z.literal('peer'),
		title: z.string().min(3),
		family: z.string().min(2),
		denominator: CodeSet,
		/** numerator: a code subset of the denominator, or lines carrying any of these modifiers */
		numerator: z.object({ codes: z.array(Code).default([]), ranges: z.array(z.tuple([Code, Code])).default([]), modifiers: z.array(z.string().regex(/^[A-Z0-9]{2}$/)).default([]) }),
		/** minimum denominator services before a provider can be flagged (CMS suppresses < 11) */
		min_volume: z.number().int().positive().default(30),
		/** funnel z beyond which a rate is "significantly high": 99.8% limit = 3.09 */
		z_threshold: z.number().positive().default(3.090232306167813),
		/** flag only at or above this peer percentile (CBR "significantly higher": 90th) */
		percentile_threshold: z.number().min(0).max(1).default(0.9),
		/** peer groups smaller than this get no flags */
		min_peer_group: z.number().int().min(2).default(5),
		/** peer groups with fewer providers than this judge each provider against the others' rate (leave-one-out) */
		loo_below: z.number().int().min(0).default(20),
		/** over-dispersion model (Spiegelhalter 2005): multiplicative phi, or additive random effects tau^2 */
		overdispersion: z.enum(['multiplicative', 'additive']).default('multiplicative'),
		/** difference: excess x (mean allowed of numerator codes - of the other codes);
		 *  numerator_amount: excess x mean allowed of numerator lines (modifier rules, where the
		 *  whole line is what the modifier unlocked) */
		dollars: z.enum(['difference', 'numerator_amount']).default('difference'),
		severity: Severity.default({ medium_z: 4, high_z: 6, medium_dollars: 10_000, high_dollars: 50_000 }),
		rationale: z.string().min(10),
		source: z.string().min(5)
	})
	.refine((r) => (r.numerator.modifiers.length > 0) !== (r.numerator.codes.length + r.numerator.ranges.length > 0), {
		message: 'numerator needs codes or modifiers, not both'
	});
export type PeerRule = z.infer<typeof PeerRule>;

export const LineRule = z.object({
	id: z.string().regex(/^[a-z0-9_]+$/),
	kind: z.literal('line'),
	title: z.string().min(3),
	/** the SQL file under queries/rules/ that returns one row per finding line */
	query: z.string().regex(/^[a-z0-9_]+$/),
	/** parameters bound to the query (code lists, minute tables) */
	params: z.record(z.string(), z.union([z.array(z.string()), z.number(), z.string()])).default({}),
	/** the rule needs a user-imported CMS table (MUE / NCCI PTP); skipped until one exists */
	requires_table: z.string().optional(),
	severity: z.object({ medium_findings: z.number().int().positive().default(5), high_findings: z.number().int().positive().default(20), medium_dollars: z.number().default(1_000), high_dollars: z.number().default(10_000) }).default({ medium_findings: 5, high_findings: 20, medium_dollars: 1_000, high_dollars: 10_000 }),
	rationale: z.string().min(10),
	source: z.string().min(5)
});
export type LineRule = z.infer<typeof LineRule>;

export const RuleCatalog = z.object({ peer: z.array(PeerRule), line: z.array(LineRule) });
export type RuleCatalog = z.infer<typeof RuleCatalog>;

export function inCodeSet(code: string, set: { codes: string[]; ranges: [string, string][] }): boolean {
	if (set.codes.includes(code)) return true;
	return set.ranges.some(([lo, hi]) => code.length === lo.length && code >= lo && code <= hi);
}
