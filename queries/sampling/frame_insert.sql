-- Records a saved frame (its lines are already in sampling_frame_lines).
-- $frame_id INTEGER, $name VARCHAR, $unit VARCHAR, $definition VARCHAR (JSON), $size BIGINT,
-- $total_paid DOUBLE, $checksum VARCHAR, $created_by VARCHAR
INSERT INTO sampling_frames
VALUES ($frame_id::INTEGER, $name, $unit, $definition, $size::BIGINT, $total_paid::DECIMAL(18,2), $checksum, (now() AT TIME ZONE 'UTC'), $created_by);
