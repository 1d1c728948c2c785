// X12 837 health care claims, professional (005010X222A1) and institutional (005010X223A2) ->
// claim lines, one per service line (SV1 / SV2). Envelopes are checked as for the 835
// (x12-envelope.ts); every problem names its segment.
//
// Where each field comes from (the implementation guides' loops):
//   claim_id         CLM01 (2300)                  line_number   LX01 (2400)
//   patient_id       2010BA NM1*IL NM109 (subscriber member id); with a 2000C patient loop,
//                    the member id and the patient's name (NM1*QC) so dependants stay apart
//   rendering_npi    2420A NM1*82 (line), else 2310B NM1*82 (claim), else 2010AA NM1*85 (billing)
//   payer            2010BB NM1*PR NM103 of the subscriber loop (2320/2330 other-payer loops are skipped)
//   place_of_service SV105 (837P), else CLM05-1 (837P); none for 837I (CLM05 is a bill type there)
//   service_date     line DTP*472 (D8, or the start of RD8), else claim DTP*472 / DTP*434
//   procedure_code   SV101-2 / SV202-2; an institutional line with only a revenue code is REV<code>
//   modifiers        SV101-3..6 / SV202-3..6;  units SV104 / SV205 (SV103 MJ = minutes: units 1)
//   charge_amount    SV102 / SV203;  diagnosis_codes: the HI codes the line's pointers SV107
//                    name (all of the claim's when the line has none)
import { cents, formatError, quantity } from '../remit/remit-types.ts';
import { X12Envelope } from '../remit/x12-envelope.ts';
import { X12FormatError, comp, compositeProblem, el, type Segment } from '../remit/x12-segments.ts';

export interface ClaimLine837 {
	claim_id: string;
	line_number: number;
	patient_id: string;
	rendering_npi: string;
	payer: string;
	place_of_service: string;
	service_date: string;
	procedure_code: string;
	modifiers: string[];
	units: string;
	minutes: string;
	diagnosis_codes: string[];
	charge_amount: string;
	/** the SV1/SV2 segment number (reject messages point here) */
	segment: number;
}

export interface Claims837 {
	lines: ClaimLine837[];
	/** CLM segments read (claims) */
	claims: number;
	/** what was skipped and why (a repeated interchange) */
	warnings: string[];
	variant: 'professional' | 'institutional';
}

/** HI qualifiers that carry diagnoses (ICD-10: ABK principal, ABF other, ABJ admitting, ABN external cause, APR reason for visit; ICD-9: BK, BF, BJ, BN, PR). */
const DX_QUALIFIERS = new Set(['ABK', 'ABF', 'ABJ', 'ABN', 'APR', 'BK', 'BF', 'BJ', 'BN', 'PR']);

interface OpenClaim {
	id: string;
	pos: string;
	date: string;
	rendering: string;
	dx: string[];
	/** inside a 2320 other-subscriber loop (after SBR, before the first LX) */
	otherPayer: boolean;
}

interface OpenLine {
	row: ClaimLine837;
	pointers: number[];
}

const money = (c: number | null) => (c === null ? '' : (c / 100).toFixed(2));

export class Parser837 {
	readonly out: Claims837 = { lines: [], claims: 0, warnings: [], variant: 'professional' };
	private env = new X12Envelope('837', 'health care claim', false);
	private billingNpi = '';
	private subscriber = { member: '', payer: '', patient: '' };
	private claim: OpenClaim | null = null;
	private line: OpenLine | null = null;
	/** skipping a repeated interchange (same sender and ISA13 as an earlier one) */
	private skipping = false;

