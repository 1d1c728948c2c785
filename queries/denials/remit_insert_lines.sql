-- Load step of an 835 import: remit_lines rows (lists as remit_insert_payments.sql; list
-- columns ';'-joined). $import_id INTEGER, $claim_seq, $line_seq, $claim_id, $line_number,
-- $line_control, $procedure_code, $modifiers, $submitted_procedure_code, $charge_amount,
-- $paid_amount, $units, $allowed_amount, $service_date, $adjustment_codes, $remark_codes,
-- $line_status, $payer_name, $payee_npi, $rendering_npi, $patient_id, $payment_date
INSERT INTO remit_lines
SELECT $import_id, c::INTEGER, l::INTEGER, id, nullif(ln, '')::INTEGER, nullif(lc, ''), nullif(pc, ''),
	CASE WHEN mo = '' THEN []::VARCHAR[] ELSE string_split(mo, ';') END, nullif(sp, ''), ch::DECIMAL(14,2), pd::DECIMAL(14,2),
	un::DOUBLE, nullif(al, '')::DECIMAL(14,2), nullif(sd, '')::DATE,
	CASE WHEN ac = '' THEN []::VARCHAR[] ELSE string_split(ac, ';') END,
	CASE WHEN rc = '' THEN []::VARCHAR[] ELSE string_split(rc, ';') END,
	st, nullif(pn, ''), nullif(pe, ''), nullif(rn, ''), nullif(pt, ''), nullif(py, '')::DATE
FROM (SELECT unnest($claim_seq) AS c, unnest($line_seq) AS l, unnest($claim_id) AS id, unnest($line_number) AS ln,
	unnest($line_control) AS lc, unnest($procedure_code) AS pc, unnest($modifiers) AS mo, unnest($submitted_procedure_code) AS sp,
	unnest($charge_amount) AS ch, unnest($paid_amount) AS pd, unnest($units) AS un, unnest($allowed_amount) AS al,
	unnest($service_date) AS sd, unnest($adjustment_codes) AS ac, unnest($remark_codes) AS rc, unnest($line_status) AS st,
	unnest($payer_name) AS pn, unnest($payee_npi) AS pe, unnest($rendering_npi) AS rn, unnest($patient_id) AS pt,
	unnest($payment_date) AS py);
