-- The national distribution over a rule's code family for one CMS provider type and data year
-- (the "bell curve" of the national specialty). $year INTEGER, $cms_type VARCHAR, $den_codes VARCHAR[]
-- Columns: procedure_code, national_services, national_share
SELECT procedure_code, sum(services)::DOUBLE AS national_services,
	(sum(services) / nullif(sum(sum(services)) OVER (), 0))::DOUBLE AS national_share
FROM provider_services
WHERE source = 'cms' AND coalesce(data_year, 0) = $year AND specialty = $cms_type AND list_contains($den_codes, procedure_code)
GROUP BY procedure_code ORDER BY procedure_code;
