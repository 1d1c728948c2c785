// What every report module receives and throws (src/lib/server/reports/registry.ts).

/** Who asks and when; `at` is an ISO time printed on the report. */
export interface ReportContext {
	by: string;
	at: string;
	dbPath?: string;
}

/** The report cannot be made from these parameters (the page answers 404/400, the CLI prints it). */
export class ReportError extends Error {}
