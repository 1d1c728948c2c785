-- Claim lines by (claim_id, line_number) keys, for line-rule findings, filtered and paged.
-- $claim_ids VARCHAR[], $line_numbers VARCHAR[] (parallel lists), $details VARCHAR[] (parallel),
-- $code VARCHAR ('' = any), $date_from DATE, $date_to DATE, $limit INTEGER, $offset INTEGER
-- Columns: as numerator_lines.sql
WITH keys AS (
	SELECT unnest($claim_ids) AS claim_id, unnest($line_numbers)::INTEGER AS line_number, unnest($details) AS detail
),
matching AS (
	SELECT l.*, k.detail
	FROM claim_lines l
	JOIN keys k USING (claim_id, line_number)
	WHERE ($code = '' OR l.procedure_code = $code)
		AND ($date_from::DATE IS NULL OR l.service_date >= $date_from::DATE)
		AND ($date_to::DATE IS NULL OR l.service_date <= $date_to::DATE)
)
SELECT
	count(*) OVER ()::INTEGER AS total,
	claim_id, line_number, patient_id, service_date, procedure_code, modifiers, units, minutes, payer,
	charge_amount::DOUBLE AS charge_amount, allowed_amount::DOUBLE AS allowed_amount, paid_amount::DOUBLE AS paid_amount,
	line_status, detail
FROM matching
ORDER BY service_date, claim_id, line_number
LIMIT $limit OFFSET $offset;
