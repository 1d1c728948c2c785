// The period of a request's URL (?period=2025-Q1 | last12 | 2025 | all, or from/to of whole
// months) for endpoints and pages; a bad value is a 400 naming it.
import { error } from '@sveltejs/kit';
import { PeriodError, resolvePeriod, type Period } from '../../period.ts';
import { serviceRange } from '../rules/evaluate.ts';

export async function urlPeriod(url: URL): Promise<Period | null> {
	const q = { period: url.searchParams.get('period'), from: url.searchParams.get('from'), to: url.searchParams.get('to') };
	try {
		return resolvePeriod(q, q.period === 'last12' ? (await serviceRange()).last : null);
	} catch (e) {
		if (e instanceof PeriodError) error(400, e.message);
		throw e;
	}
}