	push(s: Segment): void {
		if (this.env.push(s)) {
			if (s.id === 'ISA') {
				this.skipping = Boolean(this.env.repeatOf);
				if (this.skipping) this.out.warnings.push(`segment ${s.n} (ISA): ${this.env.repeatNote()}: its claims were not read again`);
			}
			return;
		}
		if (s.id === 'ST') {
			this.env.openSt(s);
			if (/X223/.test(el(s, 3)) || /X223/.test(this.env.gs ? el(this.env.gs, 8) : '')) this.out.variant = 'institutional';
			this.billingNpi = '';
			return;
		}
		if (s.id === 'SE') {
			if (!this.skipping) this.closeLine();
			this.line = null;
			this.claim = null;
			this.env.closeSe(s);
			return;
		}
		if (!this.env.st) throw formatError(s, 'outside a transaction set (ST..SE)');
		if (this.skipping) return;
		switch (s.id) {
			case 'HL': return this.onHl(s);
			case 'NM1': return this.onNm1(s);
			case 'CLM': return this.onClm(s);
			case 'HI': return this.onHi(s);
			case 'SBR': if (this.claim) this.claim.otherPayer = true; return;
			case 'LX': return this.onLx(s);
			case 'SV1': return this.onSv1(s);
			case 'SV2': return this.onSv2(s);
			case 'DTP': return this.onDtp(s);
		}
	}

	finish(): Claims837 {
		this.env.finish();
		if (!this.out.claims) throw new X12FormatError('no 837 claim (CLM) in the file');
		this.out.warnings.push(...this.env.warnings);
		return this.out;
	}

	private onHl(s: Segment) {
		this.closeLine();
		this.claim = null;
		const level = el(s, 3);
		if (level === '20') {
			this.billingNpi = '';
			this.subscriber = { member: '', payer: '', patient: '' };
		} else if (level === '22') this.subscriber = { member: '', payer: '', patient: '' };
		else if (level === '23') this.subscriber = { ...this.subscriber, patient: '' };
		else if (!level) throw formatError(s, 'HL03 (hierarchical level code) is empty; expected 20, 22 or 23');
	}

	private onNm1(s: Segment) {
		const entity = el(s, 1);
		const npi = el(s, 8) === 'XX' ? el(s, 9) : '';
		if (this.line) {
			// 2420A rendering provider of this line
			if (entity === '82' && npi) this.line.row.rendering_npi = npi;
			return;
		}
		if (this.claim) {
			// 2310B rendering provider; names inside 2320/2330 other-payer loops are not this claim's
			if (entity === '82' && !this.claim.otherPayer && npi) this.claim.rendering = npi;
			return;
		}
		if (entity === '85') this.billingNpi = npi;
		else if (entity === 'IL') this.subscriber.member = el(s, 9);
		else if (entity === 'PR') this.subscriber.payer = el(s, 3);
		else if (entity === 'QC') this.subscriber.patient = [el(s, 3), el(s, 4)].filter(Boolean).join(' ');
	}

	private onClm(s: Segment) {
		this.closeLine();
		if (!el(s, 1)) throw formatError(s, 'CLM01 (the claim id) is empty');
		cents(s, 2, 'CLM02 total charge', true);
		this.out.claims += 1;
		this.claim = { id: el(s, 1), pos: this.out.variant === 'professional' ? comp(s, 5, 1) : '', date: '', rendering: '', dx: [], otherPayer: false };
	}

	private onHi(s: Segment) {
		if (!this.claim || this.claim.otherPayer) return;
		let pending = false;
		for (let i = 1; i <= 12; i++) {
			const qual = comp(s, i, 1);
			const code = comp(s, i, 2);
			if (!qual) continue;
			if (code) {
				if (DX_QUALIFIERS.has(qual)) this.claim.dx.push(code.toUpperCase());
				pending = false;
			} else if (DX_QUALIFIERS.has(qual)) pending = true; // a qualifier written as its own element
			else if (pending) {
				this.claim.dx.push(qual.toUpperCase());
				pending = false;
			}
		}
	}

	private onLx(s: Segment) {
		this.closeLine();
		if (!this.claim) throw formatError(s, 'service line number (LX) outside a claim (CLM)');
		this.claim.otherPayer = false;
		const n = Number(el(s, 1));
		if (!Number.isInteger(n) || n < 1) throw formatError(s, `LX01 "${el(s, 1)}" is not a line number (1, 2, ...)`);
		this.line = { row: this.newRow(s, n), pointers: [] };
	}

