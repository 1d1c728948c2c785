-- Stores findings for some items of a sample, replacing earlier findings for those items.
-- $sample_id INTEGER, $items VARCHAR[], $audited VARCHAR[] ('' = none), $errors VARCHAR[]
-- ('true' | 'false'), $notes VARCHAR[] (parallel lists)
INSERT INTO sampling_findings
SELECT $sample_id::INTEGER, item::INTEGER, nullif(audited, '')::DECIMAL(14,2), error::BOOLEAN, nullif(note, ''), (now() AT TIME ZONE 'UTC')
FROM (SELECT unnest($items) AS item, unnest($audited) AS audited, unnest($errors) AS error, unnest($notes) AS note);
