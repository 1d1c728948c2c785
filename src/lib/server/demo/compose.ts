// Composes one claim (1-4 lines: codes, modifiers, units, minutes, diagnoses) from a
// provider's habits. Dates, patients, money and statuses are decided later (generate-demo.ts,
// adjudicate.ts). Realistic mixes per specialty; see docs/demo-data.md.
import {
	DX, DX_ACTINIC, DX_MOHS, DX_SKIN_BIOPSY, DX_WART, ED_EM, EM_EST, EM_NEW, HOSP_INITIAL,
	HOSP_SUBSEQUENT, PSYCHOTHERAPY, SIGNIFICANT_PROCEDURES, type Specialty
} from './catalog.ts';
import { at, type Rng } from './prng.ts';
import { estDist, trendShare } from './provider-params.ts';
import type { Provider } from './roster.ts';

export interface LineDraft {
	code: string;
	mods: string[];
	units: number;
	minutes: number | null;
	dx: string[];
}

export interface ClaimDraft {
	pos: string;
	/** True when the visit may fall on a weekend (ED, inpatient). */
	anyDay: boolean;
	lines: LineDraft[];
}

const PROCS: Partial<Record<Specialty, string[]>> = {
	'Internal Medicine': ['96372', '20610', '69210', '93000'],
	'Family Practice': ['20610', '17110', '11102', '96372', '69210', '17000'],
	Endocrinology: ['10005', '95251', '20605'],
	'Emergency Medicine': ['12001', '12002', '10060', '29125']
};

function line(code: string, dx: string[], mods: string[] = [], units = 1, minutes: number | null = null): LineDraft {
	return { code, mods, units, minutes, dx };
}

function pickDx(rng: Rng, list: readonly string[], max = 4): string[] {
	const n = Math.min(max, 1 + rng.weighted([45, 30, 17, 8]));
	return rng.shuffled(list).slice(0, n);
}

/** Minutes for a timed line (recorded on ~90% of them). */
function minutesFor(code: string, rng: Rng, psych60 = false): number | null {
	if (!rng.chance(0.9)) return null;
	switch (code) {
		case '90832': return rng.int(16, 37);
		case '90834': return rng.int(38, 52);
		case '90837': return psych60 ? rng.int(53, 60) : rng.int(53, 65);
		case '99291': return rng.int(30, 74);
		default: return null;
	}
}

function modifiers59(rng: Rng): string[] {
	return rng.pick([['59'], ['XS'], ['59', 'XS'], ['XS', '59'], ['XU']]);
}

function officeEm(p: Provider, month: number, rng: Rng, allowNew = true): string {
	const h = p.habits;
	if (allowNew && rng.chance(h.newShare)) return at(EM_NEW, rng.weighted(h.newDist));
	const dist = h.trend ? estDist(trendShare(month)) : h.estDist;
	return at(EM_EST, rng.weighted(dist));
}

/** Adds modifier 25 / GC to the E/M line and shuffles multi-modifier order (as billed). */
function finishEm(em: LineDraft, p: Provider, hasProcedure: boolean, rng: Rng): void {
	const h = p.habits;
	if (rng.chance(hasProcedure ? h.mod25WithProc : h.mod25NoProc)) em.mods.push('25');
	if (h.teaching && rng.chance(0.7)) em.mods.push('GC');
	if (em.mods.length > 1) em.mods = rng.shuffled(em.mods);
}

