-- One sample's stored manifest (full tier, JSON text).
-- $sample_id INTEGER
-- Columns: sample_id, manifest
SELECT sample_id, manifest FROM sampling_samples WHERE sample_id = $sample_id;
