-- Load step of an 835 import: remit_claims rows (lists as remit_insert_payments.sql;
-- remark_codes ';'-joined). $import_id INTEGER, $transaction_seq, $claim_seq, $claim_id,
-- $status_code, $charge_amount, $paid_amount, $patient_responsibility, $filing_indicator,
-- $payer_claim_id, $patient_id, $rendering_npi, $service_date_from, $service_date_to,
-- $remark_codes, $payer_name, $payment_date
INSERT INTO remit_claims
SELECT $import_id, t::INTEGER, c::INTEGER, id, nullif(st, ''), ch::DECIMAL(14,2), pd::DECIMAL(14,2), nullif(pr, '')::DECIMAL(14,2),
	nullif(fi, ''), nullif(pc, ''), nullif(pt, ''), nullif(np, ''), nullif(df, '')::DATE, nullif(dt, '')::DATE,
	CASE WHEN rc = '' THEN []::VARCHAR[] ELSE string_split(rc, ';') END, nullif(pn, ''), nullif(py, '')::DATE
FROM (SELECT unnest($transaction_seq) AS t, unnest($claim_seq) AS c, unnest($claim_id) AS id, unnest($status_code) AS st,
	unnest($charge_amount) AS ch, unnest($paid_amount) AS pd, unnest($patient_responsibility) AS pr,
	unnest($filing_indicator) AS fi, unnest($payer_claim_id) AS pc, unnest($patient_id) AS pt, unnest($rendering_npi) AS np,
	unnest($service_date_from) AS df, unnest($service_date_to) AS dt, unnest($remark_codes) AS rc, unnest($payer_name) AS pn,
	unnest($payment_date) AS py);
