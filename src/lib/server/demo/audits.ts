// Audit worksheet rows for a sampled claim: every line of the claim, as coded and as the
// auditor says it should be. Each line is wrong with probability 1 - (coder's accuracy);
// errors spread over the classes of domain.md. Auditors list modifiers in sorted order, so a
// correctly coded line whose modifiers were billed in another order shows the same set in a
// different order: NOT an error. audited_amount = the provider's charge for the audited
// code and units (0 when struck), so a correct line has billed = audited.
import { AUDITOR_IDS, EM_EST, EM_NEW, ED_EM, FAMILIES, type Specialty } from './catalog.ts';
import { isoAfter, DAY_ISO } from './calendar.ts';
import { chargeCents } from './adjudicate.ts';
import { money } from './csv-out.ts';
import { at, type Rng } from './prng.ts';
import type { Provider } from './roster.ts';

export const AUDIT_HEADER =
	'audit_id,claim_id,line_number,coder_id,auditor_id,audit_date,specialty,service_date,original_code,audited_code,original_modifiers,audited_modifiers,original_units,audited_units,original_diagnoses,audited_diagnoses,billed_amount,audited_amount';

export interface EmittedLine {
	lineNumber: number;
	code: string;
	mods: string[];
	units: number;
	dx: string[];
	chargeCents: number;
}

export interface AuditClaim {
	claimId: string;
	coderId: string;
	provider: Provider;
	day: number;
	lines: EmittedLine[];
	/** Diagnosis list the auditor picks from when changing a code. */
	dxPool: readonly string[];
}

type ErrorClass = 'upcoded' | 'downcoded' | 'wrong_code' | 'not_supported' | 'modifier_error' | 'units_error' | 'added_by_auditor';
const CLASSES: ErrorClass[] = ['upcoded', 'downcoded', 'wrong_code', 'not_supported', 'modifier_error', 'units_error', 'added_by_auditor'];
const CLASS_WEIGHTS = [28, 14, 12, 8, 20, 8, 10];
/** Codes billed per unit, where a units error is plausible even at 1 unit. */
const PER_UNIT = new Set(['17003', '11103', '17312', '17314', '17315', '99292', '96372', '94729', '36415', '83036']);
/** On per-unit codes, units errors are the most common miss. */
const CLASS_WEIGHTS_PER_UNIT = [14, 7, 6, 8, 10, 45, 10];

/** Plausible "right code" for a wrong code (different family). */
const WRONG: Readonly<Record<string, string>> = {
	'99212': '99202', '99213': '99203', '99214': '99204', '99215': '99205',
	'99202': '99212', '99203': '99213', '99204': '99214', '99205': '99215',
	'17000': '17110', '17110': '17000', '20610': '20605', '20605': '20610',
	'99291': '99233', '99233': '99291', '99232': '99222', '99285': '99291', '99284': '99291',
	'90834': '90833', '90792': '90791', '17311': '17313', '17313': '17311', '17312': '17314',
	'17314': '17312', '10060': '12001', '94618': '94010', '36415': '36600', '96372': '20610'
};

/** Codes an auditor adds when the coder missed a billable service, by specialty. */
const ADDED: Record<Specialty, string[]> = {
	'Internal Medicine': ['36415', '83036', 'G2211', '96372'],
	'Family Practice': ['36415', '81002', 'G2211', '96372'],
	Psychiatry: ['90833', '96127'],
	Endocrinology: ['36415', '83036', '95251'],
	'Emergency Medicine': ['93010', '12001'],
	Dermatology: ['17003', '11103', '17000'],
	'Pulmonary/Critical Care': ['94729', '94010', '99292']
};

const EM_CODES = new Set<string>([...EM_EST, ...EM_NEW, ...ED_EM]);

function familyStep(code: string, step: number): string | null {
	for (const fam of FAMILIES) {
		const i = fam.indexOf(code);
		if (i >= 0) return fam[i + step] ?? null;
	}
	return null;
}

