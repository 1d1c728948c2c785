// National Provider Identifier check digit. CMS ("NPI check digit", 45 CFR 162.406 and the
// CMS NPI standard) uses the ISO/IEC 7812 Luhn formula over the card-issuer prefix 80840
// followed by the first 9 digits of the NPI; the 10th digit is the check digit.

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

/** Why an NPI is refused, or null when it is valid. */
export function npiProblem(npi: string): string | null {
	if (!/^\d{10}$/.test(npi)) return 'NPI must be 10 digits';
	return isValidNpi(npi) ? null : 'bad NPI check digit';
}
