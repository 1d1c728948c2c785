-- Findings of a sample in item order.
-- $sample_id INTEGER
-- Columns: item, audited_amount (DOUBLE, NULL when only error yes/no was given), error, note
SELECT item, audited_amount::DOUBLE AS audited_amount, error, note
FROM sampling_findings
WHERE sample_id = $sample_id
ORDER BY item;
