-- Most-denied procedure codes per specialty, from the line facts under the definition in force:
-- the $top codes with the most denied lines, their line denial rate, denied charges and the
-- category with the most denied lines.
-- $top INTEGER, $excluded, $carc_codes, $carc_categories as denial_set_outcome
-- Columns: specialty, procedure_code, lines, denied_lines, line_denial_rate, denied_charges,
-- top_category
WITH outcome AS (
	SELECT * FROM denial_set_outcome($excluded, $carc_codes, $carc_categories)
),
per_category AS (
	SELECT f.specialty, f.procedure_code, CASE WHEN o.counted THEN o.category END AS category,
		sum(f.lines) AS lines, sum(f.charges) AS charges
	FROM denial_line_facts f LEFT JOIN outcome o ON o.set_id = f.set_id
	GROUP BY ALL
),
per_code AS (
	SELECT specialty, procedure_code,
		sum(lines) AS lines,
		coalesce(sum(lines) FILTER (WHERE category IS NOT NULL), 0) AS denied_lines,
		coalesce(sum(charges) FILTER (WHERE category IS NOT NULL), 0) AS denied_charges,
		arg_max(category, lines) FILTER (WHERE category IS NOT NULL) AS top_category
	FROM per_category
	GROUP BY specialty, procedure_code
)
SELECT specialty, procedure_code, lines::BIGINT AS lines, denied_lines::BIGINT AS denied_lines,
	denied_lines::DOUBLE / nullif(lines, 0) AS line_denial_rate, denied_charges::DOUBLE AS denied_charges, top_category
FROM per_code
WHERE denied_lines > 0
QUALIFY row_number() OVER (PARTITION BY specialty ORDER BY denied_lines DESC, procedure_code) <= $top
ORDER BY specialty, denied_lines DESC, procedure_code;
