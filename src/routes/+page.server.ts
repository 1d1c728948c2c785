import { getOverview } from '$lib/server/overview/get-overview';
import type { PageServerLoad } from './$types';

export const load = (async () => ({ overview: await getOverview() })) satisfies PageServerLoad;
