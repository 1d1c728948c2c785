-- Codes present in the provider-service summary of one source: the universe against which a
-- rule's code sets (codes and ranges) are resolved to explicit lists.
-- $source VARCHAR. Columns: procedure_code
SELECT DISTINCT procedure_code FROM provider_services WHERE source = $source ORDER BY 1;
