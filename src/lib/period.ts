// Periods (issue 11): every analysis can be restricted to a service-date range. The
// provider-service summary that peer rules read is monthly (provider_services.service_month), so
// a period is a run of whole months: from the 1st of a month to the last day of a month.
// Quarters, years and "the last 12 months" are such runs. Pure: shared by pages, endpoints, the
// CLI and tests.

export interface Period {
	/** first day, YYYY-MM-DD (always the 1st of a month) */
	from: string;
	/** last day, YYYY-MM-DD (always the last day of a month) */
	to: string;
}

export class PeriodError extends Error {}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** The last day of a month (month 1-12), as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
	const d = new Date(Date.UTC(year, month, 0));
	return `${year}-${pad(month)}-${pad(d.getUTCDate())}`;
}

function valid(s: string): boolean {
	if (!ISO.test(s)) return false;
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * A period from the user's from/to (both or neither). The period must be whole months: from is
 * the 1st, to the last day of a month (the summary peer rules read is monthly).
 * @returns null when neither is given (all service dates)
 * @throws PeriodError naming the value found
 */
export function parsePeriod(from: string | undefined | null, to: string | undefined | null): Period | null {
	let f = from?.trim() || '';
	let t = to?.trim() || '';
	// a month picker's YYYY-MM: the whole month
	if (/^\d{4}-\d{2}$/.test(f)) f = `${f}-01`;
	if (/^\d{4}-(0[1-9]|1[0-2])$/.test(t)) t = monthEnd(Number(t.slice(0, 4)), Number(t.slice(5, 7)));
	if (!f && !t) return null;
	if (!f || !t) throw new PeriodError(`give both ends of the period (from ${f || '?'} to ${t || '?'})`);
	if (!valid(f)) throw new PeriodError(`from: "${f}" is not a date (YYYY-MM-DD)`);
	if (!valid(t)) throw new PeriodError(`to: "${t}" is not a date (YYYY-MM-DD)`);
	if (!f.endsWith('-01')) throw new PeriodError(`from: ${f} is not the first day of a month; periods are whole months (flags read a monthly summary): use ${f.slice(0, 8)}01`);
	const [ty, tm] = t.split('-').map(Number) as [number, number];
	if (t !== monthEnd(ty, tm)) throw new PeriodError(`to: ${t} is not the last day of a month; periods are whole months: use ${monthEnd(ty, tm)}`);
	if (f > t) throw new PeriodError(`the period starts (${f}) after it ends (${t})`);
	return { from: f, to: t };
}

/** The quarter a date falls in, e.g. "2025-Q1". */
export function quarterOf(date: string): string {
	const [y, m] = date.split('-').map(Number) as [number, number];
	return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

/** A quarter ("2025-Q1") as a period: 2025-01-01 to 2025-03-31. */
export function quarterPeriod(q: string): Period {
	const m = /^(\d{4})-Q([1-4])$/.exec(q);
	if (!m) throw new PeriodError(`"${q}" is not a quarter (YYYY-Qn)`);
	const y = Number(m[1]);
	const first = (Number(m[2]) - 1) * 3 + 1;
	return { from: `${y}-${pad(first)}-01`, to: monthEnd(y, first + 2) };
}

/** A calendar year as a period. */
export function yearPeriod(year: number): Period {
	return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The 12 months ending with the month of `lastDate` (the newest service date in the data). */
export function last12Months(lastDate: string): Period {
	const [y, m] = lastDate.split('-').map(Number) as [number, number];
	const start = new Date(Date.UTC(y, m - 12, 1));
	return { from: `${start.getUTCFullYear()}-${pad(start.getUTCMonth() + 1)}-01`, to: monthEnd(y, m) };
}

/** The n quarters ending with the quarter of `lastDate`, oldest first. */
export function lastQuarters(lastDate: string, n: number): string[] {
	const [y, m] = lastDate.split('-').map(Number) as [number, number];
	let idx = y * 4 + Math.floor((m - 1) / 3);
	const out: string[] = [];
	for (let i = 0; i < n; i++, idx--) out.unshift(`${Math.floor(idx / 4)}-Q${(idx % 4) + 1}`);
	return out;
}

/** "2025-01-01 to 2025-03-31 (2025-Q1)", "2025-01-01 to 2025-12-31 (2025)" or "all service dates". */
export function periodLabel(p: Period | null): string {
	if (!p) return 'all service dates';
	const [fy, fm] = p.from.split('-').map(Number) as [number, number];
	const [ty, tm] = p.to.split('-').map(Number) as [number, number];
	const months = (ty - fy) * 12 + (tm - fm) + 1;
	let name = '';
	if (months === 1) name = ` (${p.from.slice(0, 7)})`;
	else if (months === 3 && (fm - 1) % 3 === 0) name = ` (${quarterOf(p.from)})`;
	else if (months === 12 && fm === 1) name = ` (${fy})`;
	else name = ` (${months} months)`;
	return `${p.from} to ${p.to}${name}`;
}

/**
 * The period a query asks for: a shortcut (`period`: "all", "last12", a year "2025" or a quarter
 * "2025-Q1") or from/to. "last12" needs the newest service date in the data (`lastDate`).
 * @throws PeriodError naming the value found
 */
export function resolvePeriod(q: { period?: string | null; from?: string | null; to?: string | null }, lastDate: string | null): Period | null {
	// a shortcut wins over from/to (a page's form sends both when a shortcut is chosen)
	const p = q.period?.trim();
	if (!p) return parsePeriod(q.from, q.to);
	if (p === 'all') return null;
	if (p === 'last12') {
		if (!lastDate) throw new PeriodError('the last 12 months: no claim lines imported');
		return last12Months(lastDate);
	}
	if (/^\d{4}$/.test(p)) return yearPeriod(Number(p));
	if (/^\d{4}-Q[1-4]$/.test(p)) return quarterPeriod(p);
	throw new PeriodError(`period: "${p}" is not all, last12, a year (2025) or a quarter (2025-Q1)`);
}

/** The shortcuts a page offers for data from `first` to `last` (YYYY-MM-DD): years and quarters, newest first. */
export function periodChoices(first: string | null, last: string | null): { value: string; label: string }[] {
	if (!first || !last) return [];
	const out: { value: string; label: string }[] = [{ value: 'last12', label: `Last 12 months (${periodLabel(last12Months(last)).split(' (')[0]})` }];
	for (let y = Number(last.slice(0, 4)); y >= Number(first.slice(0, 4)); y--) out.push({ value: String(y), label: `Year ${y}` });
	const quarters = lastQuarters(last, 12).filter((q) => quarterPeriod(q).to >= first);
	for (const q of quarters.reverse()) out.push({ value: q, label: `${q} (${quarterPeriod(q).from.slice(5)} to ${quarterPeriod(q).to.slice(5)})` });
	return out;
}
