// URL parameters of the provider drill-down page and its endpoints.
import { z } from 'zod';

export const Npi = z.string().regex(/^[0-9]{10}$/, 'an NPI is 10 digits');
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

export const DrilldownQuery = z.object({
	rule: z.string().regex(/^[a-z0-9_]+$/),
	peer_by: z.enum(['specialty', 'pos', 'payer']).optional(),
	/** the flag's source and, for CMS, its data year (the drill-down shows the same evaluation) */
	source: z.enum(['claims', 'cms']).optional(),
	year: z.coerce.number().int().min(0).max(2099).optional(),
	/** CMS source: data years to pool, chosen by the user ("2019,2020"); one year = no pooling */
	years: z.string().regex(/^\d{4}(,\d{4})*$/, 'years are YYYY,YYYY').optional().transform((v) => (v ? v.split(',').map(Number) : undefined)),
	/** the flag rule of the evaluation (z default, or fdr: Benjamini-Hochberg q <= 0.05) */
	flag_rule: z.enum(['z', 'fdr']).optional(),
	/** its FDR level (flag when q <= fdr_q) */
	fdr_q: z.coerce.number().min(0.001).max(0.2).optional(),
	/** the period of the flag (a shortcut, or from/to of whole months; src/lib/period.ts) */
	period: z.string().max(10).optional().transform((v) => v || undefined),
	from: z.string().max(10).optional().transform((v) => v || undefined),
	to: z.string().max(10).optional().transform((v) => v || undefined),
	benchmark: z.union([z.enum(['own', 'national', 'both']), z.literal('')]).optional().transform((v) => v || undefined),
	national_year: z.coerce.number().int().min(0).max(2099).optional()
});

export const LinesQuery = z.object({
	npi: Npi,
	rule: z.string().regex(/^[a-z0-9_]+$/),
	code: z.string().regex(/^[A-Za-z0-9]{0,7}$/).optional(),
	from: z.union([IsoDate, z.literal('')]).optional().transform((v) => v || undefined),
	to: z.union([IsoDate, z.literal('')]).optional().transform((v) => v || undefined),
	page: z.coerce.number().int().min(1).max(1_000_000).default(1),
	size: z.coerce.number().int().min(1).max(100_000).default(50)
});
export type LinesQuery = z.infer<typeof LinesQuery>;
