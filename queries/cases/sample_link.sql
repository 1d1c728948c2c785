-- Links an audit sample to a case (once). Params: case_id, sample_id, linked_by.
INSERT INTO review_case_samples (case_id, sample_id, linked_by, linked_at)
VALUES ($case_id, $sample_id, $linked_by, now()::TIMESTAMP)
ON CONFLICT DO NOTHING;
