// GET /api/exclusions: the screening (lists used, providers screened, counts, one row per match),
// the same function as the Exclusions page and `claimlens screen --json`.
import { json } from '@sveltejs/kit';
import { screen } from '$lib/server/exclusions/screen';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => json(await screen(), { headers: { 'cache-control': 'no-store' } });
