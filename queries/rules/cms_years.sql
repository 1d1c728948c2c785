-- The data years of the imported CMS provider-and-service rows, newest first (0 = rows imported
-- before years were recorded). No parameters. Columns: year, providers, rows
SELECT coalesce(data_year, 0) AS year, count(DISTINCT rendering_npi)::INTEGER AS providers, count(*)::INTEGER AS rows
FROM provider_services WHERE source = 'cms' GROUP BY 1 ORDER BY 1 DESC;
