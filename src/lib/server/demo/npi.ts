// Random valid NPIs for the demo; the check digit itself lives in src/lib/npi.ts.
import type { Rng } from './prng.ts';
import { npiCheckDigit } from '../../npi.ts';

export { npiCheckDigit, isValidNpi } from '../../npi.ts';

/**
 * A random, syntactically valid NPI starting with 1 or 2 (the digits CMS issues today), not
 * already in `used`. These are random numbers: they mean nothing and may by chance equal a
 * real provider's NPI, which is why every demo name and id is marked synthetic.
 */
export function randomNpi(rng: Rng, used: Set<string>): string {
	for (;;) {
		let first9 = String(rng.int(1, 2));
		for (let i = 0; i < 8; i++) first9 += String(rng.int(0, 9));
		const npi = first9 + String(npiCheckDigit(first9));
		if (!used.has(npi)) {
			used.add(npi);
			return npi;
		}
	}
}
