// Shapes of the overview answer, shared by the server function, the JSON endpoint, the CLI
// and the page.
import { z } from 'zod';

export const OverviewKpis = z.object({
	claim_lines: z.number(),
	claims: z.number(),
	providers: z.number(),
	specialties: z.number(),
	payers: z.number(),
	first_date: z.string().nullable(),
	last_date: z.string().nullable(),
	adjudicated_claims: z.number(),
	denied_claims: z.number(),
	claim_denial_rate: z.number().nullable(),
	audited_lines: z.number(),
	cms_rows: z.number()
});
export type OverviewKpis = z.infer<typeof OverviewKpis>;

export const MonthRow = z.object({
	month: z.string(),
	lines: z.number(),
	claims: z.number(),
	adjudicated_claims: z.number(),
	denied_claims: z.number(),
	claim_denial_rate: z.number().nullable()
});
export type MonthRow = z.infer<typeof MonthRow>;

export interface Overview {
	kpis: OverviewKpis;
	months: MonthRow[];
}
