-- Records one education (queries/schema_education.sql: coder_education); the id comes from the
-- column default (coder_education_id_seq).
-- $coder_id VARCHAR, $given_on DATE, $topic VARCHAR, $error_classes VARCHAR[], $note VARCHAR,
-- $recorded_by VARCHAR
-- Columns (the row written): education_id, coder_id, given_on, topic, error_classes, note,
--   recorded_by, recorded_at
INSERT INTO coder_education (coder_id, given_on, topic, error_classes, note, recorded_by, recorded_at)
VALUES ($coder_id, $given_on::DATE, $topic, $error_classes, $note, $recorded_by, (now() AT TIME ZONE 'UTC'))
RETURNING education_id, coder_id, given_on, topic, error_classes, note, recorded_by, recorded_at;
