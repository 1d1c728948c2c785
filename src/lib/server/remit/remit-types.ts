// Rows an 835 file becomes (one type per table of queries/schema_remittance.sql), the value
// parsers that check each element, and the line-status rule. Amounts are integer cents so the
// balancing checks are exact.
import { isReasonCode } from '../denials/carc-categories.ts';
import { X12FormatError, label, type Segment } from './x12-segments.ts';

export interface PaymentRow {
	transaction_seq: number;
	control_number: string;
	payer_name: string | null;
	payer_id: string | null;
	payee_name: string | null;
	payee_npi: string | null;
	payment_cents: number;
	credit_debit: string | null;
	payment_method: string | null;
	payment_date: string | null;
	trace_number: string | null;
	claim_payments: number;
	claim_paid_cents: number;
	provider_adjustment_cents: number;
}

export interface ClaimRow {
	transaction_seq: number;
	claim_seq: number;
	claim_id: string;
	status_code: string;
	charge_cents: number;
	paid_cents: number;
	patient_responsibility_cents: number | null;
	filing_indicator: string | null;
	payer_claim_id: string | null;
	patient_id: string | null;
	rendering_npi: string | null;
	service_date_from: string | null;
	service_date_to: string | null;
	remark_codes: string[];
	payer_name: string | null;
	payment_date: string | null;
}

export interface LineRow {
	claim_seq: number;
	line_seq: number;
	claim_id: string;
	line_number: number | null;
	line_control: string | null;
	procedure_code: string | null;
	modifiers: string[];
	submitted_procedure_code: string | null;
	charge_cents: number;
	paid_cents: number;
	units: number;
	allowed_cents: number | null;
	service_date: string | null;
	adjustment_codes: string[];
	remark_codes: string[];
	line_status: 'paid' | 'denied' | 'partial' | 'reversed' | 'predetermination';
	payer_name: string | null;
	payee_npi: string | null;
	rendering_npi: string | null;
	patient_id: string | null;
	payment_date: string | null;
}

export interface AdjustmentRow {
	claim_seq: number;
	line_seq: number | null;
	group_code: string;
	carc: string;
	amount_cents: number;
	quantity: number | null;
}

export interface ProviderAdjustmentRow {
	transaction_seq: number;
	provider_id: string | null;
	period_end: string | null;
	reason_code: string;
	reference: string | null;
	amount_cents: number;
}

export interface Remittance {
	payments: PaymentRow[];
	claims: ClaimRow[];
	lines: LineRow[];
	adjustments: AdjustmentRow[];
	providerAdjustments: ProviderAdjustmentRow[];
	segments: number;
	/** what was skipped and why (a repeated interchange or payment), for the import message */
	warnings: string[];
}

/**
 * The key that identifies one payment across files (the 835 guide: TRN02 is the check or EFT
 * trace number, unique per payer): trace + payer (N1*PR N104, else N102) + BPR02 amount.
 */
export function paymentKey(p: Pick<PaymentRow, 'trace_number' | 'payer_id' | 'payer_name' | 'payment_cents'>): string | null {
	if (!p.trace_number) return null;
	return `${p.trace_number}|${payerKey(p)}|${p.payment_cents}`;
}

/** The payer part of a payment's identity: N1*PR N104, else N102 (as remit_payment_duplicates.sql). */
export function payerKey(p: Pick<PaymentRow, 'payer_id' | 'payer_name'>): string {
	return p.payer_id ?? p.payer_name ?? '';
}

export function formatError(s: Segment, why: string): X12FormatError {
	return new X12FormatError(`${label(s)}: ${why}`);
}

const DECIMAL = /^-?(\d+(\.\d*)?|\.\d+)$/;

/** X12 decimal (R) money element -> cents; '' -> null. More than 2 decimals must be zeros. */
export function cents(s: Segment, i: number, name: string, required = false): number | null {
	const raw = (s.raw[String(i)] ?? '').trim();
	if (raw === '') {
		if (required) throw formatError(s, `${name} (element ${i}) is required and empty`);
		return null;
	}
	if (!DECIMAL.test(raw)) throw formatError(s, `${name} (element ${i}) "${raw}" is not a number`);
	const negative = raw.startsWith('-');
	const [whole = '', frac = ''] = raw.replace('-', '').split('.');
	if (/[1-9]/.test(frac.slice(2))) throw formatError(s, `${name} (element ${i}) "${raw}" has more than 2 decimals`);
	const value = Number(whole || '0') * 100 + Number(frac.slice(0, 2).padEnd(2, '0'));
	return negative ? -value : value;
}

export function requiredCents(s: Segment, i: number, name: string): number {
	return cents(s, i, name, true) as number;
}

export function quantity(s: Segment, i: number, name: string): number | null {
	const raw = (s.raw[String(i)] ?? '').trim();
	if (raw === '') return null;
	if (!DECIMAL.test(raw)) throw formatError(s, `${name} (element ${i}) "${raw}" is not a number`);
	return Number(raw);
}

/** CCYYMMDD -> YYYY-MM-DD (checked); '' -> null. */
export function date(s: Segment, i: number, name: string): string | null {
	const raw = (s.raw[String(i)] ?? '').trim();
	if (raw === '') return null;
	const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
	const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : '';
	const d = new Date(`${iso}T00:00:00Z`);
	if (!m || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
		throw formatError(s, `${name} (element ${i}) "${raw}" is not a CCYYMMDD date`);
	}
	return iso;
}

/** Signed dollars for messages: -127 -> "-$1.27". */
export const usd = (c: number) => `${c < 0 ? '-' : ''}$${money(Math.abs(c))}`;

export const money = (c: number | null) => (c === null ? '' : `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`);

/**
 * A service line's status (schema_remittance.sql): domain.md "Denials" says a line paid 0 with a
 * CO/PR/OA/PI adjustment is denied. Paid with a denial-reason adjustment (not contractual or
 * patient share) = partial. Reversals (CLP02 22) and predeterminations (25) are not
 * adjudications and stay out of denial rates.
 */
export function lineStatus(claimStatus: string, paidCents: number, codes: string[]): LineRow['line_status'] {
	if (claimStatus === '22') return 'reversed';
	if (claimStatus === '25') return 'predetermination';
	if (paidCents === 0 && codes.some((c) => /^(CO|PR|OA|PI)-/.test(c))) return 'denied';
	if (paidCents > 0 && codes.some(isReasonCode)) return 'partial';
	return 'paid';
}
