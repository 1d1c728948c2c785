-- Size, dollars and checksum of a saved frame. checksum = sha256 (hex) of the UTF-8 text made
-- of every unit id in unit_no order, each followed by a newline (so `sha256sum` of a file with
-- one unit id per line reproduces it).
-- $frame_id INTEGER
-- Columns: size, total_paid (DOUBLE), checksum
WITH u AS (
	SELECT unit_no, any_value(unit_id) AS unit_id, sum(paid_amount) AS amount
	FROM sampling_frame_lines
	WHERE frame_id = $frame_id
	GROUP BY unit_no
)
SELECT
	count(*)::BIGINT AS size,
	coalesce(sum(amount), 0)::DOUBLE AS total_paid,
	sha256(coalesce(string_agg(unit_id || chr(10), '' ORDER BY unit_no), '')) AS checksum
FROM u;
