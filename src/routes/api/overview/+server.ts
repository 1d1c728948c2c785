import { json } from '@sveltejs/kit';
import { getOverview } from '$lib/server/overview/get-overview';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => json(await getOverview(), { headers: { 'cache-control': 'no-store' } });
