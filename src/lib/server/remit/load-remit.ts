// X12 835 remittance import, reached through importFile() (the single import path) when a file
// starts with ISA. The whole file is parsed and checked first (parse-835.ts): a malformed file
// is refused with the segment named and nothing written. Then, like every import: an `imports`
// log row, the same checksum already imported = 'duplicate', and all rows in ONE transaction.
import { cleanFileName } from '../http/scrub-paths.ts';
import { basename } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { defaultDbPath, withConnection } from '../db/database.ts';
import { runQuery } from '../db/query-files.ts';
import { fileChecksum } from '../ingest/checksum.ts';
import { ImportRefused } from '../ingest/sniff.ts';
import type { ImportOptions, ImportResult } from '../ingest/import-file.ts';
import type { HeaderMapping } from '../ingest/header-mapping.ts';
import { parse835 } from './parse-835.ts';
import { buildFactsInTransaction } from '../denials/facts.ts';
import { X12FormatError, readSegments } from './x12-segments.ts';
import { money, payerKey, usd, type Remittance } from './remit-types.ts';

/**
 * Where the claim-line fields of a remittance line come from. kind 'claims' names the field set
 * (README "Data model"), not the import kind, which is 'remittance'.
 */
export const remitMapping: HeaderMapping = {
	kind: 'claims',
	columns: {
		claim_id: 'CLP01', line_number: 'REF*6R, else the SVC position in the claim', procedure_code: 'SVC01-2',
		modifiers: 'SVC01-3..6', units: 'SVC05', charge_amount: 'SVC02', allowed_amount: 'AMT*B6', paid_amount: 'SVC03',
		service_date: 'DTM*472, else DTM*232', payer: 'N1*PR N102', rendering_npi: 'NM1*82 NM109, else N1*PE N104',
		patient_id: 'NM1*QC NM109', line_status: 'paid 0 with a CO/PR/OA/PI CAS = denied', denial_codes: 'CAS group-CARC'
	},
	unused: [],
	missingRequired: []
};

const CHUNK = 20_000;
const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

type Columns = Record<string, string[]>;

function columns<T>(rows: T[], spec: Record<string, (r: T) => string>): Columns {
	return Object.fromEntries(Object.entries(spec).map(([name, get]) => [name, rows.map(get)]));
}

async function insert<T>(conn: DuckDBConnection, query: string, importId: number, rows: T[], spec: Record<string, (r: T) => string>) {
	for (let i = 0; i < rows.length; i += CHUNK) {
		await runQuery(conn, query, { import_id: importId, ...columns(rows.slice(i, i + CHUNK), spec) });
	}
}

