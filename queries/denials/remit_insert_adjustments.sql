-- Load step of an 835 import: remit_adjustments rows (lists as remit_insert_payments.sql).
-- $import_id INTEGER, $claim_seq, $line_seq ('' = claim level), $group_code, $carc, $amount, $quantity
INSERT INTO remit_adjustments
SELECT $import_id, c::INTEGER, nullif(l, '')::INTEGER, g, r, a::DECIMAL(14,2), nullif(q, '')::DOUBLE
FROM (SELECT unnest($claim_seq) AS c, unnest($line_seq) AS l, unnest($group_code) AS g, unnest($carc) AS r,
	unnest($amount) AS a, unnest($quantity) AS q);
