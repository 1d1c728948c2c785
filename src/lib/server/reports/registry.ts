// The report registry (issue 12): one module per report. The download route
// (/api/reports/[report]), `claimlens report`, the pages' download links and the README read
// this list; a report names its permission (roles.ts), its parameters (zod, from the query
// string or the CLI) and the positional argument the CLI takes. The module that builds it loads
// only when that report is made.
import { z } from 'zod';
import type { Permission } from '../auth/roles.ts';
import type { ReportContext } from './types.ts';

export interface ReportModule {
	id: string;
	label: string;
	/** what it holds, in a sentence (CLI usage, README) */
	what: string;
	permission: Permission;
	params: z.ZodType<Record<string, unknown>>;
	/** the CLI's positional argument, mapped onto this parameter (e.g. NPI -> npi) */
	positional: { name: string; param: string } | null;
	build: (params: Record<string, unknown>, ctx: ReportContext) => Promise<{ html: string; filename: string }>;
}

/** a period of whole months (src/lib/period.ts): from/to; checked by the report (PeriodError) */
const PeriodParams = { from: z.string().max(10).optional(), to: z.string().max(10).optional() };
export const ProviderParams = z.object({ npi: z.string().regex(/^\d{10}$/, 'a 10-digit NPI'), ...PeriodParams });
export const CommitteeParams = z.object({ top: z.coerce.number().int().min(1).max(200).default(15), ...PeriodParams });
export const CoderParams = z.object({ coder: z.string().trim().min(1, 'a coder id').max(200) });
export const AppraisalParams = z.object({ sample: z.coerce.number().int().positive() });

export const reports: ReportModule[] = [
	{
		id: 'provider', label: 'Provider report', permission: 'flags', positional: { name: 'NPI', param: 'npi' },
		what: 'every rule for one provider: funnel and monthly trend of each flag, dollars at risk, the claims behind each flag, and its review cases',
		params: ProviderParams,
		build: async (p, ctx) => (await import('./provider.ts')).providerReportHtml(p as z.infer<typeof ProviderParams>, ctx)
	},
	{
		id: 'committee', label: 'Compliance committee pack', permission: 'reports_committee', positional: null,
		what: 'top flags, the audit work plan, denial and coder-accuracy summaries, open, overdue and recently closed cases',
		params: CommitteeParams as unknown as z.ZodType<Record<string, unknown>>,
		build: async (p, ctx) => (await import('./committee.ts')).committeeReportHtml(p as z.infer<typeof CommitteeParams>, ctx)
	},
	{
		id: 'coder', label: 'Coder scorecard', permission: 'accuracy', positional: { name: 'CODER_ID', param: 'coder' },
		what: 'one coder\'s accuracy with 95% intervals, error classes, accuracy before and after each education, and the re-audit due date',
		params: CoderParams,
		build: async (p, ctx) => (await import('./coder.ts')).coderReportHtml(p as z.infer<typeof CoderParams>, ctx)
	},
	{
		id: 'appraisal', label: 'Appraisal report', permission: 'samples', positional: { name: 'SAMPLE_ID', param: 'sample' },
		what: 'a RAT-STATS style printout of a sample\'s appraisal: examined, audited and difference side by side, nonzero differences, recovery, the item listing',
		params: AppraisalParams as unknown as z.ZodType<Record<string, unknown>>,
		build: async (p, ctx) => (await import('./appraisal.ts')).appraisalReportHtml(p as z.infer<typeof AppraisalParams>, ctx)
	}
];

export const reportById = (id: string): ReportModule | undefined => reports.find((r) => r.id === id);
