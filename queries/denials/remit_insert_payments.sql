-- Load step of an 835 import (src/lib/server/remit/load-remit.ts): remit_payments rows, one
-- per list position. Lists are VARCHAR[] of equal length ('' = NULL); amounts are decimals.
-- $import_id INTEGER, $transaction_seq, $control_number, $payer_name, $payer_id, $payee_name,
-- $payee_npi, $payment_amount, $credit_debit, $payment_method, $payment_date, $trace_number,
-- $claim_payments, $claim_paid_total, $provider_adjustment_total
INSERT INTO remit_payments
SELECT $import_id, t::INTEGER, nullif(cn, ''), nullif(pn, ''), nullif(pi, ''), nullif(en, ''), nullif(ep, ''),
	pa::DECIMAL(14,2), nullif(cd, ''), nullif(pm, ''), nullif(pd, '')::DATE, nullif(tr, ''), cp::INTEGER,
	ct::DECIMAL(14,2), pl::DECIMAL(14,2)
FROM (SELECT unnest($transaction_seq) AS t, unnest($control_number) AS cn, unnest($payer_name) AS pn, unnest($payer_id) AS pi,
	unnest($payee_name) AS en, unnest($payee_npi) AS ep, unnest($payment_amount) AS pa, unnest($credit_debit) AS cd,
	unnest($payment_method) AS pm, unnest($payment_date) AS pd, unnest($trace_number) AS tr, unnest($claim_payments) AS cp,
	unnest($claim_paid_total) AS ct, unnest($provider_adjustment_total) AS pl);
