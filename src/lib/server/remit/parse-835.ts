// X12 005010X221A1 835 (health care claim payment/advice) -> rows. Envelopes are checked (ISA/
// IEA, GS/GE, ST/SE counts and control numbers), each claim payment (CLP) and service line
// (SVC) must balance with its adjustments (CAS), and each transaction's payment (BPR02) with its
// claim payments less provider adjustments (PLB), as the 835 implementation guide requires. The
// first problem stops the parse with an X12FormatError naming the segment: nothing is loaded.
import {
	cents, date, formatError, lineStatus, paymentKey, quantity, requiredCents, usd, type AdjustmentRow, type ClaimRow, type LineRow,
	type PaymentRow, type Remittance
} from './remit-types.ts';
import { X12FormatError, comp, compositeProblem, el, label, type Segment } from './x12-segments.ts';
import { X12Envelope } from './x12-envelope.ts';

const GROUPS = ['CO', 'PR', 'OA', 'PI', 'CR'];

interface OpenClaim {
	seg: Segment;
	row: ClaimRow;
	adjustments: AdjustmentRow[];
	lines: { seg: Segment; row: LineRow; adjustments: AdjustmentRow[] }[];
}

export class Parser835 {
	readonly out: Remittance = { payments: [], claims: [], lines: [], adjustments: [], providerAdjustments: [], segments: 0, warnings: [] };
	private env = new X12Envelope('835', 'remittance advice');
	/** payments seen in this file (paymentKey) -> the ST that carried it */
	private paymentsSeen = new Map<string, Segment>();
	/** output lengths when the open transaction set started (to drop a repeated payment) */
	private mark = { claims: 0, lines: 0, adjustments: 0, providerAdjustments: 0 };
	private payment: (PaymentRow & { seg: Segment | null }) | null = null;
	private claim: OpenClaim | null = null;

	push(s: Segment): void {
		this.out.segments = s.n;
		if (this.env.push(s)) return;
		if (s.id === 'ST') return this.onSt(s);
		if (s.id === 'SE') return this.onSe(s);
		if (!this.env.st || !this.payment) throw formatError(s, 'outside a transaction set (ST..SE)');
		switch (s.id) {
			case 'BPR': return this.onBpr(s);
			case 'TRN': this.payment.trace_number = el(s, 2) || null; return;
			case 'N1': return this.onN1(s);
			case 'CLP': return this.onClp(s);
			case 'NM1': return this.onNm1(s);
			case 'MOA': case 'MIA': return this.onRemarks(s);
			case 'DTM': return this.onDtm(s);
			case 'SVC': return this.onSvc(s);
			case 'CAS': return this.onCas(s);
			case 'REF': return this.onRef(s);
			case 'AMT': return this.onAmt(s);
			case 'LQ': return this.onLq(s);
			case 'PLB': return this.onPlb(s);
		}
	}

	finish(): Remittance {
		this.env.finish();
		if (!this.out.payments.length) throw new X12FormatError('no 835 transaction set (ST*835 ... SE) in the file');
		return this.out;
	}

	private onSt(s: Segment) {
		this.env.openSt(s);
		this.mark = { claims: this.out.claims.length, lines: this.out.lines.length, adjustments: this.out.adjustments.length, providerAdjustments: this.out.providerAdjustments.length };
		this.payment = {
			seg: null, transaction_seq: this.out.payments.length + 1, control_number: el(s, 2), payer_name: null, payer_id: null,
			payee_name: null, payee_npi: null, payment_cents: 0, credit_debit: null, payment_method: null, payment_date: null,
			trace_number: null, claim_payments: 0, claim_paid_cents: 0, provider_adjustment_cents: 0
		};
	}