async function load(conn: DuckDBConnection, id: number, r: Remittance): Promise<void> {
	await insert(conn, 'denials/remit_insert_payments', id, r.payments, {
		transaction_seq: (p) => s(p.transaction_seq), control_number: (p) => p.control_number, payer_name: (p) => s(p.payer_name),
		payer_id: (p) => s(p.payer_id), payee_name: (p) => s(p.payee_name), payee_npi: (p) => s(p.payee_npi),
		payment_amount: (p) => money(p.payment_cents), credit_debit: (p) => s(p.credit_debit), payment_method: (p) => s(p.payment_method),
		payment_date: (p) => s(p.payment_date), trace_number: (p) => s(p.trace_number), claim_payments: (p) => s(p.claim_payments),
		claim_paid_total: (p) => money(p.claim_paid_cents), provider_adjustment_total: (p) => money(p.provider_adjustment_cents)
	});
	await insert(conn, 'denials/remit_insert_claims', id, r.claims, {
		transaction_seq: (c) => s(c.transaction_seq), claim_seq: (c) => s(c.claim_seq), claim_id: (c) => c.claim_id,
		status_code: (c) => c.status_code, charge_amount: (c) => money(c.charge_cents), paid_amount: (c) => money(c.paid_cents),
		patient_responsibility: (c) => money(c.patient_responsibility_cents), filing_indicator: (c) => s(c.filing_indicator),
		payer_claim_id: (c) => s(c.payer_claim_id), patient_id: (c) => s(c.patient_id), rendering_npi: (c) => s(c.rendering_npi),
		service_date_from: (c) => s(c.service_date_from), service_date_to: (c) => s(c.service_date_to),
		remark_codes: (c) => c.remark_codes.join(';'), payer_name: (c) => s(c.payer_name), payment_date: (c) => s(c.payment_date)
	});
	await insert(conn, 'denials/remit_insert_lines', id, r.lines, {
		claim_seq: (l) => s(l.claim_seq), line_seq: (l) => s(l.line_seq), claim_id: (l) => l.claim_id, line_number: (l) => s(l.line_number),
		line_control: (l) => s(l.line_control), procedure_code: (l) => s(l.procedure_code), modifiers: (l) => l.modifiers.join(';'),
		submitted_procedure_code: (l) => s(l.submitted_procedure_code), charge_amount: (l) => money(l.charge_cents),
		paid_amount: (l) => money(l.paid_cents), units: (l) => s(l.units), allowed_amount: (l) => money(l.allowed_cents),
		service_date: (l) => s(l.service_date), adjustment_codes: (l) => l.adjustment_codes.join(';'),
		remark_codes: (l) => l.remark_codes.join(';'), line_status: (l) => l.line_status, payer_name: (l) => s(l.payer_name),
		payee_npi: (l) => s(l.payee_npi), rendering_npi: (l) => s(l.rendering_npi), patient_id: (l) => s(l.patient_id),
		payment_date: (l) => s(l.payment_date)
	});
	await insert(conn, 'denials/remit_insert_adjustments', id, r.adjustments, {
		claim_seq: (a) => s(a.claim_seq), line_seq: (a) => s(a.line_seq), group_code: (a) => a.group_code, carc: (a) => a.carc,
		amount: (a) => money(a.amount_cents), quantity: (a) => s(a.quantity)
	});
	await insert(conn, 'denials/remit_insert_provider_adjustments', id, r.providerAdjustments, {
		transaction_seq: (p) => s(p.transaction_seq), provider_id: (p) => s(p.provider_id), period_end: (p) => s(p.period_end),
		reason_code: (p) => p.reason_code, reference: (p) => s(p.reference), amount: (p) => money(p.amount_cents)
	});
}

function summary(r: Remittance, matched: number): string {
	const cents = (f: (x: Remittance['payments'][number]) => number) => r.payments.reduce((t, p) => t + f(p), 0);
	const denied = r.lines.filter((l) => l.line_status === 'denied').length;
	return `${r.payments.length} transaction set(s), ${r.claims.length} claim payments (CLP), ${r.lines.length} service lines ` +
		`(${denied} denied), ${r.adjustments.length} adjustments (CAS); payments (BPR02) ${usd(cents((p) => p.payment_cents))} = ` +
		`claim payments ${usd(cents((p) => p.claim_paid_cents))} - provider adjustments ${usd(cents((p) => p.provider_adjustment_cents))}; ` +
		`${matched} of ${r.lines.length} service lines matched imported claim lines` +
		(r.warnings.length ? `; ${r.warnings.length} skipped: ${r.warnings.join('; ')}` : '');
}

/**
 * Drops from `r` the payments an earlier import already holds (remit_payment_duplicates.sql:
 * same TRN02 trace, payer and BPR02 amount), with their claims, lines and adjustments, and notes
 * each in r.warnings. Returns a message when every payment of the file is a repeat (the import
 * is then a duplicate), else null.
 */
async function dropRepeatedPayments(conn: DuckDBConnection, r: Remittance): Promise<string | null> {
	const keyed = r.payments.filter((p) => p.trace_number);
	if (!keyed.length) return null;
	const rows = await runQuery(conn, 'denials/remit_payment_duplicates', {
		traces: keyed.map((p) => p.trace_number as string), payers: keyed.map(payerKey),
		amounts: keyed.map((p) => money(p.payment_cents))
	});
	if (!rows.length) return null;
	const notes = rows.map((row) => {
		const p = keyed[Number(row.idx) - 1] as Remittance['payments'][number];
		return { seq: p.transaction_seq, text: `payment TRN02 ${p.trace_number} of ${usd(p.payment_cents)} from ${p.payer_name ?? p.payer_id ?? 'the payer'} (ST02 ${p.control_number}) was already imported as import #${row.import_id} (${row.file_name})` };
	});
	if (notes.length === r.payments.length) return notes.map((n) => n.text).join('; ');
	const gone = new Set(notes.map((n) => n.seq));
	const claimsGone = new Set(r.claims.filter((c) => gone.has(c.transaction_seq)).map((c) => c.claim_seq));
	r.payments = r.payments.filter((p) => !gone.has(p.transaction_seq));
	r.claims = r.claims.filter((c) => !claimsGone.has(c.claim_seq));
	r.lines = r.lines.filter((l) => !claimsGone.has(l.claim_seq));
	r.adjustments = r.adjustments.filter((a) => !claimsGone.has(a.claim_seq));
	r.providerAdjustments = r.providerAdjustments.filter((a) => !gone.has(a.transaction_seq));
	r.warnings.push(...notes.map((n) => `${n.text}: not counted again`));
	return null;
}

