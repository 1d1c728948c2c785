-- Removes earlier findings of some items of a sample (before findings_replace.sql stores the new ones).
-- $sample_id INTEGER, $items VARCHAR[] (item numbers as text)
DELETE FROM sampling_findings
WHERE sample_id = $sample_id::INTEGER AND list_contains(list_transform($items, x -> x::INTEGER), item);