	private onSe(s: Segment) {
		if (!this.env.st || !this.payment) throw formatError(s, 'SE without ST');
		this.closeClaim();
		const st = this.env.closeSe(s);
		const p = this.payment;
		if (!p.seg) throw formatError(s, `the transaction set at ${label(st)} has no BPR payment segment`);
		const expected = p.claim_paid_cents - p.provider_adjustment_cents;
		if (p.payment_cents !== expected) {
			throw formatError(p.seg, `BPR02 pays ${usd(p.payment_cents)} but the claim payments (CLP04) add up to ${usd(p.claim_paid_cents)}` +
				`${p.provider_adjustment_cents ? ` less ${usd(p.provider_adjustment_cents)} of provider adjustments (PLB)` : ''} = ${usd(expected)}`);
		}
		const { seg: _seg, ...row } = p;
		const key = paymentKey(row);
		const first = key ? this.paymentsSeen.get(key) : undefined;
		if (first) {
			// the same payment twice (a resent interchange appended to the file): count it once
			const { claims, lines, adjustments, providerAdjustments } = this.mark;
			this.out.claims.length = claims;
			this.out.lines.length = lines;
			this.out.adjustments.length = adjustments;
			this.out.providerAdjustments.length = providerAdjustments;
			const isa = this.env.repeatNote() ? `${this.env.repeatNote()}, and ` : '';
			this.out.warnings.push(`${label(st)}: ${isa}payment TRN02 ${row.trace_number} of ${usd(row.payment_cents)} was already read at ${label(first)}: counted once`);
		} else {
			if (key) this.paymentsSeen.set(key, st);
			this.out.payments.push(row);
		}
		this.payment = null;
	}

	private onBpr(s: Segment) {
		const p = this.payment as PaymentRow & { seg: Segment | null };
		if (p.seg) throw formatError(s, `a second BPR in the transaction set (first at ${label(p.seg)})`);
		p.seg = s;
		p.payment_cents = requiredCents(s, 2, 'BPR02 payment amount');
		p.credit_debit = el(s, 3) || null;
		p.payment_method = el(s, 4) || null;
		p.payment_date = date(s, 16, 'BPR16 payment date');
	}

	private onN1(s: Segment) {
		const p = this.payment as PaymentRow;
		if (this.claim) return;
		if (el(s, 1) === 'PR') {
			p.payer_name = el(s, 2) || null;
			p.payer_id = el(s, 4) || null;
		} else if (el(s, 1) === 'PE') {
			p.payee_name = el(s, 2) || null;
			p.payee_npi = el(s, 3) === 'XX' ? el(s, 4) || null : null;
		}
	}

	private onClp(s: Segment) {
		const p = this.payment as PaymentRow & { seg: Segment | null };
		if (!p.seg) throw formatError(s, 'claim payment (CLP) before the BPR payment segment');
		this.closeClaim();
		if (!el(s, 1)) throw formatError(s, 'CLP01 (the claim id) is empty');
		if (!el(s, 2)) throw formatError(s, 'CLP02 (claim status) is empty');
		const row: ClaimRow = {
			transaction_seq: p.transaction_seq, claim_seq: this.out.claims.length + 1, claim_id: el(s, 1), status_code: el(s, 2),
			charge_cents: requiredCents(s, 3, 'CLP03 charge'), paid_cents: requiredCents(s, 4, 'CLP04 payment'),
			patient_responsibility_cents: cents(s, 5, 'CLP05 patient responsibility'), filing_indicator: el(s, 6) || null,
			payer_claim_id: el(s, 7) || null, patient_id: null, rendering_npi: null, service_date_from: null, service_date_to: null,
			remark_codes: [], payer_name: p.payer_name, payment_date: p.payment_date
		};
		this.claim = { seg: s, row, adjustments: [], lines: [] };
		p.claim_payments += 1;
		p.claim_paid_cents += row.paid_cents;
	}

	private onNm1(s: Segment) {
		if (!this.claim) return;
		if (el(s, 1) === 'QC') this.claim.row.patient_id = el(s, 9) || null;
		if (el(s, 1) === '82' && el(s, 8) === 'XX') this.claim.row.rendering_npi = el(s, 9) || null;
	}

	private onRemarks(s: Segment) {
		if (!this.claim) throw formatError(s, 'remark segment outside a claim payment (CLP)');
		const positions = s.id === 'MOA' ? [3, 4, 5, 6, 7] : [5, 20, 21, 22, 23];
		this.claim.row.remark_codes.push(...positions.map((i) => el(s, i)).filter(Boolean));
	}

