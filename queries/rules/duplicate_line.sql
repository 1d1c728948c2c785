-- Line rule duplicate_line: same patient, provider, code, modifier set (order ignored) and date
-- of service on two or more claims. The first claim's line (lowest claim id) is the original;
-- lines on other claims are the findings. Dollars at risk: their allowed amounts, unless denied.
-- No parameters. Columns: as critical_care_bundled_draw.sql
WITH keyed AS (
	SELECT *, list_sort(modifiers) AS mod_key
	FROM claim_lines
	WHERE patient_id IS NOT NULL
),
repeated AS (
	SELECT patient_id, rendering_npi, procedure_code, mod_key, service_date, min(claim_id) AS first_claim
	FROM keyed
	GROUP BY ALL
	HAVING count(DISTINCT claim_id) > 1
)
SELECT
	k.rendering_npi, k.provider_name, k.specialty, k.claim_id, k.line_number, k.service_date, k.procedure_code,
	CASE WHEN k.line_status = 'denied' THEN 0 ELSE coalesce(k.allowed_amount, 0) END::DECIMAL(14,2) AS dollars,
	'repeats claim ' || r.first_claim AS detail
FROM keyed k
JOIN repeated r USING (patient_id, rendering_npi, procedure_code, mod_key, service_date)
WHERE k.claim_id <> r.first_claim;
