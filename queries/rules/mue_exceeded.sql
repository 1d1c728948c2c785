-- Line rule mue_exceeded: units of a code above the practitioner MUE in the user's imported CMS
-- MUE table (mue_limits), counted as its MUE adjudication indicator (MAI) says (CMS, "Medically
-- Unlikely Edits", MAI definitions): MAI 1 = a claim-line edit, each line's own units; MAI 2
-- (policy) and 3 (clinical) = date-of-service edits, the units of the code for one patient and
-- date of service (by the same provider) added up across lines and claims. A table without an
-- MAI column is checked per date of service. A line without a patient id cannot be added up with
-- others (whose patient would they be?): its own units are checked. Dollars at risk: the allowed amount of the units
-- above the limit, pro rata.
-- No parameters. Columns: as critical_care_bundled_draw.sql
WITH mue AS (
	SELECT * FROM mue_limits WHERE import_id = (SELECT max(import_id) FROM mue_limits)
),
day_units AS (
	SELECT rendering_npi, patient_id, service_date, procedure_code, sum(units) AS day_units
	FROM claim_lines
	WHERE patient_id IS NOT NULL
		AND procedure_code IN (SELECT procedure_code FROM mue WHERE coalesce(adjudication_indicator, '3') <> '1')
	GROUP BY ALL
),
counted AS (
	SELECT l.*, m.mue,
		CASE WHEN m.adjudication_indicator = '1' OR d.day_units IS NULL THEN l.units ELSE d.day_units END AS counted_units,
		CASE WHEN m.adjudication_indicator = '1' THEN ' on the line (MAI 1)'
			WHEN d.day_units IS NULL THEN ' on the line (no patient id to add the day up; MAI ' || coalesce(m.adjudication_indicator, '?') || ')'
			ELSE ' on the date of service (MAI ' || coalesce(m.adjudication_indicator, '?') || ')' END AS basis
	FROM claim_lines l
	JOIN mue m ON m.procedure_code = l.procedure_code
	LEFT JOIN day_units d ON d.rendering_npi = l.rendering_npi AND d.patient_id = l.patient_id
		AND d.service_date = l.service_date AND d.procedure_code = l.procedure_code
)
SELECT
	rendering_npi, provider_name, specialty, claim_id, line_number, service_date, procedure_code,
	(coalesce(allowed_amount, 0) * (counted_units - mue) / counted_units)::DECIMAL(14,2) AS dollars,
	counted_units || ' units' || basis || ', MUE ' || mue AS detail
FROM counted
WHERE counted_units > mue;
