-- Rebuild step 1 of the denial facts (schema_remittance.sql): number each distinct code list
-- found on denied lines of denial_lines. Run after DELETE FROM denial_code_sets. No parameters.
INSERT INTO denial_code_sets
SELECT (row_number() OVER (ORDER BY denial_codes))::INTEGER AS set_id, 'denied' AS line_status, denial_codes
FROM (SELECT DISTINCT denial_codes FROM denial_lines WHERE line_status = 'denied');
