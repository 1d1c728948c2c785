-- Codes present in the provider-service summary of one source: the universe against which a
-- rule's code sets (codes and ranges) are resolved to explicit lists.
-- $source VARCHAR, $year INTEGER (CMS data year; 0 = rows without one). Columns: procedure_code
SELECT DISTINCT procedure_code FROM provider_services
WHERE source = $source AND (source = 'claims' OR coalesce(data_year, 0) = $year) ORDER BY 1;
