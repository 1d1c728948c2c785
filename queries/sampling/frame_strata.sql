-- Units per stratum of a frame for ascending amount boundaries: stratum 1 holds amounts <=
-- b1, stratum h holds b(h-1) < amount <= bh, the last amounts above every boundary (as
-- stratumOf() in src/lib/server/stats/sampling-strata.ts).
-- $frame_id INTEGER, $bounds VARCHAR[] (decimal numbers as text; [] = one stratum)
-- Columns: stratum, size, total_paid (DOUBLE), min_amount, max_amount
WITH u AS (
	SELECT unit_no, sum(paid_amount) AS amount FROM sampling_frame_lines WHERE frame_id = $frame_id GROUP BY unit_no
)
SELECT
	(1 + len(list_filter(list_transform($bounds, b -> b::DOUBLE), b -> amount::DOUBLE > b)))::INTEGER AS stratum,
	count(*)::INTEGER AS size, sum(amount)::DOUBLE AS total_paid, min(amount)::DOUBLE AS min_amount, max(amount)::DOUBLE AS max_amount
FROM u
GROUP BY stratum
ORDER BY stratum;
