-- Unit ids of a frame in unit_no order: exactly what the frame checksum covers.
-- $frame_id INTEGER
-- Columns: unit_no, unit_id
SELECT unit_no, any_value(unit_id) AS unit_id
FROM sampling_frame_lines
WHERE frame_id = $frame_id
GROUP BY unit_no
ORDER BY unit_no;