	private onDtm(s: Segment) {
		const line = this.claim?.lines.at(-1);
		if (line && ['472', '150'].includes(el(s, 1))) line.row.service_date ??= date(s, 2, 'DTM02 service date');
		else if (this.claim && !line && el(s, 1) === '232') this.claim.row.service_date_from = date(s, 2, 'DTM02 claim start date');
		else if (this.claim && !line && el(s, 1) === '233') this.claim.row.service_date_to = date(s, 2, 'DTM02 claim end date');
		else if (!this.claim && el(s, 1) === '405' && this.payment) this.payment.payment_date ??= date(s, 2, 'DTM02 production date');
	}

	private onSvc(s: Segment) {
		if (!this.claim) throw formatError(s, 'service line (SVC) outside a claim payment (CLP)');
		const code = comp(s, 1, 2);
		if (!code) throw formatError(s, compositeProblem(el(s, 1), this.env.component, 'SVC01', 'HC', '99213'));
		const c = this.claim.row;
		const row: LineRow = {
			claim_seq: c.claim_seq, line_seq: this.claim.lines.length + 1, claim_id: c.claim_id, line_number: null, line_control: null,
			procedure_code: code, modifiers: [3, 4, 5, 6].map((j) => comp(s, 1, j)).filter(Boolean),
			submitted_procedure_code: comp(s, 6, 2) || null, charge_cents: requiredCents(s, 2, 'SVC02 charge'),
			paid_cents: requiredCents(s, 3, 'SVC03 payment'), units: quantity(s, 5, 'SVC05 units') ?? 1, allowed_cents: null,
			service_date: null, adjustment_codes: [], remark_codes: [], line_status: 'paid', payer_name: c.payer_name,
			payee_npi: this.payment?.payee_npi ?? null, rendering_npi: null, patient_id: null, payment_date: c.payment_date
		};
		this.claim.lines.push({ seg: s, row, adjustments: [] });
	}

	private onCas(s: Segment) {
		if (!this.claim) throw formatError(s, 'adjustment (CAS) outside a claim payment (CLP)');
		const group = el(s, 1);
		if (!GROUPS.includes(group)) throw formatError(s, `CAS01 group "${group}" is not one of ${GROUPS.join(', ')}`);
		const line = this.claim.lines.at(-1);
		const target = line ? line.adjustments : this.claim.adjustments;
		for (let i = 2; i <= 17; i += 3) {
			const carc = el(s, i);
			if (!carc) {
				if (el(s, i + 1)) throw formatError(s, `element ${i + 1} has an amount but element ${i} no reason code`);
				continue;
			}
			target.push({
				claim_seq: this.claim.row.claim_seq, line_seq: line ? line.row.line_seq : null, group_code: group, carc,
				amount_cents: requiredCents(s, i + 1, `CAS${String(i + 1).padStart(2, '0')} amount`), quantity: quantity(s, i + 2, 'quantity')
			});
		}
		if (!target.length) throw formatError(s, 'CAS has no reason code and amount');
	}

	private onRef(s: Segment) {
		const line = this.claim?.lines.at(-1);
		if (line && el(s, 1) === '6R') line.row.line_control = el(s, 2) || null;
	}

	private onAmt(s: Segment) {
		const line = this.claim?.lines.at(-1);
		if (line && el(s, 1) === 'B6') line.row.allowed_cents = cents(s, 2, 'AMT02 allowed amount');
	}

	private onLq(s: Segment) {
		const line = this.claim?.lines.at(-1);
		if (!line) throw formatError(s, 'remark (LQ) outside a service line (SVC)');
		if (el(s, 1) === 'HE' && el(s, 2)) line.row.remark_codes.push(el(s, 2));
	}

