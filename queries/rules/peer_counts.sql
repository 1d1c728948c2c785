-- Peer-comparison rules: per provider and peer group, the numerator and denominator services of
-- one rule, from the provider-service summary (so it runs on claim data and on a CMS file).
-- Numerator = services whose code is in $num_codes, or, when $num_modifiers is not empty,
-- services carrying any of those modifiers. Peer group = specialty, optionally x place of
-- service or payer ($peer_by: specialty | pos | payer).
-- Mean allowed amounts (per service) of numerator services and of the other denominator
-- services feed "dollars at risk".
-- CMS rows are one data year at a time, or the years the user chose to pool ($years; claims rows
-- ignore it): years are never pooled silently.
-- Claims rows can be restricted to a period of whole months ($month_from, $month_to: first days
-- of the first and last month, NULL = open); CMS rows have no months.
-- $by_quarter BOOLEAN: claims rows per quarter of service as well (a provider's history), else ''.
-- $source VARCHAR, $years VARCHAR[] (data years as text; 0 = rows without a year), $month_from DATE, $month_to DATE, $den_codes VARCHAR[], $num_codes VARCHAR[], $num_modifiers VARCHAR[], $peer_by VARCHAR
-- Columns: quarter (e.g. 2025-Q1, or ''), provider_npi, provider_name, specialty, peer_extra, numerator, denominator,
-- num_mean_allowed, other_mean_allowed
WITH lines AS (
	SELECT
		*,
		CASE WHEN len($num_modifiers) > 0 THEN list_has_any(modifiers, $num_modifiers)
			ELSE list_contains($num_codes, procedure_code) END AS in_numerator,
		CASE WHEN $by_quarter THEN year(service_month) || '-Q' || quarter(service_month) ELSE '' END AS quarter
	FROM provider_services
	WHERE source = $source AND (source = 'claims' OR list_contains($years::INTEGER[], coalesce(data_year, 0))) AND list_contains($den_codes, procedure_code)
		AND (source = 'cms' OR $month_from::DATE IS NULL OR service_month >= $month_from::DATE)
		AND (source = 'cms' OR $month_to::DATE IS NULL OR service_month <= $month_to::DATE)
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
