-- Choices for the frame form: specialties and payers present in the claim lines.
-- No parameters.
-- Columns: kind ('specialty' | 'payer'), value
SELECT 'specialty' AS kind, specialty AS value FROM (SELECT DISTINCT specialty FROM claim_lines)
UNION ALL
SELECT 'payer', payer FROM (SELECT DISTINCT payer FROM claim_lines WHERE payer IS NOT NULL)
ORDER BY kind, value;
