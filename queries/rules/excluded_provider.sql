-- Line rule excluded_provider (issue 13): claim lines of a provider matched to an exclusion list
-- record (exact NPI, or a name match a person confirmed) with a service date on or after the
-- exclusion date and before a reinstatement or waiver (exclusion_window_lines). Federal health
-- care programs pay nothing for items or services an excluded person furnishes (42 CFR
-- 1001.1901), so the whole paid amount is at risk. A line inside two records' windows (LEIE and
-- SAM) is listed once, under the earlier.
-- No parameters. Columns: as critical_care_bundled_draw.sql
SELECT
	rendering_npi, provider_name, specialty, claim_id, line_number, service_date, procedure_code,
	coalesce(paid_amount, 0)::DECIMAL(14,2) AS dollars,
	upper(list) || ' exclusion from ' || excluded_from || coalesce(' until ' || excluded_until, '') || ' (' || match || ' match' || CASE WHEN match = 'name' THEN ', confirmed by ' || coalesce(decided_by, '?') ELSE '' END || ')' AS detail
FROM exclusion_window_lines
WHERE status = 'confirmed'
QUALIFY row_number() OVER (PARTITION BY claim_id, line_number, rendering_npi ORDER BY excluded_from, record_key) = 1;
