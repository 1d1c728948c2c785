-- Saved frames, newest first, with how many samples were drawn from each.
-- No parameters.
-- Columns: frame_id, name, unit, definition (JSON text), size, total_paid, checksum,
-- created_at, created_by, samples
SELECT f.frame_id, f.name, f.unit, f.definition, f.size::BIGINT AS size, f.total_paid::DOUBLE AS total_paid,
	f.checksum, strftime(f.created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, f.created_by,
	(SELECT count(*) FROM sampling_samples s WHERE s.frame_id = f.frame_id)::INTEGER AS samples
FROM sampling_frames f
ORDER BY f.frame_id DESC;
