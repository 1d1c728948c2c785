-- Peer counts of one rule per quarter (claims summary), for a provider's history: the same
-- numerator and denominator as peer_counts.sql, grouped by quarter of service.
-- $den_codes VARCHAR[], $num_codes VARCHAR[], $num_modifiers VARCHAR[], $peer_by VARCHAR,
-- $month_from DATE, $month_to DATE (the first and last month of the quarters)
-- Columns: quarter (e.g. 2025-Q1), provider_npi, provider_name, specialty, peer_extra, numerator,
-- denominator, num_mean_allowed, other_mean_allowed
WITH lines AS (
	SELECT *,
		CASE WHEN len($num_modifiers) > 0 THEN list_has_any(modifiers, $num_modifiers)
			ELSE list_contains($num_codes, procedure_code) END AS in_numerator,
		year(service_month) || '-Q' || quarter(service_month) AS quarter
	FROM provider_services
	WHERE source = 'claims' AND list_contains($den_codes, procedure_code)
		AND service_month >= $month_from::DATE AND service_month <= $month_to::DATE
)
SELECT
	quarter,
	rendering_npi AS provider_npi,
	min(provider_name) AS provider_name,
	specialty,
	CASE $peer_by WHEN 'pos' THEN coalesce(place_of_service, '') WHEN 'payer' THEN coalesce(payer, '') ELSE '' END AS peer_extra,
	coalesce(sum(services) FILTER (WHERE in_numerator), 0)::DOUBLE AS numerator,
	sum(services)::DOUBLE AS denominator,
	(sum(services * avg_allowed) FILTER (WHERE in_numerator) / nullif(sum(services) FILTER (WHERE in_numerator AND avg_allowed IS NOT NULL), 0))::DOUBLE AS num_mean_allowed,
	(sum(services * avg_allowed) FILTER (WHERE NOT in_numerator) / nullif(sum(services) FILTER (WHERE NOT in_numerator AND avg_allowed IS NOT NULL), 0))::DOUBLE AS other_mean_allowed
FROM lines
GROUP BY ALL
ORDER BY quarter, specialty, peer_extra, provider_npi;
