-- Per provider and service month, the numerator and denominator services of one peer rule, with
-- the provider's peer group (specialty): the monitoring charts' input (claims summary).
-- $den_codes VARCHAR[], $num_codes VARCHAR[], $num_modifiers VARCHAR[]
-- Columns: provider_npi, provider_name, specialty, month (YYYY-MM), x, n
WITH lines AS (
	SELECT rendering_npi, provider_name, specialty, service_month, services,
		CASE WHEN len($num_modifiers) > 0 THEN list_has_any(modifiers, $num_modifiers)
			ELSE list_contains($num_codes, procedure_code) END AS in_numerator
	FROM provider_services
	WHERE source = 'claims' AND service_month IS NOT NULL AND list_contains($den_codes, procedure_code)
)
SELECT rendering_npi AS provider_npi, min(provider_name) AS provider_name, specialty, strftime(service_month, '%Y-%m') AS month,
	coalesce(sum(services) FILTER (WHERE in_numerator), 0)::DOUBLE AS x, sum(services)::DOUBLE AS n
FROM lines GROUP BY rendering_npi, specialty, service_month ORDER BY specialty, rendering_npi, month;
