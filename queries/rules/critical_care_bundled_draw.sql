-- Line rule critical_care_bundled_draw: blood draws billed by the same provider for the same
-- patient on the same day as critical care. Dollars at risk: allowed amount of each draw line
-- not already denied.
-- $draw_codes VARCHAR[], $critical_care_codes VARCHAR[]
-- Columns: rendering_npi, provider_name, specialty, claim_id, line_number, service_date,
-- procedure_code, dollars, detail
WITH critical_care AS (
	SELECT DISTINCT rendering_npi, patient_id, service_date
	FROM claim_lines
	WHERE list_contains($critical_care_codes, procedure_code) AND patient_id IS NOT NULL
)
SELECT
	l.rendering_npi, l.provider_name, l.specialty, l.claim_id, l.line_number, l.service_date, l.procedure_code,
	CASE WHEN l.line_status = 'denied' THEN 0 ELSE coalesce(l.allowed_amount, 0) END::DECIMAL(14,2) AS dollars,
	'draw ' || l.procedure_code || ' on a critical-care day' AS detail
FROM claim_lines l
JOIN critical_care c USING (rendering_npi, patient_id, service_date)
WHERE list_contains($draw_codes, l.procedure_code);