	private onPlb(s: Segment) {
		this.closeClaim();
		const p = this.payment as PaymentRow;
		for (let i = 3; i <= 13; i += 2) {
			const id = el(s, i);
			if (!id) continue;
			const amount = requiredCents(s, i + 1, `PLB${String(i + 1).padStart(2, '0')} amount`);
			this.out.providerAdjustments.push({
				transaction_seq: p.transaction_seq, provider_id: el(s, 1) || null, period_end: date(s, 2, 'PLB02 fiscal period date'),
				reason_code: comp(s, i, 1), reference: comp(s, i, 2) || null, amount_cents: amount
			});
			p.provider_adjustment_cents += amount;
		}
	}

	/** Balance and emit the open claim payment (its lines, or one claim-level line). */
	private closeClaim(): void {
		const open = this.claim;
		if (!open) return;
		this.claim = null;
		const c = open.row;
		const sum = (a: AdjustmentRow[]) => a.reduce((t, x) => t + x.amount_cents, 0);
		const claimAdj = sum(open.adjustments);
		const lineAdj = open.lines.reduce((t, l) => t + sum(l.adjustments), 0);
		if (c.charge_cents - c.paid_cents !== claimAdj + lineAdj) {
			throw formatError(open.seg, `claim ${c.claim_id}: charge ${usd(c.charge_cents)} - payment ${usd(c.paid_cents)} = ` +
				`${usd(c.charge_cents - c.paid_cents)}, but its adjustments (CAS) add up to ${usd(claimAdj + lineAdj)}`);
		}
		// a zero-dollar adjustment (CAS*CO*42*0) adjusts nothing: it is kept in remit_adjustments
		// but is no denial reason (field case min-zero-dollar-cas.835)
		const reasons = (a: AdjustmentRow[]) => a.filter((x) => x.amount_cents !== 0).map((x) => `${x.group_code}-${x.carc}`);
		const claimCodes = reasons(open.adjustments);
		const lines = open.lines.length ? open.lines : [{ seg: open.seg, row: this.claimLevelLine(c), adjustments: open.adjustments }];
		for (const { seg, row, adjustments } of lines) {
			if (open.lines.length && row.charge_cents - row.paid_cents !== sum(adjustments)) {
				throw formatError(seg, `service ${row.procedure_code}: charge ${usd(row.charge_cents)} - payment ${usd(row.paid_cents)} = ` +
					`${usd(row.charge_cents - row.paid_cents)}, but its adjustments (CAS) add up to ${usd(sum(adjustments))}`);
			}
			let codes = [...new Set(reasons(adjustments))];
			// a line paid 0 with no adjustment of its own is explained by the claim-level ones
			if (!codes.length && row.paid_cents === 0) codes = [...new Set(claimCodes)];
			row.adjustment_codes = codes;
			row.line_number = row.line_control && /^\d{1,9}$/.test(row.line_control) ? Number(row.line_control) : row.line_seq || null;
			row.line_status = lineStatus(c.status_code, row.paid_cents, codes);
			row.service_date ??= c.service_date_from;
			row.rendering_npi = c.rendering_npi;
			row.patient_id = c.patient_id;
			this.out.lines.push(row);
		}
		this.out.claims.push(c);
		this.out.adjustments.push(...open.adjustments, ...open.lines.flatMap((l) => l.adjustments));
	}

	private claimLevelLine(c: ClaimRow): LineRow {
		return {
			claim_seq: c.claim_seq, line_seq: 0, claim_id: c.claim_id, line_number: null, line_control: null, procedure_code: null,
			modifiers: [], submitted_procedure_code: null, charge_cents: c.charge_cents, paid_cents: c.paid_cents, units: 1,
			allowed_cents: null, service_date: null, adjustment_codes: [], remark_codes: [...c.remark_codes], line_status: 'paid',
			payer_name: c.payer_name, payee_npi: this.payment?.payee_npi ?? null, rendering_npi: null, patient_id: null, payment_date: c.payment_date
		};
	}
}

/** Parse a stream of segments (readSegments) into rows, or throw X12FormatError. */
export async function parse835(segments: AsyncIterable<Segment> | Iterable<Segment>): Promise<Remittance> {
	const p = new Parser835();
	for await (const s of segments) p.push(s);
	return p.finish();
}
