// The hand-counted peer fixture shared by the flag tests: 10 Internal Medicine providers at
// 15/100 level-5 visits (99215 of 99214+99215), the outlier (provider 11) at 60/100 and the
// low-volume decoy (provider 12) at 8/10; 1,110 claim lines. NPIs carry valid check digits.
import { writeFileSync } from 'node:fs';
import { npiCheckDigit } from '../../src/lib/server/demo/generate-demo.ts';

export const fixtureNpi = (i: number): string => {
	const first9 = String(200000000 + i);
	return `${first9}${npiCheckDigit(first9)}`;
};

export function writePeerFixture(path: string): void {
	const lines = ['claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,service_date,procedure_code,allowed_amount'];
	let claim = 0;
	const visits = (provider: number, total: number, level5: number) => {
		for (let v = 0; v < total; v++) {
			const code = v < level5 ? '99215' : '99214';
			const month = String((v % 12) + 1).padStart(2, '0');
			lines.push(`K${++claim},1,PT${claim},${fixtureNpi(provider)},"Doc ${provider}",Internal Medicine,2025-${month}-10,${code},${code === '99215' ? '184.00' : '131.00'}`);
		}
	};
	for (let p = 1; p <= 10; p++) visits(p, 100, 15);
	visits(11, 100, 60);
	visits(12, 10, 8);
	writeFileSync(path, `${lines.join('\n')}\n`);
}
