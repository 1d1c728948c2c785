-- How many provider-name x list-record pairs the name matching compares after blocking (the bench
-- reports it: blocking, not the similarity function, decides the screening time). The same
-- readings and blocking as exclusion_matches' by_name (queries/schema_exclusions.sql).
-- No parameters. Columns: pairs
WITH p AS (SELECT * FROM exclusion_provider_names WHERE npi IS NOT NULL AND last_name <> '' AND first_name IS NOT NULL),
x AS (SELECT array_to_string(excl_words(last_name), ' ') AS ln, excl_words(first_name)[1] AS fn, upper(trim(state)) AS st FROM exclusion_records WHERE npi IS NULL)
SELECT count(*)::BIGINT AS pairs
FROM p JOIN x ON x.ln <> '' AND excl_block(x.ln, x.fn) = excl_block(p.last_name, p.first_name) AND (p.state IS NULL OR x.st IS NULL OR x.st = '' OR p.state = x.st);
