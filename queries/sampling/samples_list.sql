-- Samples drawn, newest first, with their frame and how many items have findings.
-- $frame_id INTEGER (NULL = every frame)
-- Columns: sample_id, frame_id, frame_name, unit, method, seed, sample_size, spares, drawn_by,
-- drawn_at, findings, frame_size, frame_checksum
SELECT s.sample_id, s.frame_id, f.name AS frame_name, f.unit, s.method, s.seed::BIGINT AS seed, s.sample_size, s.spares,
	s.drawn_by, strftime(s.drawn_at, '%Y-%m-%dT%H:%M:%SZ') AS drawn_at,
	(SELECT count(*) FROM sampling_findings x WHERE x.sample_id = s.sample_id)::INTEGER AS findings,
	f.size::BIGINT AS frame_size, f.checksum AS frame_checksum
FROM sampling_samples s JOIN sampling_frames f USING (frame_id)
WHERE $frame_id::INTEGER IS NULL OR s.frame_id = $frame_id::INTEGER
ORDER BY s.sample_id DESC;
