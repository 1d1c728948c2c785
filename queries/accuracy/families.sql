-- The code families used for up/down-coding (accuracy_code_families() in prepare.sql), for the
-- "how computed" note. No parameters.
-- Columns: family, codes (lowest level first)
SELECT family, list(code ORDER BY level) AS codes
FROM accuracy_code_families()
GROUP BY family
ORDER BY min(code);
