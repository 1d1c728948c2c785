-- How many provider x list-record pairs the name matching compares after blocking (the bench
-- reports it: blocking, not the similarity function, decides the screening time).
-- No parameters. Columns: pairs
WITH p AS (SELECT * FROM exclusion_providers WHERE npi IS NOT NULL),
x AS (SELECT excl_norm(last_name) AS ln, excl_words(first_name)[1] AS fn, upper(trim(state)) AS st FROM exclusion_records WHERE npi IS NULL)
SELECT count(*)::BIGINT AS pairs
FROM p JOIN x ON x.ln <> '' AND excl_block(x.ln, x.fn) = excl_block(p.last_name, p.first_name) AND (p.state IS NULL OR x.st IS NULL OR x.st = '' OR p.state = x.st);
