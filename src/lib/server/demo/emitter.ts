// Turns placed claims into CSV rows: numbers claims, adjudicates them, picks the coder,
// writes claim lines, and decides (systematically, about 1 claim in every ~100 lines) which
// whole claims are audited, writing their audit rows alongside.
import { CODER_IDS, DX, PAYERS } from './catalog.ts';
import { DAY_ISO } from './calendar.ts';
import { adjudicateClaim, type Adjudicated } from './adjudicate.ts';
import { AUDIT_HEADER, auditRows, type EmittedLine } from './audits.ts';
import type { ClaimDraft } from './compose.ts';
import { ChunkedWriter, csvField, money } from './csv-out.ts';
import { at, type Rng } from './prng.ts';
import type { Provider, Roster } from './roster.ts';

export const CLAIMS_HEADER =
	'claim_id,line_number,patient_id,rendering_npi,provider_name,specialty,payer,place_of_service,service_date,procedure_code,modifiers,units,minutes,diagnosis_codes,charge_amount,allowed_amount,paid_amount,line_status,denial_codes,coder_id';

const DRAW_CODES = new Set(['36000', '36410', '36415', '36591', '36600']);
const PAYER_CSV = PAYERS.map((p) => csvField(p.name));

/** Audit rows wanted: ~1% of lines, at least 5,000 for full-size files and 200 for small ones. */
export function auditTarget(lines: number): number {
	return Math.max(lines >= 500_000 ? 5000 : 200, Math.ceil(lines / 100));
}

export class ClaimEmitter {
	written = 0;
	auditRowCount = 0;
	private claimSeq = 0;
	private auditSeq = 0;
	private readonly target: number;
	private readonly patientIds: string[];
	readonly duplicateLines = new Map<string, number>();
	readonly bundledDrawLines = new Map<string, number>();

	constructor(
		private readonly roster: Roster,
		private readonly totalLines: number,
		readonly claims: ChunkedWriter,
		readonly audits: ChunkedWriter,
		private readonly rng: Rng,
		private readonly auditRng: Rng
	) {
		this.target = auditTarget(totalLines);
		this.patientIds = Array.from({ length: roster.patientCount }, (_, i) => `DEMO-P${String(i + 1).padStart(6, '0')}`);
		claims.push(`${CLAIMS_HEADER}\n`);
		audits.push(`${AUDIT_HEADER}\n`);
	}

	/**
	 * Writes one claim; returns true when a writer's chunk is full (caller awaits flush()).
	 * `duplicate` marks a planted duplicate: about half are caught by the payer (CO-18).
	 */
	emit(p: Provider, month: number, day: number, patient: number, draft: ClaimDraft, duplicate = false): boolean {
		const claimId = `DEMO-C${String(++this.claimSeq).padStart(8, '0')}`;
		const payer = this.roster.patientPayer[patient] ?? 0;
		let adj: Adjudicated[] = adjudicateClaim(draft.lines, p, payer, month, this.rng);
		if (duplicate && this.rng.chance(0.5)) {
			adj = adj.map((a) => ({ ...a, status: 'denied', denial: 'CO-18', paidCents: 0 }));
		}
		const coderId = at(CODER_IDS, this.rng.pick(p.coderPool));
		const prefix = `${claimId},`;
		const mid = `,${at(this.patientIds, patient)},${p.csvPrefix},${at(PAYER_CSV, payer)},${draft.pos},${at(DAY_ISO, day)},`;
		let full = false;
		const emitted: EmittedLine[] = [];
		let hasCritical = false;
		let draws = 0;
		draft.lines.forEach((l, i) => {
			const a = at(adj, i);
			const row =
				`${prefix}${i + 1}${mid}${l.code},${l.mods.join(';')},${l.units},${l.minutes ?? ''},${l.dx.join(';')},` +
				`${money(a.chargeCents)},${money(a.allowedCents)},${money(a.paidCents)},${a.status},${a.denial},${coderId}\n`;
			full = this.claims.push(row) || full;
			emitted.push({ lineNumber: i + 1, code: l.code, mods: l.mods, units: l.units, dx: l.dx, chargeCents: a.chargeCents });
			if (l.code === '99291' || l.code === '99292') hasCritical = true;
			if (DRAW_CODES.has(l.code)) draws++;
		});
		this.written += draft.lines.length;
		if (duplicate) this.duplicateLines.set(p.npi, (this.duplicateLines.get(p.npi) ?? 0) + draft.lines.length);
		if (hasCritical && draws) this.bundledDrawLines.set(p.npi, (this.bundledDrawLines.get(p.npi) ?? 0) + draws);

		// Systematic sampling: audit when behind the running target (with a coin flip, so the
		// spacing is not perfectly regular), and always in the last 2% so the total is reached.
		const due = ((this.target + 8) * this.written) / this.totalLines;
		const endgame = this.written > 0.98 * this.totalLines;
		if (this.auditRowCount < due && (endgame || this.auditRng.chance(0.5))) {
			const rows = auditRows(
				{ claimId, coderId, provider: p, day, lines: emitted, dxPool: DX[p.specialty] },
				at(this.roster.coderAccuracy, CODER_IDS.indexOf(coderId)),
				this.auditRng,
				() => `DEMO-AU${String(++this.auditSeq).padStart(7, '0')}`
			);
			for (const r of rows) full = this.audits.push(r) || full;
			this.auditRowCount += rows.length;
		}
		return full;
	}
}
