-- The drawn units of a sample in item order.
-- $sample_id INTEGER
-- Columns: item, role, stratum, draw, unit_no, unit_id, examined_amount (DOUBLE)
SELECT item, role, stratum, draw, unit_no, unit_id, examined_amount::DOUBLE AS examined_amount
FROM sampling_sample_units
WHERE sample_id = $sample_id
ORDER BY item;