	private newRow(s: Segment, n: number): ClaimLine837 {
		const c = this.claim as OpenClaim;
		const patient = this.subscriber.patient ? `${this.subscriber.member}:${this.subscriber.patient}` : this.subscriber.member;
		return {
			claim_id: c.id, line_number: n, patient_id: patient, rendering_npi: '', payer: this.subscriber.payer, place_of_service: c.pos,
			service_date: '', procedure_code: '', modifiers: [], units: '', minutes: '', diagnosis_codes: [], charge_amount: '', segment: s.n
		};
	}

	private onSv1(s: Segment) {
		const line = this.requireLine(s);
		const code = comp(s, 1, 2);
		if (!code) throw formatError(s, compositeProblem(el(s, 1), this.env.component, 'SV101', 'HC', '99213'));
		const r = line.row;
		r.segment = s.n;
		r.procedure_code = code;
		r.modifiers = [3, 4, 5, 6].map((j) => comp(s, 1, j)).filter(Boolean);
		r.charge_amount = money(cents(s, 2, 'SV102 charge', true));
		const qty = quantity(s, 4, 'SV104 units');
		if (el(s, 3) === 'MJ') {
			r.minutes = qty === null ? '' : String(qty);
			r.units = '1';
		} else r.units = qty === null ? '' : String(qty);
		if (comp(s, 5, 1)) r.place_of_service = comp(s, 5, 1);
		line.pointers = [1, 2, 3, 4].map((j) => Number(comp(s, 7, j))).filter((p) => Number.isInteger(p) && p > 0);
	}

	private onSv2(s: Segment) {
		const line = this.requireLine(s);
		const r = line.row;
		const revenue = el(s, 1);
		const code = comp(s, 2, 2);
		if (!code && !revenue) throw formatError(s, 'SV201 (revenue code) and SV202 (procedure) are both empty');
		r.segment = s.n;
		r.procedure_code = code || `REV${revenue}`;
		r.modifiers = [3, 4, 5, 6].map((j) => comp(s, 2, j)).filter(Boolean);
		r.charge_amount = money(cents(s, 3, 'SV203 charge', true));
		const qty = quantity(s, 5, 'SV205 units');
		r.units = qty === null ? '' : String(qty);
	}

	private requireLine(s: Segment): OpenLine {
		if (!this.line) throw formatError(s, `service line (${s.id}) without its LX line number`);
		if (this.line.row.procedure_code) throw formatError(s, `a second service segment in the line started at segment ${this.line.row.segment} (LX)`);
		return this.line;
	}

	private onDtp(s: Segment) {
		const q = el(s, 1);
		if (q !== '472' && q !== '434') return;
		const raw = el(s, 3);
		const m = /^(\d{4})(\d{2})(\d{2})(-\d{8})?$/.exec(raw);
		if (!m) throw formatError(s, `DTP03 "${raw}" is not a CCYYMMDD date or CCYYMMDD-CCYYMMDD period (DTP02 ${el(s, 2)})`);
		const iso = `${m[1]}-${m[2]}-${m[3]}`;
		if (this.line) this.line.row.service_date ||= iso;
		else if (this.claim && !this.claim.otherPayer) this.claim.date ||= iso;
	}

	/** Emits the open line with its claim-level fallbacks. */
	private closeLine(): void {
		const line = this.line;
		if (!line) return;
		this.line = null;
		const c = this.claim as OpenClaim;
		const r = line.row;
		if (!r.procedure_code) throw new X12FormatError(`segment ${r.segment} (LX): line ${r.line_number} of claim ${r.claim_id} has no service segment (SV1 or SV2)`);
		r.rendering_npi ||= c.rendering || this.billingNpi;
		r.service_date ||= c.date;
		const picked = line.pointers.map((p) => c.dx[p - 1]).filter((d): d is string => Boolean(d));
		r.diagnosis_codes = picked.length ? picked : [...c.dx];
		this.out.lines.push(r);
	}
}

/** Parse a stream of segments (readSegments) into claim lines, or throw X12FormatError. */
export async function parse837(segments: AsyncIterable<Segment> | Iterable<Segment>): Promise<Claims837> {
	const p = new Parser837();
	for await (const s of segments) p.push(s);
	return p.finish();
}
