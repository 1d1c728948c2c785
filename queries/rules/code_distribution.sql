-- A provider's distribution over a rule's code family next to its peer group's (the E/M "bell
-- curve"), from the provider-service summary.
-- $source VARCHAR, $years VARCHAR[] (CMS data years as text, one or those pooled; 0 = rows without one), $month_from DATE, $month_to DATE (claims: the period's months, NULL = open), $npi VARCHAR, $specialty VARCHAR, $den_codes VARCHAR[]
-- Columns: procedure_code, provider_services, provider_share, peer_services, peer_share
WITH fam AS (
	SELECT procedure_code, rendering_npi, services
	FROM provider_services
	WHERE source = $source AND (source = 'claims' OR list_contains($years::INTEGER[], coalesce(data_year, 0))) AND specialty = $specialty AND list_contains($den_codes, procedure_code)
		AND (source = 'cms' OR $month_from::DATE IS NULL OR service_month >= $month_from::DATE)
		AND (source = 'cms' OR $month_to::DATE IS NULL OR service_month <= $month_to::DATE)
),
per_code AS (
	SELECT
		procedure_code,
		coalesce(sum(services) FILTER (WHERE rendering_npi = $npi), 0) AS provider_services,
		sum(services) AS peer_services
	FROM fam
	GROUP BY procedure_code
)
SELECT
	procedure_code,
	provider_services,
	provider_services / nullif(sum(provider_services) OVER (), 0) AS provider_share,
	peer_services,
	peer_services / nullif(sum(peer_services) OVER (), 0) AS peer_share
FROM per_code
ORDER BY procedure_code;
