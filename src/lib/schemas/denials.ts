// Shapes of the denial analytics, shared by the server functions, GET /api/denials*, the
// `claimlens denials` command and the Denials page. Definitions: domain.md "Denials" and the
// "how computed" note on the page (README "Denials").
import { z } from 'zod';

/** CARC categories written by this project (carc-categories.ts maps codes to them). */
export const denialCategories = [
	'eligibility',
	'authorization',
	'coding',
	'medical_necessity',
	'duplicate',
	'timely_filing',
	'missing_info',
	'other'
] as const;
export const DenialCategory = z.enum(denialCategories);
export type DenialCategory = z.infer<typeof DenialCategory>;

export const categoryLabels: Record<DenialCategory, string> = {
	eligibility: 'Eligibility / coverage',
	authorization: 'Authorization',
	coding: 'Coding / bundling',
	medical_necessity: 'Medical necessity',
	duplicate: 'Duplicate',
	timely_filing: 'Timely filing',
	missing_info: 'Missing information',
	other: 'Other'
};

export const denialDimensions = ['specialty', 'payer', 'month', 'carc', 'category'] as const;
export const DenialBy = z.enum(denialDimensions);
export type DenialBy = z.infer<typeof DenialBy>;

/** "duplicate,eligibility" or ['duplicate', 'eligibility'] -> sorted unique categories. */
export const ExcludeList = z
	.union([z.string().max(300), z.array(z.string().max(300))])
	.optional()
	.transform((v, ctx) => {
		const parts = (Array.isArray(v) ? v : [v ?? '']).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
		const bad = parts.find((p) => !(denialCategories as readonly string[]).includes(p));
		if (bad) {
			ctx.addIssue({ code: 'custom', message: `unknown category "${bad}" (known: ${denialCategories.join(', ')})` });
			return z.NEVER;
		}
		return denialCategories.filter((c) => parts.includes(c));
	});

/** URL search parameters as zod input: `exclude` may repeat (checkboxes) or be comma-separated. */
export function searchInput(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = Object.fromEntries(params);
	out.exclude = params.getAll('exclude');
	return out;
}

/** Query of the Denials page and GET /api/denials. */
export const DenialQuery = z.object({
	by: DenialBy.default('specialty'),
	exclude: ExcludeList,
	/** trend only: restrict the monthly trend to one payer ('' = all) */
	payer: z.string().max(200).optional().transform((v) => v || undefined),
	/** scope of every figure: a period (shortcut or from/to of whole months), a specialty, a payer */
	period: z.string().max(10).optional().transform((v) => v || undefined),
	from: z.string().max(10).optional().transform((v) => v || undefined),
	to: z.string().max(10).optional().transform((v) => v || undefined),
	specialty: z.string().max(200).optional().transform((v) => v || undefined),
	scope_payer: z.string().max(200).optional().transform((v) => v || undefined),
	/** a rendering provider (NPI) */
	provider: z.union([z.string().regex(/^\d{10}$/, 'a provider is a 10-digit NPI'), z.literal('')]).optional().transform((v) => v || undefined)
});
export type DenialQuery = z.output<typeof DenialQuery>;

const Month = z.string().regex(/^\d{4}-\d{2}$/, 'months are YYYY-MM');

/** The lines behind a cell: GET /api/denials/lines(.csv). Empty filter = any. */
export const DenialLinesQuery = z.object({
	exclude: ExcludeList,
	specialty: z.string().max(200).optional().default(''),
	payer: z.string().max(200).optional().default(''),
	month: z.union([Month, z.literal('')]).optional().default(''),
	category: z.union([DenialCategory, z.literal('')]).optional().default(''),
	carc: z.string().regex(/^[A-Za-z0-9 ()-]{0,24}$/).optional().default(''),
	code: z.string().regex(/^[A-Za-z0-9()]{0,16}$/, 'a procedure code').optional().default(''),
	status: z.enum(['denied', 'all']).default('denied'),
	page: z.coerce.number().int().min(1).max(1_000_000).default(1),
	size: z.coerce.number().int().min(1).max(1000).default(50)
});
export type DenialLinesQuery = z.output<typeof DenialLinesQuery>;

/** One group of `claimlens denials --json` (README "Denials" lists the fields). */
export const DenialRateRow = z.object({
	group: z.string(),
	claims: z.number(),
	denied_claims: z.number(),
	claim_denial_rate: z.number().nullable(),
	lines: z.number(),
	denied_lines: z.number(),
	line_denial_rate: z.number().nullable(),
	charges: z.number(),
	denied_charges: z.number(),
	dollar_denial_rate: z.number().nullable(),
	excluded_categories: z.array(DenialCategory),
	/** carc and category groups: our short label; carc groups: the code's category */
	label: z.string().optional(),
	category: DenialCategory.or(z.literal('adjustment')).optional()
});
export type DenialRateRow = z.infer<typeof DenialRateRow>;

export type RateMetric = 'claim' | 'line' | 'dollar';

/** The counts every denial rate is computed from (claim, line and dollar). */
export interface DenialCounts {
	claims: number;
	denied_claims: number;
	lines: number;
	denied_lines: number;
	charges: number;
	denied_charges: number;
}

export interface TrendRow extends DenialCounts {
	month: string;
	specialty: string;
}

export interface HeatCell extends DenialCounts {
	payer: string;
	category: DenialCategory;
}

export interface TopCode {
	specialty: string;
	procedure_code: string;
	lines: number;
	denied_lines: number;
	line_denial_rate: number | null;
	denied_charges: number;
	top_category: string | null;
}

export interface UnknownCode {
	code: string;
	lines: number;
}

export interface CarcEntry {
	carc: string;
	category: DenialCategory | 'adjustment';
	label: string;
}

/** X12 835 imports as the Denials page lists them (queries/denials/remit_summary.sql). */
export interface RemitImport {
	import_id: number;
	file_name: string;
	finished_at: string | null;
	transactions: number;
	payment_total: number;
	claim_paid_total: number;
	provider_adjustment_total: number;
	claim_payments: number;
	claim_charges: number;
	service_lines: number;
	denied_lines: number;
	adjustments: number;
	adjustment_total: number;
	matched_lines: number;
}

export interface RemitSummary {
	imports: RemitImport[];
	service_lines: number;
	matched_lines: number;
}