function primaryCare(p: Provider, month: number, rng: Rng): ClaimDraft {
	const h = p.habits;
	const dx = pickDx(rng, DX[p.specialty]);
	const em = line(officeEm(p, month, rng), dx);
	const lines = [em];
	let significant = false;
	const procs = PROCS[p.specialty];
	if (procs && rng.chance(h.procRate)) {
		const code = rng.pick(procs);
		significant = SIGNIFICANT_PROCEDURES.has(code);
		// 59 family on some office procedures (e.g. an injection beside another procedure).
		const mods = significant && rng.chance(0.15) ? modifiers59(rng) : [];
		lines.push(line(code, dx.slice(0, 1), mods));
	}
	if (rng.chance(h.drawRate)) {
		lines.push(line(rng.chance(h.p36410) ? '36410' : '36415', dx.slice(0, 1)));
		if (rng.chance(0.3)) lines.push(line(rng.pick(['83036', '81002']), dx.slice(0, 1)));
	}
	finishEm(em, p, significant, rng);
	if (!em.mods.includes('25') && lines.length < 4 && rng.chance(0.12)) lines.push(line('G2211', dx.slice(0, 1)));
	return { pos: '11', anyDay: false, lines };
}

function psychiatry(p: Provider, month: number, rng: Rng): ClaimDraft {
	const h = p.habits;
	const dx = pickDx(rng, DX.Psychiatry, 2);
	const tele = rng.chance(0.12);
	const mods = tele ? ['95'] : [];
	const lines: LineDraft[] = [];
	const kind = rng.weighted([h.therapyShare, 0.88 - h.therapyShare, 0.07, 0.05]);
	if (kind === 0) {
		const code = at(PSYCHOTHERAPY, rng.weighted(h.psychDist));
		lines.push(line(code, dx, mods.slice(), 1, minutesFor(code, rng, p.role === 'psych60')));
	} else if (kind === 1) {
		const em = line(officeEm(p, month, rng, false), dx, mods.slice());
		lines.push(em);
		if (rng.chance(0.3)) lines.push(line('90833', dx, mods.slice()));
	} else if (kind === 2) {
		lines.push(line('90792', dx, mods.slice()));
	} else {
		lines.push(line(at(EM_NEW, rng.weighted(h.newDist)), dx, mods.slice()));
	}
	if (rng.chance(0.12)) lines.push(line('96127', dx.slice(0, 1)));
	return { pos: tele ? '10' : '11', anyDay: false, lines };
}

function emergency(p: Provider, rng: Rng): ClaimDraft {
	const h = p.habits;
	const dx = pickDx(rng, DX['Emergency Medicine'], 3);
	if (rng.chance(h.ccShare)) {
		const lines = [line('99291', dx, [], 1, minutesFor('99291', rng))];
		if (rng.chance(0.1)) lines.push(line('99292', dx, [], 1, rng.chance(0.9) ? rng.int(30, 40) : null));
		return { pos: '23', anyDay: true, lines };
	}
	const em = line(at(ED_EM, rng.weighted(h.edDist)), dx);
	const lines = [em];
	let significant = false;
	const procs = PROCS['Emergency Medicine'] ?? [];
	if (rng.chance(h.procRate)) {
		significant = true;
		lines.push(line(rng.pick(procs), dx.slice(0, 1), rng.chance(h.p59 / 3) ? modifiers59(rng) : []));
	}
	if (rng.chance(0.2)) lines.push(line('93010', dx.slice(0, 1)));
	finishEm(em, p, significant, rng);
	return { pos: '23', anyDay: true, lines };
}

function dermatology(p: Provider, month: number, rng: Rng): ClaimDraft {
	const h = p.habits;
	const procMods = () => (rng.chance(h.p59) ? modifiers59(rng) : []);
	const kind = rng.weighted([0.4, 0.3, 0.15, h.mohsRate]);
	const lines: LineDraft[] = [];
	if (kind === 3) {
		const dx = [rng.pick(DX_MOHS)];
		const headNeck = rng.chance(0.65);
		lines.push(line(headNeck ? '17311' : '17313', dx, procMods()));
		const extra = rng.weighted(h.mohsAddWeights);
		if (extra > 0) lines.push(line(headNeck ? '17312' : '17314', dx, procMods(), extra));
		if (rng.chance(0.05)) lines.push(line('17315', dx, procMods()));
		return { pos: '11', anyDay: false, lines };
	}
	const dx = pickDx(rng, DX.Dermatology, 3);
	if (kind !== 2) lines.push(line(officeEm(p, month, rng), dx));
	if (kind !== 0) {
		const which = rng.weighted([0.45, 0.35, 0.2]);
		if (which === 0) {
			lines.push(line('17000', DX_ACTINIC, procMods()));
			if (rng.chance(0.5)) lines.push(line('17003', DX_ACTINIC, procMods(), rng.int(1, 9)));
		} else if (which === 1) {
			const bx = [rng.pick(DX_SKIN_BIOPSY)];
			lines.push(line(rng.chance(0.8) ? '11102' : '11104', bx, procMods()));
			if (rng.chance(0.3)) lines.push(line('11103', bx, procMods(), rng.int(1, 2)));
		} else {
			lines.push(line('17110', [rng.pick(DX_WART)], procMods()));
		}
	}
	const em = lines[0];
	if (em && kind === 1) finishEm(em, p, true, rng);
	else if (em && kind === 0) finishEm(em, p, false, rng);
	return { pos: '11', anyDay: false, lines };
}

