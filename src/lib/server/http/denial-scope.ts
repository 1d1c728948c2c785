// The scope of a denial-lines request (the Denials page's period, specialty and payer), from
// its URL: period/from/to (whole months), scope_specialty, scope_payer. A bad period is a 400.
import type { DenialScope } from '../denials/get-denials.ts';
import { error } from '@sveltejs/kit';
import { urlPeriod } from './url-period.ts';

export async function lineScope(url: URL): Promise<DenialScope> {
	const text = (k: string) => url.searchParams.get(k)?.slice(0, 200) || undefined;
	const provider = text('scope_provider');
	if (provider && !/^\d{10}$/.test(provider)) error(400, `scope_provider: "${provider}" is not a 10-digit NPI`);
	return { period: await urlPeriod(url), specialty: text('scope_specialty'), payer: text('scope_payer'), provider };
}
