-- Load step of an 835 import: remit_provider_adjustments (PLB) rows (lists as
-- remit_insert_payments.sql). $import_id INTEGER, $transaction_seq, $provider_id, $period_end,
-- $reason_code, $reference, $amount
INSERT INTO remit_provider_adjustments
SELECT $import_id, t::INTEGER, nullif(p, ''), nullif(d, '')::DATE, r, nullif(f, ''), a::DECIMAL(14,2)
FROM (SELECT unnest($transaction_seq) AS t, unnest($provider_id) AS p, unnest($period_end) AS d, unnest($reason_code) AS r,
	unnest($reference) AS f, unnest($amount) AS a);
