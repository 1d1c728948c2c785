-- Mean and SD of a saved frame's unit amounts (paid dollars per unit: a line, or a claim's lines
-- summed), for the variable sample size from an error rate (RAT-STATS uses the mean and SD of
-- the reported amounts). The frame is the whole universe, so the SD is the population SD.
-- $frame_id INTEGER
-- Columns: units, mean_paid (DOUBLE), sd_paid (DOUBLE)
WITH u AS (
	SELECT unit_no, sum(paid_amount)::DOUBLE AS amount
	FROM sampling_frame_lines
	WHERE frame_id = $frame_id
	GROUP BY unit_no
)
SELECT count(*)::BIGINT AS units, coalesce(avg(amount), 0)::DOUBLE AS mean_paid, coalesce(stddev_pop(amount), 0)::DOUBLE AS sd_paid
FROM u;
