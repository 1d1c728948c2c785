-- Whether a sample exists (without reading its manifest, which grows with the sample).
-- $sample_id INTEGER
-- Columns: sample_id
SELECT sample_id FROM sampling_samples WHERE sample_id = $sample_id;
