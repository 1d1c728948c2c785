-- Stores a draw: each (stratum, position) drawn becomes the unit at that position of the
-- stratum, positions numbering the stratum's units 1..N_h in frame (unit_no) order.
-- $sample_id INTEGER, $frame_id INTEGER, $bounds VARCHAR[] (as frame_strata.sql),
-- $items, $roles, $strata, $draws, $positions VARCHAR[] (parallel lists, one per drawn unit)
-- Writes sampling_sample_units.
INSERT INTO sampling_sample_units
WITH u AS (
	SELECT unit_no, any_value(unit_id) AS unit_id, sum(paid_amount)::DECIMAL(14,2) AS amount
	FROM sampling_frame_lines WHERE frame_id = $frame_id GROUP BY unit_no
),
positioned AS (
	SELECT *, row_number() OVER (PARTITION BY stratum ORDER BY unit_no)::INTEGER AS position
	FROM (SELECT *, (1 + len(list_filter(list_transform($bounds, b -> b::DOUBLE), b -> amount::DOUBLE > b)))::INTEGER AS stratum FROM u)
),
drawn AS (
	SELECT unnest($items)::INTEGER AS item, unnest($roles) AS role, unnest($strata)::INTEGER AS stratum,
		unnest($draws)::INTEGER AS draw, unnest($positions)::INTEGER AS position
)
SELECT $sample_id::INTEGER, d.item, d.role, d.stratum, d.draw, p.unit_no, p.unit_id, p.amount
FROM drawn d JOIN positioned p USING (stratum, position)
ORDER BY d.item;
