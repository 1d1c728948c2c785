-- Payments of a remittance being imported that an earlier successful import already holds:
-- same TRN02 trace number, same payer (N1*PR N104, else N102) and same BPR02 amount (the 835
-- guide makes TRN02 unique per payer's payment). Lists of equal length, one entry per payment
-- of the new file. $traces VARCHAR[], $payers VARCHAR[], $amounts VARCHAR[] (decimal text)
-- Columns: idx (1-based position in the lists), import_id, file_name
WITH incoming AS (
	SELECT unnest($traces) AS trace, unnest($payers) AS payer, unnest($amounts)::DECIMAL(14,2) AS amount,
		generate_subscripts($traces, 1) AS idx
)
SELECT i.idx, min(p.import_id) AS import_id, arg_min(im.file_name, p.import_id) AS file_name
FROM incoming i
JOIN remit_payments p ON p.trace_number = i.trace AND coalesce(p.payer_id, p.payer_name, '') = i.payer AND p.payment_amount = i.amount
JOIN imports im ON im.import_id = p.import_id AND im.status = 'succeeded'
GROUP BY i.idx
ORDER BY i.idx;
