-- Records a drawn sample and its manifest (the units are already in sampling_sample_units).
-- $sample_id INTEGER, $frame_id INTEGER, $method VARCHAR, $seed VARCHAR (whole number as text,
-- exact up to 2^53 - 1), $sample_size INTEGER, $spares INTEGER, $manifest VARCHAR (JSON),
-- $drawn_by VARCHAR, $drawn_at VARCHAR (UTC, YYYY-MM-DDTHH:MM:SS.sss)
INSERT INTO sampling_samples
VALUES ($sample_id::INTEGER, $frame_id::INTEGER, $method, $seed::BIGINT, $sample_size::INTEGER, $spares::INTEGER,
	$manifest, $drawn_by, $drawn_at::TIMESTAMP);
