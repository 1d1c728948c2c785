-- How many providers a screening covers (claims' rendering NPIs and roster NPIs).
-- No parameters. Columns: providers
SELECT count(*)::BIGINT AS providers FROM exclusion_providers WHERE npi IS NOT NULL;
