// Review cases (issue 12): the shapes of `claimlens cases --json`, GET /api/cases and the Cases
// pages, and the values people may choose. Shared by server and browser (no server imports).
import { z } from 'zod';

/** A case's life cycle, in the order it usually runs. */
export const caseStatuses = ['open', 'in_review', 'records_requested', 'audit_in_progress', 'closed'] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

/** How a closed case ended (refund covers a voluntary refund and an OIG self-disclosure). */
export const caseOutcomes = ['no_issue', 'education', 'refund', 'referred'] as const;
export const CaseOutcome = z.enum(caseOutcomes);
export type CaseOutcome = z.infer<typeof CaseOutcome>;

export const statusLabel: Record<CaseStatus, string> = {
	open: 'Open',
	in_review: 'In review',
	records_requested: 'Records requested',
	audit_in_progress: 'Audit in progress',
	closed: 'Closed'
};
export const outcomeLabel: Record<CaseOutcome, string> = {
	no_issue: 'No issue',
	education: 'Education',
	refund: 'Refund / self-disclosure',
	referred: 'Referred'
};

export const IsoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

export const CaseFilter = z.object({
	status: z.union([CaseStatus, z.literal('active'), z.literal('')]).optional().transform((v) => v || undefined),
	assignee: z.string().trim().toLowerCase().max(254).optional().transform((v) => v || undefined),
	rule: z.union([z.string().regex(/^[a-z0-9_]+$/), z.literal('')]).optional().transform((v) => v || undefined),
	npi: z.union([z.string().regex(/^\d{10}$/), z.literal('')]).optional().transform((v) => v || undefined),
	overdue: z
		.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', ''])])
		.transform((v) => v === true || v === 'true' || v === '1' || v === 'on')
		.optional(),
	mine: z
		.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on', ''])])
		.transform((v) => v === true || v === 'true' || v === '1' || v === 'on')
		.optional()
});
export type CaseFilter = Partial<z.output<typeof CaseFilter>>;

/** What the flag says now against what it said when the case was opened. */
export interface FlagNow {
	/** flagged | cleared (evaluated, no longer flagged) | gone (the provider has no row for the rule now) */
	state: 'flagged' | 'cleared' | 'gone';
	severity: string | null;
	rate: number | null;
	z: number | null;
	dollars_at_risk: number | null;
	findings: number | null;
	/** one sentence per statistic that moved, e.g. "rate 31.4% → 28.0%"; empty when nothing moved */
	changes: string[];
}

export interface CaseEvent {
	at: string;
	author: string;
	kind: 'opened' | 'note' | 'status' | 'assign' | 'due' | 'sample';
	text: string;
}

/** One case: every JSON row carries these fields. */
export interface ReviewCase {
	case_id: number;
	provider_npi: string;
	provider_name: string | null;
	rule_id: string;
	rule_title: string;
	period_from: string;
	period_to: string;
	status: CaseStatus;
	outcome: CaseOutcome | null;
	assignee: string | null;
	due_date: string | null;
	overdue: boolean;
	opened_by: string;
	opened_at: string;
	closed_at: string | null;
	/** the notes people wrote, oldest first */
	notes: { at: string; author: string; text: string }[];
	/** notes and the case's own history (opened, status, assignment, due date, samples) */
	history: CaseEvent[];
	samples: number[];
	/** the flag's statistics when the case was opened (the FlagRow of that evaluation) */
	snapshot: Record<string, unknown>;
	/** the data version (imports) the snapshot was taken at */
	data_version: string;
	flag_now: FlagNow;
}
