-- Export log of a sample, oldest first.
-- $sample_id INTEGER
-- Columns: format, tier, rows, sha256, exported_at, exported_by
SELECT format, tier, rows::BIGINT AS rows, sha256, strftime(exported_at, '%Y-%m-%dT%H:%M:%SZ') AS exported_at, exported_by
FROM sampling_exports
WHERE sample_id = $sample_id
ORDER BY exported_at, rowid;
