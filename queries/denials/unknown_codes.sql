-- Adjustment codes on denied lines that the project's CARC table does not know: they count in
-- category "other" and are listed so the table can be extended. From the facts; independent of
-- exclusions. $carc_codes VARCHAR[] (the table's codes)
-- Columns: code, lines
WITH set_lines AS (
	SELECT set_id, sum(lines) AS lines FROM denial_line_facts WHERE set_id > 0 GROUP BY set_id
),
codes AS (
	SELECT DISTINCT set_id, denial_code_display(code) AS code, denial_code_carc(code) AS carc
	FROM (SELECT set_id, unnest(denial_codes) AS code FROM denial_code_sets)
)
SELECT c.code, sum(l.lines)::BIGINT AS lines
FROM codes c JOIN set_lines l USING (set_id)
WHERE NOT list_contains($carc_codes, c.carc)
GROUP BY c.code
ORDER BY lines DESC, c.code;
