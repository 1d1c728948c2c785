-- One saved frame.
-- $frame_id INTEGER
-- Columns: as frames_list.sql without samples
SELECT frame_id, name, unit, definition, size::BIGINT AS size, total_paid::DOUBLE AS total_paid, checksum,
	strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') AS created_at, created_by
FROM sampling_frames
WHERE frame_id = $frame_id;
