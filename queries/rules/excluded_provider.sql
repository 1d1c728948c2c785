-- Line rule excluded_provider (issue 13): claim lines of a provider matched to an exclusion list
-- record (exact NPI, or a name match a person confirmed) with a service date on or after the
-- exclusion date and before a reinstatement or waiver. Federal health care programs pay nothing
-- for items or services an excluded person furnishes (42 CFR 1001.1901), so the whole paid amount
-- is at risk. A line inside two records' windows (LEIE and SAM) is listed once, under the earlier.
-- No parameters. Columns: as critical_care_bundled_draw.sql
SELECT
	l.rendering_npi, l.provider_name, l.specialty, l.claim_id, l.line_number, l.service_date, l.procedure_code,
	coalesce(l.paid_amount, 0)::DECIMAL(14,2) AS dollars,
	upper(m.list) || ' exclusion from ' || m.excluded_from || coalesce(' until ' || m.excluded_until, '') || ' (' || m.match || ' match' || CASE WHEN m.match = 'name' THEN ', confirmed by ' || coalesce(m.decided_by, '?') ELSE '' END || ')' AS detail
FROM claim_lines l
JOIN exclusion_matches m ON m.provider_npi = l.rendering_npi AND m.status = 'confirmed'
WHERE l.service_date >= m.excluded_from AND (m.excluded_until IS NULL OR l.service_date < m.excluded_until)
QUALIFY row_number() OVER (PARTITION BY l.claim_id, l.line_number, l.rendering_npi ORDER BY m.excluded_from, m.record_key) = 1;
