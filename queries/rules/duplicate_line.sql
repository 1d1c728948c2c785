-- Line rule duplicate_line: same patient, provider, code, modifier set (order ignored) and date
-- of service on two or more claims. The first claim's line (lowest claim id) is the original;
-- lines on other claims are the findings. Dollars at risk: their allowed amounts, unless denied.
-- Speed (issue 16): almost every key occurs once, and grouping every line by the full key with a
-- distinct-count set was most of the rules' time. A hash of the key is grouped first (one
-- 64-bit value, no set), and only lines whose hash occurs at least twice go on to the exact
-- grouping. A key on two claims occurs at least twice, so no finding is lost; a hash collision
-- only lets an extra line through to the exact test. Same findings as before.
-- No parameters. Columns: as critical_care_bundled_draw.sql
WITH hashed AS (
	SELECT hash(patient_id, rendering_npi, procedure_code, list_sort(modifiers), service_date) AS key_hash
	FROM claim_lines
	WHERE patient_id IS NOT NULL
),
repeated_hashes AS (
	SELECT key_hash FROM hashed GROUP BY key_hash HAVING count(*) > 1
),
keyed AS (
	SELECT *, list_sort(modifiers) AS mod_key
	FROM claim_lines
	WHERE patient_id IS NOT NULL
		AND hash(patient_id, rendering_npi, procedure_code, list_sort(modifiers), service_date) IN (SELECT key_hash FROM repeated_hashes)
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
