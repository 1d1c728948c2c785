// GET /api/workplan[?all=1]: providers ranked across every rule; the same function as /workplan
// and `claimlens workplan --json`.
import { json } from '@sveltejs/kit';
import { getWorkplan } from '$lib/server/cases/workplan';
import { urlPeriod } from '$lib/server/http/url-period';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => json(await getWorkplan({ all: ['1', 'true', 'on'].includes(url.searchParams.get('all') ?? ''), period: await urlPeriod(url) }), { headers: { 'cache-control': 'no-store' } });