function pulmonary(p: Provider, month: number, rng: Rng): ClaimDraft {
	const h = p.habits;
	const dx = pickDx(rng, DX['Pulmonary/Critical Care'], 4);
	const gc = (): string[] => (h.teaching && rng.chance(0.6) ? ['GC'] : []);
	if (rng.chance(0.55)) {
		if (rng.chance(h.ccShare)) {
			const lines = [line('99291', dx, gc(), 1, minutesFor('99291', rng))];
			if (rng.chance(0.3)) {
				const u = rng.chance(0.8) ? 1 : 2;
				lines.push(line('99292', dx, gc(), u, rng.chance(0.9) ? 30 * u + rng.int(0, 9) : null));
			}
			if (rng.chance(h.bundledDrawProb)) lines.push(line(rng.pick(['36415', '36415', '36410', '36600']), dx.slice(0, 1)));
			return { pos: '21', anyDay: true, lines };
		}
		const initial = rng.chance(0.25);
		const code = initial
			? at(HOSP_INITIAL, rng.weighted([0.15, 0.45, 0.4]))
			: at(HOSP_SUBSEQUENT, rng.weighted([0.25, 0.5, 0.25]));
		// AI: principal physician of record (some initial visits); order as billed varies.
		const mods = initial && rng.chance(0.3) ? rng.shuffled(['AI', ...gc()]) : gc();
		return { pos: '21', anyDay: true, lines: [line(code, dx, mods)] };
	}
	const em = line(officeEm(p, month, rng), dx);
	const lines = [em];
	let significant = false;
	if (rng.chance(0.35)) {
		lines.push(line(rng.chance(0.5) ? '94060' : '94010', dx.slice(0, 1)));
		if (rng.chance(0.4)) lines.push(line('94729', dx.slice(0, 1)));
	} else if (rng.chance(0.1)) lines.push(line('94618', dx.slice(0, 1)));
	if (rng.chance(h.procRate)) {
		significant = true;
		lines.push(line('31622', dx.slice(0, 1), rng.chance(h.p59) ? modifiers59(rng) : []));
	}
	finishEm(em, p, significant, rng);
	return { pos: rng.chance(0.8) ? '11' : '22', anyDay: false, lines: lines.slice(0, 4) };
}

export function composeClaim(p: Provider, month: number, rng: Rng): ClaimDraft {
	switch (p.specialty) {
		case 'Psychiatry': return psychiatry(p, month, rng);
		case 'Emergency Medicine': return emergency(p, rng);
		case 'Dermatology': return dermatology(p, month, rng);
		case 'Pulmonary/Critical Care': return pulmonary(p, month, rng);
		default: return primaryCare(p, month, rng);
	}
}

/** A one-line claim for a special (decoy or impossible-day) visit. */
export function specialClaim(p: Provider, code: string, minutes: number | null, rng: Rng): ClaimDraft {
	return { pos: '11', anyDay: false, lines: [line(code, pickDx(rng, DX[p.specialty], 2), [], 1, minutes)] };
}
