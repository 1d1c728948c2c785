-- Line rule mue_exceeded: units of a code for one patient, provider and date of service above
-- the practitioner MUE in the user's imported CMS MUE table (mue_limits). Dollars at risk: the
-- allowed amount of the units above the limit, pro rata.
-- No parameters. Columns: as critical_care_bundled_draw.sql
WITH day_units AS (
	SELECT rendering_npi, patient_id, service_date, procedure_code, sum(units) AS day_units
	FROM claim_lines
	GROUP BY ALL
)
SELECT
	l.rendering_npi, l.provider_name, l.specialty, l.claim_id, l.line_number, l.service_date, l.procedure_code,
	(coalesce(l.allowed_amount, 0) * (d.day_units - m.mue) / d.day_units)::DECIMAL(14,2) AS dollars,
	d.day_units || ' units, MUE ' || m.mue AS detail
FROM claim_lines l
JOIN day_units d USING (rendering_npi, patient_id, service_date, procedure_code)
JOIN (SELECT * FROM mue_limits WHERE import_id = (SELECT max(import_id) FROM mue_limits)) m ON m.procedure_code = l.procedure_code
WHERE d.day_units > m.mue;
