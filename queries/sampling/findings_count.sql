-- How many items of a sample have findings.
-- $sample_id INTEGER
-- Columns: n
SELECT count(*)::INTEGER AS n FROM sampling_findings WHERE sample_id = $sample_id::INTEGER;
