-- X12 835 remittance imports for the Denials page: per import, what was loaded and whether the
-- file's own totals agree (BPR02 = sum of CLP04 - provider adjustments PLB), and how many
-- service lines matched an imported claim line (same claim id, line number and procedure code,
-- as the denial_lines view). No parameters.
-- Columns: import_id, file_name, finished_at, transactions, payment_total, claim_paid_total,
-- provider_adjustment_total, claim_payments, claim_charges, service_lines, denied_lines,
-- adjustments, adjustment_total, matched_lines
WITH p AS (
	SELECT import_id, count(*) AS transactions, sum(payment_amount) AS payment_total,
		sum(claim_paid_total) AS claim_paid_total, sum(provider_adjustment_total) AS provider_adjustment_total
	FROM remit_payments GROUP BY import_id
),
c AS (SELECT import_id, count(*) AS claim_payments, sum(charge_amount) AS claim_charges FROM remit_claims GROUP BY import_id),
l AS (
	SELECT import_id, count(*) AS service_lines, count(*) FILTER (WHERE line_status = 'denied') AS denied_lines
	FROM remit_lines GROUP BY import_id
),
a AS (SELECT import_id, count(*) AS adjustments, sum(amount) AS adjustment_total FROM remit_adjustments GROUP BY import_id),
m AS (
	SELECT r.import_id, count(DISTINCT (r.claim_seq, r.line_seq)) AS matched_lines
	FROM remit_lines r
	JOIN claim_lines cl ON cl.claim_id = r.claim_id
		AND remit_line_matches(r.line_seq, r.line_number, r.procedure_code, r.submitted_procedure_code, cl.line_number, cl.procedure_code)
	GROUP BY r.import_id
)
SELECT
	i.import_id, i.file_name, i.finished_at,
	p.transactions::INTEGER AS transactions, p.payment_total::DOUBLE AS payment_total,
	p.claim_paid_total::DOUBLE AS claim_paid_total, p.provider_adjustment_total::DOUBLE AS provider_adjustment_total,
	coalesce(c.claim_payments, 0)::INTEGER AS claim_payments, coalesce(c.claim_charges, 0)::DOUBLE AS claim_charges,
	coalesce(l.service_lines, 0)::INTEGER AS service_lines, coalesce(l.denied_lines, 0)::INTEGER AS denied_lines,
	coalesce(a.adjustments, 0)::INTEGER AS adjustments, coalesce(a.adjustment_total, 0)::DOUBLE AS adjustment_total,
	coalesce(m.matched_lines, 0)::INTEGER AS matched_lines
FROM imports i
JOIN p USING (import_id)
LEFT JOIN c USING (import_id)
LEFT JOIN l USING (import_id)
LEFT JOIN a USING (import_id)
LEFT JOIN m USING (import_id)
WHERE i.status = 'succeeded'
ORDER BY i.import_id DESC;
