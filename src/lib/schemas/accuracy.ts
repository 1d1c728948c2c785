// Coder accuracy shapes shared by the server function, GET /api/accuracy, the CSV endpoint,
// `claimlens accuracy` and the pages. Definitions: domain.md "Coder accuracy" and the comments
// of queries/accuracy/prepare.sql.
import { z } from 'zod';

/** The accuracy target of domain.md: a group is below it when the Wilson upper bound is < 95%. */
export const ACCURACY_TARGET = 0.95;

/**
 * Error classes in the issue's display order. Precedence (the first that applies is a wrong
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

// ---- Coder education and re-audit (issue "coder education", part 3) ----

/**
 * One re-audit band: a coder whose latest audit scored at or above the previous band's `below`
 * (0 for the first) and under this `below` is re-audited every `interval_days`. The last band has
 * below = 1 and also takes a score of exactly 100%. Fractions, not percentages.
 */
export const ReauditBand = z.object({
	below: z.number({ error: 'a band bound must be a number' }),
	interval_days: z.number({ error: 'a band interval must be a number of days' })
});
export type ReauditBand = z.infer<typeof ReauditBand>;

/**
 * Defaults (the issue's example): below 80% monthly, 80-95% quarterly, at or above 95% annually;
 * the 95% target of domain.md; and a re-audit at most 90 days after an education given after
 * the coder's last audit (a quarter: the same cadence as the middle band).
 */
export const DEFAULT_REAUDIT_BANDS: readonly ReauditBand[] = [
	{ below: 0.8, interval_days: 30 },
	{ below: 0.95, interval_days: 90 },
	{ below: 1, interval_days: 365 }
];
export const DEFAULT_AFTER_EDUCATION_DAYS = 90;
/** Longest interval accepted anywhere (ten years): beyond it a "schedule" is a typo. */
const MAX_DAYS = 3650;

const pct = (v: number) => `${Number((v * 100).toFixed(2))}%`;
const days = (name: string) =>
	z
		.number({ error: `${name} must be a whole number of days` })
		.refine((v) => Number.isInteger(v) && v >= 1 && v <= MAX_DAYS, { error: (i) => `${name} must be a whole number of days from 1 to ${MAX_DAYS} (got ${String(i.input)})` });

export const AccuracyTarget = z
	.number({ error: 'target must be a number such as 0.95' })
	.refine((v) => v >= 0.5 && v <= 1, { error: (i) => `target must be between 0.5 and 1 (50% to 100%), got ${String(i.input)}` });

/** The bands as a list: bounds strictly increasing in (0, 1], the last one exactly 1. */
export const ReauditBands = z.array(ReauditBand).superRefine((bands, ctx) => {
	if (bands.length === 0) ctx.addIssue({ code: 'custom', message: 'bands: give at least one band (the last with bound 1)' });
	if (bands.length > 10) ctx.addIssue({ code: 'custom', message: `bands: at most 10 bands (got ${bands.length})` });
	let previous = 0;
	bands.forEach((b, i) => {
		const name = `band ${i + 1}`;
		if (!Number.isFinite(b.below) || b.below <= 0 || b.below > 1) ctx.addIssue({ code: 'custom', path: [i, 'below'], message: `${name}: bound must be above 0 and at most 1 (100%), got ${b.below}` });
		else if (b.below <= previous) ctx.addIssue({ code: 'custom', path: [i, 'below'], message: `${name}: bound ${pct(b.below)} must be above the previous band's ${pct(previous)}` });
		if (!Number.isInteger(b.interval_days) || b.interval_days < 1 || b.interval_days > MAX_DAYS) ctx.addIssue({ code: 'custom', path: [i, 'interval_days'], message: `${name}: interval must be a whole number of days from 1 to ${MAX_DAYS}, got ${b.interval_days}` });
		previous = Math.max(previous, b.below);
	});
	const last = bands[bands.length - 1];
	if (last && last.below !== 1) ctx.addIssue({ code: 'custom', path: [bands.length - 1, 'below'], message: `band ${bands.length}: the last band's bound must be 1 (100%: it takes scores up to 100%), got ${last.below} (${pct(last.below)})` });
});

/** Accuracy settings: the target (below_target verdicts) and the re-audit schedule. */
export const AccuracySettings = z.object({
	target: AccuracyTarget,
	bands: ReauditBands,
	after_education_days: days('after_education_days')
});
export type AccuracySettings = z.infer<typeof AccuracySettings>;

export const DEFAULT_ACCURACY_SETTINGS: AccuracySettings = {
	target: ACCURACY_TARGET,
	bands: DEFAULT_REAUDIT_BANDS.map((b) => ({ ...b })),
	after_education_days: DEFAULT_AFTER_EDUCATION_DAYS
};

/**
 * The first issue of a failed parse as one line that names the value. The messages above all
 * start with the value's name ("target must be ...", "band 2: ...", "date ..."); zod's own
 * generic ones ("Invalid input ...") get the field's path in front.
 */
export function firstIssue(error: z.ZodError): string {
	const issue = error.issues[0];
	if (!issue) return 'invalid value';
	return /^Invalid/.test(issue.message) && issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}

/**
 * Bands written as the CLI takes them, "BOUND:DAYS,..." with bounds as fractions
 * ("0.80:30,0.95:90,1:365"), to the list AccuracySettings validates. Throws an Error naming the
 * piece that is not BOUND:DAYS.
 */
export function parseBandsText(text: string): ReauditBand[] {
	return text.split(',').map((piece, i) => {
		const m = /^\s*([0-9]*\.?[0-9]+)\s*:\s*([0-9]+)\s*$/.exec(piece);
		if (!m) throw new Error(`bands: band ${i + 1} "${piece.trim()}" is not BOUND:DAYS (for example 0.80:30)`);
		return { below: Number(m[1]), interval_days: Number(m[2]) };
	});
}

/** Bands back to the CLI's text form. */
export const bandsText = (bands: readonly ReauditBand[]) => bands.map((b) => `${b.below}:${b.interval_days}`).join(',');

const requiredText = (name: string, max: number) =>
	z.string({ error: `${name} is required` }).trim().min(1, `${name} is required`).max(max, `${name} is at most ${max} characters`);

/**
 * One education to record (form data and CLI flags both end here). given_on is a calendar day
 * (YYYY-MM-DD); whether it lies in the future is checked by addEducation, which knows today.
 */
export const EducationInput = z.object({
	coder: requiredText('coder', 200),
	given_on: z
		.string({ error: 'date is required (YYYY-MM-DD)' })
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')
		.refine((s) => IsoDate.safeParse(s).success, { error: (i) => `date ${String(i.input)} is not a calendar date` }),
	topic: requiredText('topic', 200),
	error_classes: z
		.array(z.enum(errorClasses, { error: (i) => `error class "${String(i.input)}" is not one of ${errorClasses.join(', ')}` }))
		.default([])
		.transform((cs) => errorClasses.filter((c) => cs.includes(c))),
	note: z.string().trim().max(1000, 'note is at most 1000 characters').optional().transform((v) => v || undefined)
});
export type EducationInput = z.input<typeof EducationInput>;
