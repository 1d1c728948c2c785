// What every report module receives and throws (src/lib/server/reports/registry.ts).
import { parsePeriod, PeriodError, type Period } from '../../period.ts';

/** Who asks and when; `at` is an ISO time printed on the report. */
export interface ReportContext {
	by: string;
	at: string;
	dbPath?: string;
}

/** The report cannot be made from these parameters (the page answers 404/400, the CLI prints it). */
export class ReportError extends Error {}
/** A parameter is malformed (the route answers 400). */
export class ReportParamError extends ReportError {}

/** A report's period from its from/to parameters (whole months), or null; ReportError names a bad one. */
export function reportPeriod(p: { from?: string; to?: string }): Period | null {
	try {
		return parsePeriod(p.from, p.to);
	} catch (e) {
		if (e instanceof PeriodError) throw new ReportParamError(e.message);
		throw e;
	}
}