/** Import one X12 835 file (dispatched here by importFile for files starting with ISA). */
export async function importRemittance(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
	const started = Date.now();
	// a label in the log, messages and the audit trail: no control characters (scrub-paths.ts)
	const fileName = cleanFileName(opts.displayName ?? basename(path));
	let remit: Remittance;
	try {
		remit = await parse835(readSegments(path));
	} catch (e) {
		if (e instanceof X12FormatError) throw new ImportRefused(`${fileName}: not a valid X12 835 remittance: ${e.message}; nothing was imported`);
		throw e;
	}
	opts.onProgress?.({ phase: 'loading', percent: 100, rowsEstimate: remit.lines.length, rowsPerSecond: 0 });
	const checksum = await fileChecksum(path);
	const base = { fileName, checksum, kind: 'remittance' as const, format: 'x12' as const, mapping: remitMapping, rowsRejected: 0, notes: remit.warnings };
	const mappingJson = JSON.stringify(remitMapping.columns);
	return withConnection(async (conn) => {
		const [dup] = (await conn.runAndReadAll(
			`SELECT import_id FROM imports WHERE checksum = $c AND kind = 'remittance' AND status = 'succeeded' LIMIT 1`, { c: checksum }
		)).getRowObjectsJS();
		const [{ id }] = (await conn.runAndReadAll(`SELECT nextval('import_id_seq')::INTEGER AS id`)).getRowObjectsJS() as [{ id: number }];
		const repeated = dup ? null : await dropRepeatedPayments(conn, remit);
		if (dup || repeated) {
			const message = dup ? `already imported as import #${dup.import_id} (same sha256); nothing added` : `${repeated}; nothing added`;
			await conn.run(
				`INSERT INTO imports VALUES ($id, $f, $c, 'remittance', 'x12', now()::TIMESTAMP, now()::TIMESTAMP, 'duplicate', 0, 0, 0, $m, $msg)`,
				{ id, f: fileName, c: checksum, m: mappingJson, msg: message }
			);
			return { ...base, importId: id, status: 'duplicate', rowsRead: 0, rowsLoaded: 0, seconds: (Date.now() - started) / 1000, message };
		}
		await conn.run(
			`INSERT INTO imports VALUES ($id, $f, $c, 'remittance', 'x12', now()::TIMESTAMP, NULL, 'running', NULL, NULL, NULL, $m, NULL)`,
			{ id, f: fileName, c: checksum, m: mappingJson }
		);
		try {
			await conn.run('BEGIN TRANSACTION');
			let message: string;
			try {
				await load(conn, id, remit);
				const [m] = await runQuery(conn, 'denials/remit_matched_lines', { import_id: id });
				message = summary(remit, Number(m?.matched ?? 0));
				await conn.run(
					`UPDATE imports SET status = 'succeeded', finished_at = now()::TIMESTAMP, rows_read = $n, rows_loaded = $n, rows_rejected = 0,
					 message = $msg WHERE import_id = $id`,
					{ id, n: remit.lines.length, msg: message }
				);
				// the denial facts are rebuilt before the commit: a remittance that would break them is refused
				await buildFactsInTransaction(conn);
				await conn.run('COMMIT');
			} catch (e) {
				await conn.run('ROLLBACK').catch(() => {});
				throw e;
			}
			opts.onProgress?.({ phase: 'done', percent: 100, rowsEstimate: remit.lines.length, rowsPerSecond: remit.lines.length / Math.max(0.001, (Date.now() - started) / 1000) });
			return { ...base, importId: id, status: 'succeeded', rowsRead: remit.lines.length, rowsLoaded: remit.lines.length, seconds: (Date.now() - started) / 1000, message };
		} catch (e) {
			const reason = (e as Error).message.split('\n')[0] ?? 'unknown error';
			await conn.run(`UPDATE imports SET status = 'failed', finished_at = now()::TIMESTAMP, message = $msg WHERE import_id = $id`, { id, msg: reason });
			throw new ImportRefused(`${fileName}: import failed and nothing was kept: ${reason}`);
		}
	}, opts.dbPath ?? defaultDbPath());
}
