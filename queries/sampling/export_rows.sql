-- The sampled units with their claim lines, one row per line, shaped for a de-identification
-- tier (security.md "Exports"; README "Audit sampling"): full = as imported; limited = claim
-- and patient ids replaced by this export's surrogates (export_surrogates.sql), dates kept;
-- safe_harbor = as limited, and the date of service reduced to its year (YYYY).
-- Text only, numbers numeric: amounts DOUBLE, counts INTEGER, lists joined with ';'.
-- $sample_id INTEGER, $tier VARCHAR
-- Columns: item, role, stratum, draw, unit_no, unit_id, examined_amount, claim_id, line_number,
-- patient_id, rendering_npi, provider_name, specialty, payer, place_of_service, service_date,
-- procedure_code, modifiers, units, minutes, diagnosis_codes, charge_amount, allowed_amount,
-- paid_amount, line_status, denial_codes, coder_id
SELECT
	u.item, u.role, u.stratum, u.draw, u.unit_no,
	CASE WHEN $tier = 'full' THEN u.unit_id
		WHEN f.unit = 'claim' THEN c.surrogate
		ELSE c.surrogate || ':' || l.line_number END AS unit_id,
	u.examined_amount::DOUBLE AS examined_amount,
	CASE WHEN $tier = 'full' THEN l.claim_id ELSE c.surrogate END AS claim_id,
	l.line_number,
	CASE WHEN $tier = 'full' THEN l.patient_id ELSE p.surrogate END AS patient_id,
	l.rendering_npi, l.provider_name, l.specialty, l.payer, l.place_of_service,
	CASE WHEN $tier = 'safe_harbor' THEN strftime(l.service_date, '%Y') ELSE strftime(l.service_date, '%Y-%m-%d') END AS service_date,
	l.procedure_code,
	array_to_string(l.modifiers, ';') AS modifiers,
	l.units, l.minutes,
	array_to_string(l.diagnosis_codes, ';') AS diagnosis_codes,
	l.charge_amount::DOUBLE AS charge_amount, l.allowed_amount::DOUBLE AS allowed_amount, l.paid_amount::DOUBLE AS paid_amount,
	l.line_status,
	array_to_string(l.denial_codes, ';') AS denial_codes,
	l.coder_id
FROM sampling_sample_units u
JOIN sampling_samples s USING (sample_id)
JOIN sampling_frames f ON f.frame_id = s.frame_id
JOIN sampling_frame_lines fl ON fl.frame_id = s.frame_id AND fl.unit_no = u.unit_no
JOIN claim_lines l ON l.claim_id = fl.claim_id AND l.line_number = fl.line_number AND l.import_id = fl.import_id
LEFT JOIN sampling_export_ids c ON c.kind = 'claim' AND c.original = l.claim_id
LEFT JOIN sampling_export_ids p ON p.kind = 'patient' AND p.original = l.patient_id
WHERE u.sample_id = $sample_id
ORDER BY u.item, l.line_number;
