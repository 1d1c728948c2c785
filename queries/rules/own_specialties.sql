-- The specialties of the own providers (claims summary). No parameters. Columns: specialty, providers
SELECT specialty, count(DISTINCT rendering_npi)::INTEGER AS providers FROM provider_services
WHERE source = 'claims' AND specialty IS NOT NULL GROUP BY specialty ORDER BY specialty;
