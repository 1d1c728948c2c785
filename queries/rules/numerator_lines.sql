-- The claim lines behind a peer rule's numerator for one provider, filtered and paged.
-- $npi VARCHAR, $den_codes VARCHAR[], $num_codes VARCHAR[], $num_modifiers VARCHAR[],
-- $code VARCHAR ('' = any), $date_from DATE (NULL = open), $date_to DATE (NULL = open),
-- $limit INTEGER, $offset INTEGER
-- Columns: total (rows matching, repeated on each row), claim_id, line_number, patient_id,
-- service_date, procedure_code, modifiers, units, minutes, payer, charge_amount,
-- allowed_amount, paid_amount, line_status, detail
WITH matching AS (
	SELECT *
	FROM claim_lines
	WHERE rendering_npi = $npi
		AND list_contains($den_codes, procedure_code)
		AND CASE WHEN len($num_modifiers) > 0 THEN list_has_any(modifiers, $num_modifiers)
			ELSE list_contains($num_codes, procedure_code) END
		AND ($code = '' OR procedure_code = $code)
		AND ($date_from::DATE IS NULL OR service_date >= $date_from::DATE)
		AND ($date_to::DATE IS NULL OR service_date <= $date_to::DATE)
)
SELECT
	count(*) OVER ()::INTEGER AS total,
	claim_id, line_number, patient_id, service_date, procedure_code, modifiers, units, minutes, payer,
	charge_amount::DOUBLE AS charge_amount, allowed_amount::DOUBLE AS allowed_amount, paid_amount::DOUBLE AS paid_amount,
	line_status, '' AS detail
FROM matching
ORDER BY service_date, claim_id, line_number
LIMIT $limit OFFSET $offset;
