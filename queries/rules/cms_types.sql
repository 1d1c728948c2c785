-- The CMS provider types in the CMS rows of one data year (the national groups).
-- $year INTEGER (0 = rows without a year). Columns: cms_type, providers
SELECT specialty AS cms_type, count(DISTINCT rendering_npi)::INTEGER AS providers
FROM provider_services WHERE source = 'cms' AND coalesce(data_year, 0) = $year GROUP BY specialty ORDER BY specialty;
