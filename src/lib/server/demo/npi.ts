// National Provider Identifier check digit. CMS ("NPI check digit", 45 CFR 162.406 and the
// CMS NPI standard) uses the ISO/IEC 7812 Luhn formula over the card-issuer prefix 80840
// followed by the first 9 digits of the NPI; the 10th digit is the check digit.
import type { Rng } from './prng.ts';

/** Luhn check digit for the NPI whose first nine digits are `first9` (e.g. '123456789' -> 3). */
export function npiCheckDigit(first9: string): number {
	if (!/^\d{9}$/.test(first9)) throw new TypeError(`expected 9 digits, got "${first9}"`);
	const payload = `80840${first9}`;
	let sum = 0;
	// Double every second digit starting with the rightmost digit of the payload.
	for (let i = payload.length - 1, double = true; i >= 0; i--, double = !double) {
		let d = payload.charCodeAt(i) - 48;
		if (double) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return (10 - (sum % 10)) % 10;
}

/** True when `npi` is 10 digits and its last digit is the Luhn check digit of the first nine. */
export function isValidNpi(npi: string): boolean {
	return /^\d{10}$/.test(npi) && npiCheckDigit(npi.slice(0, 9)) === Number(npi[9]);
}

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
