-- Records a finished export (security.md "Audit trail": row count and file checksum).
-- $sample_id INTEGER, $format VARCHAR, $tier VARCHAR, $rows BIGINT, $sha256 VARCHAR, $exported_by VARCHAR
INSERT INTO sampling_exports
VALUES ($sample_id::INTEGER, $format, $tier, $rows::BIGINT, $sha256, (now() AT TIME ZONE 'UTC'), $exported_by);