function changeDx(dx: string[], pool: readonly string[], rng: Rng): string[] {
	const fresh = pool.filter((d) => !dx.includes(d));
	const op = rng.int(0, 2);
	if (op === 0 && dx.length > 1) return dx.filter((_, i) => i !== rng.int(0, dx.length - 1));
	if (op === 1 && dx.length < 4 && fresh.length) return [...dx, rng.pick(fresh)];
	if (fresh.length) {
		const out = dx.slice();
		out[rng.int(0, out.length - 1)] = rng.pick(fresh);
		return out;
	}
	return dx;
}

interface Audited {
	code: string;
	mods: string[];
	units: number;
	/** the auditor swapped the code for one of another family and left the fee open */
	unpriced?: boolean;
	added: boolean;
}

function unchanged(l: EmittedLine): Audited {
	return { code: l.code, mods: l.mods.slice().sort(), units: l.units, added: false };
}

function applyError(l: EmittedLine, cls: ErrorClass, rng: Rng): Audited {
	const same = unchanged(l);
	const sorted = same.mods;
	switch (cls) {
		case 'upcoded':
		case 'downcoded': {
			const code = familyStep(l.code, cls === 'upcoded' ? -1 : 1);
			return code ? { ...same, code } : applyError(l, 'modifier_error', rng);
		}
		case 'wrong_code': {
			const code = WRONG[l.code];
			return code ? { ...same, code, unpriced: true } : applyError(l, 'not_supported', rng);
		}
		case 'not_supported':
			return { code: '', mods: [], units: 0, added: false };
		case 'modifier_error':
			if (sorted.length) return { ...same, mods: sorted.filter((_, i) => i !== rng.int(0, sorted.length - 1)) };
			return { ...same, mods: [EM_CODES.has(l.code) ? '25' : '59'] };
		case 'units_error':
			if (l.units > 1) return { ...same, units: l.units - 1 };
			return PER_UNIT.has(l.code) ? { ...same, units: 2 } : applyError(l, 'modifier_error', rng);
		case 'added_by_auditor':
			return { ...same, added: true };
	}
}

/** CSV rows (with trailing newlines) for one audited claim. `nextId` numbers the rows. */
export function auditRows(c: AuditClaim, accuracy: number, rng: Rng, nextId: () => string): string[] {
	const p = c.provider;
	const auditor = rng.pick(AUDITOR_IDS);
	const auditDate = isoAfter(c.day, rng.int(14, 45));
	const head = (lineNumber: number) =>
		`${nextId()},${c.claimId},${lineNumber},${c.coderId},${auditor},${auditDate},${p.specialty},${at(DAY_ISO, c.day)}`;
	const rows: string[] = [];
	let added = 0;
	for (const l of c.lines) {
		const wrong = rng.chance(1 - accuracy);
		const weights = l.units > 1 || PER_UNIT.has(l.code) ? CLASS_WEIGHTS_PER_UNIT : CLASS_WEIGHTS;
		const a = wrong ? applyError(l, at(CLASSES, rng.weighted(weights)), rng) : unchanged(l);
		// "Added by auditor": this line stands, but the coder missed another billable service.
		if (a.added) added++;
		const dx = rng.chance(wrong ? 0.3 : 0.05) ? changeDx(l.dx, c.dxPool, rng) : l.dx;
		const auditedCents = a.code ? chargeCents(p, a.code, a.units) : 0;
		rows.push(
			`${head(l.lineNumber)},${l.code},${a.code},${l.mods.join(';')},${a.mods.join(';')},${l.units},${a.units},` +
				`${l.dx.join(';')},${dx.join(';')},${money(l.chargeCents)},${a.unpriced ? '' : money(auditedCents)}\n`
		);
	}
	const claimDx = c.lines[0]?.dx ?? [];
	for (let k = 1; k <= added; k++) {
		const code = rng.pick(ADDED[p.specialty]);
		rows.push(
			`${head(c.lines.length + k)},,${code},,,0,1,,${claimDx.join(';')},0.00,${money(chargeCents(p, code, 1))}\n`
		);
	}
	return rows;
}
