-- Audited lines with their classification (accuracy_lines() in prepare.sql), wrong lines first:
-- the coder drill-down's table and the lines CSV.
-- $date_from DATE, $date_to DATE, $specialty VARCHAR, $auditor VARCHAR, $coder VARCHAR (NULL = any),
-- $errors_only BOOLEAN, $limit INTEGER, $offset INTEGER
-- Columns: total (rows matching, repeated on each row), audit_id, claim_id, line_number,
--   coder_id, auditor_id, specialty, service_date, audit_date, result ('correct' or the error
--   class), original_code, audited_code, original_modifiers, audited_modifiers, original_units,
--   audited_units, original_diagnoses, audited_diagnoses, billed_amount, audited_amount,
--   difference (billed - audited where both known)
SELECT
	count(*) OVER ()::INTEGER AS total,
	audit_id, claim_id, line_number, coder_id, auditor_id, specialty, service_date, audit_date,
	coalesce(error_class, 'correct') AS result,
	original_code, audited_code, original_modifiers, audited_modifiers, original_units, audited_units,
	original_diagnoses, audited_diagnoses,
	billed_amount::DOUBLE AS billed_amount, audited_amount::DOUBLE AS audited_amount, impact::DOUBLE AS difference
FROM accuracy_lines($date_from::DATE, $date_to::DATE, $specialty::VARCHAR, $auditor::VARCHAR, $coder::VARCHAR)
WHERE NOT $errors_only::BOOLEAN OR error_class IS NOT NULL
ORDER BY error_class IS NULL, work_date NULLS LAST, claim_id, line_number
LIMIT $limit OFFSET $offset;
