// The period flags every analysing command takes: --from/--to (whole months), or a shortcut:
// --quarter 2025-Q1, --year-period 2025, --last-12-months (ending with the newest service month).
import { defaultDbPath } from '../lib/server/db/database.ts';
import { serviceRange } from '../lib/server/rules/evaluate.ts';
import { last12Months, parsePeriod, PeriodError, quarterPeriod, yearPeriod, type Period } from '../lib/period.ts';
import { CliError } from './output.ts';

export interface PeriodFlags {
	from?: string;
	to?: string;
	quarter?: string;
	'year-period'?: string;
	'last-12-months'?: boolean;
}

/** The period the flags ask for, or null (every service date). @throws CliError naming the bad value */
export async function periodFromFlags(f: PeriodFlags, dbPath?: string): Promise<Period | null> {
	const given = [f.from || f.to ? 'from/to' : null, f.quarter ? 'quarter' : null, f['year-period'] ? 'year-period' : null, f['last-12-months'] ? 'last-12-months' : null].filter(Boolean);
	if (given.length > 1) throw new CliError(`give one period: ${given.join(' and ')} both given`);
	try {
		if (f.quarter) return quarterPeriod(f.quarter);
		if (f['year-period']) {
			if (!/^\d{4}$/.test(f['year-period'])) throw new PeriodError(`--year-period: "${f['year-period']}" is not a year`);
			return yearPeriod(Number(f['year-period']));
		}
		if (f['last-12-months']) {
			const { last } = await serviceRange(dbPath ?? defaultDbPath());
			if (!last) throw new PeriodError('--last-12-months: no claim lines imported');
			return last12Months(last);
		}
		return parsePeriod(f.from, f.to);
	} catch (e) {
		if (e instanceof PeriodError) throw new CliError(e.message);
		throw e;
	}
}
