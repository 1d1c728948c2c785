-- Distribution of unit amounts in a frame (input of the automatic equal-dollar boundaries).
-- $frame_id INTEGER
-- Columns: amount (DOUBLE, a unit's paid total), count (units with that amount)
WITH u AS (
	SELECT unit_no, sum(paid_amount) AS amount FROM sampling_frame_lines WHERE frame_id = $frame_id GROUP BY unit_no
)
SELECT amount::DOUBLE AS amount, count(*)::INTEGER AS count FROM u GROUP BY amount ORDER BY amount;
