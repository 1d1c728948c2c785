// Coder accuracy shapes shared by the server function, GET /api/accuracy, the CSV endpoint,
// `claimlens accuracy` and the pages. Definitions: domain.md "Coder accuracy" and the comments
// of queries/accuracy/prepare.sql.
import { z } from 'zod';

/** The accuracy target of domain.md: a group is below it when the Wilson upper bound is < 95%. */
export const ACCURACY_TARGET = 0.95;

/**
 * Error classes in the display order. Precedence (the first that applies is a wrong
 * line's one class) is different: added_by_auditor, not_supported, upcoded / downcoded /
 * wrong_code, modifier_error, units_error (queries/accuracy/prepare.sql).
 */
export const errorClasses = ['upcoded', 'downcoded', 'wrong_code', 'added_by_auditor', 'not_supported', 'modifier_error', 'units_error'] as const;
export const ErrorClass = z.enum(errorClasses);
export type ErrorClass = z.infer<typeof ErrorClass>;

export const errorClassLabels: Record<ErrorClass, string> = {
	upcoded: 'Upcoded',
	downcoded: 'Downcoded',
	wrong_code: 'Wrong code',
	added_by_auditor: 'Added by auditor',
	not_supported: 'Not supported',
	modifier_error: 'Modifier error',
	units_error: 'Units error'
};

export const accuracyDimensions = ['coder', 'specialty', 'month', 'auditor'] as const;
export const AccuracyBy = z.enum(accuracyDimensions);
export type AccuracyBy = z.infer<typeof AccuracyBy>;

const IsoDate = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
	.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');
const optionalDate = z.union([IsoDate, z.literal('')]).optional().transform((v) => v || undefined);
const optionalText = z.string().trim().max(200).optional().transform((v) => v || undefined);

/** Filters of every accuracy question (URL parameters, CLI flags). Empty strings mean "any". */
export const AccuracyFilters = z
	.object({ from: optionalDate, to: optionalDate, specialty: optionalText, auditor: optionalText, coder: optionalText })
	.refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'from must not be after to', path: ['from'] });
export type AccuracyFilters = Partial<z.output<typeof AccuracyFilters>>;

/** GET /api/accuracy: the filters plus the grouping. */
export const AccuracyQuery = z.intersection(AccuracyFilters, z.object({ by: AccuracyBy.default('coder') }));

export const ErrorCounts = z.object(Object.fromEntries(errorClasses.map((c) => [c, z.number().int()])) as Record<ErrorClass, z.ZodNumber>);
export type ErrorCounts = Record<ErrorClass, number>;

/** One group (a coder, specialty, auditor or month): the JSON of `claimlens accuracy --json`. */
export const AccuracyGroup = z.object({
	group: z.string(),
	audited_lines: z.number().int(),
	correct_lines: z.number().int(),
	line_accuracy: z.number().nullable(),
	line_accuracy_low: z.number().nullable(),
	line_accuracy_high: z.number().nullable(),
	/** design effect of the claim clustering behind the line-accuracy interval (1 = none; Korn & Graubard 1998) */
	line_design_effect: z.number().nullable(),
	audited_claims: z.number().int(),
	correct_claims: z.number().int(),
	claim_accuracy: z.number().nullable(),
	claim_accuracy_low: z.number().nullable(),
	claim_accuracy_high: z.number().nullable(),
	dx_matched: z.number().int(),
	dx_compared: z.number().int(),
	dx_accuracy: z.number().nullable(),
	dx_accuracy_low: z.number().nullable(),
	dx_accuracy_high: z.number().nullable(),
	errors: ErrorCounts,
	error_lines: z.number().int(),
	top_error: ErrorClass.nullable(),
	financial_impact: z.number().nullable(),
	overbilled: z.number(),
	underbilled: z.number(),
	priced_lines: z.number().int(),
	below_target: z.boolean(),
	/** the group's specialties (coders work across several) */
	specialties: z.array(z.string())
});
export type AccuracyGroup = z.infer<typeof AccuracyGroup>;

/** A specialty's month: one point of the trend chart. */
export type TrendCell = AccuracyGroup & { specialty: string; month: string };

export interface CodePair {
	original_code: string;
	audited_code: string;
	error_class: ErrorClass;
	lines: number;
	original_lines: number;
	coders: number;
	financial_impact: number | null;
}

export interface AuditLine {
	audit_id: string | null;
	claim_id: string;
	line_number: number;
	coder_id: string;
	auditor_id: string | null;
	specialty: string | null;
	service_date: string | null;
	audit_date: string | null;
	result: ErrorClass | 'correct';
	original_code: string | null;
	audited_code: string | null;
	original_modifiers: string[];
	audited_modifiers: string[];
	original_units: number | null;
	audited_units: number | null;
	original_diagnoses: string[];
	audited_diagnoses: string[];
	billed_amount: number | null;
	audited_amount: number | null;
	difference: number | null;
}

export interface AccuracyOptions {
	audited_lines: number;
	specialties: string[];
	auditors: string[];
	coders: string[];
	first_date: string | null;
	last_date: string | null;
}

export interface CodeFamily {
	family: string;
	codes: string[];
}

/** Tables offered as CSV at /api/accuracy/<table>.csv (each takes the filters). */
export const csvTables = ['coders', 'specialties', 'auditors', 'months', 'specialty-months', 'code-pairs', 'lines'] as const;
export const CsvTable = z.enum(csvTables);
export type CsvTable = z.infer<typeof CsvTable>;

/** Filters as a query string (for links that keep them), without empty values. */
export function filterSearch(f: AccuracyFilters, extra: Record<string, string | undefined> = {}): string {
	const entries = Object.entries({ ...f, ...extra }).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
	return entries.length ? `?${new URLSearchParams(entries)}` : '';
}
