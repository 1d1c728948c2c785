-- Monthly rate of one peer rule for a provider against its specialty's pooled rate, from the
-- monthly claims summary (a CMS provider-and-service file has no months). Numerator as in peer_counts.sql.
-- $npi VARCHAR, $specialty VARCHAR, $den_codes VARCHAR[], $num_codes VARCHAR[], $num_modifiers VARCHAR[]
-- Columns: month, provider_x, provider_n, provider_rate, peer_x, peer_n, peer_rate
WITH lines AS (
	-- the monthly claims summary (provider_services.service_month): services = sum of units, as
	-- the claim lines give, without reading every claim line of the specialty
	SELECT
		service_month AS month,
		rendering_npi,
		services AS units,
		CASE WHEN len($num_modifiers) > 0 THEN list_has_any(modifiers, $num_modifiers)
			ELSE list_contains($num_codes, procedure_code) END AS in_numerator
	FROM provider_services
	WHERE source = 'claims' AND service_month IS NOT NULL AND specialty = $specialty AND list_contains($den_codes, procedure_code)
)
SELECT
	month,
	coalesce(sum(units) FILTER (WHERE rendering_npi = $npi AND in_numerator), 0)::BIGINT AS provider_x,
	coalesce(sum(units) FILTER (WHERE rendering_npi = $npi), 0)::BIGINT AS provider_n,
	(sum(units) FILTER (WHERE rendering_npi = $npi AND in_numerator))::DOUBLE / nullif(sum(units) FILTER (WHERE rendering_npi = $npi), 0) AS provider_rate,
	coalesce(sum(units) FILTER (WHERE in_numerator), 0)::BIGINT AS peer_x,
	sum(units)::BIGINT AS peer_n,
	(coalesce(sum(units) FILTER (WHERE in_numerator), 0))::DOUBLE / nullif(sum(units), 0) AS peer_rate
FROM lines
GROUP BY month
ORDER BY month;
