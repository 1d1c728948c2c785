-- Most frequent original -> audited code changes (upcoded, downcoded, wrong_code lines; added and
-- struck lines have no pair). Classification: accuracy_lines() in prepare.sql.
-- $date_from DATE, $date_to DATE, $specialty VARCHAR, $auditor VARCHAR, $coder VARCHAR (NULL = any),
-- $limit INTEGER
-- Columns: total_pairs (distinct pairs, repeated on each row), original_code, audited_code,
--   error_class, lines, original_lines (audited lines billed with original_code, so
--   lines / original_lines = how often that code was changed this way), coders,
--   financial_impact (sum of billed - audited where both known)
WITH l AS (
	SELECT * FROM accuracy_lines($date_from::DATE, $date_to::DATE, $specialty::VARCHAR, $auditor::VARCHAR, $coder::VARCHAR)
), originals AS (
	SELECT original_code, count(*) AS original_lines FROM l WHERE original_code IS NOT NULL GROUP BY original_code
)
SELECT
	count(*) OVER ()::INTEGER AS total_pairs,
	l.original_code,
	l.audited_code,
	min(l.error_class) AS error_class, -- a pair of codes always gets the same class
	count(*)::INTEGER AS lines,
	o.original_lines::INTEGER AS original_lines,
	count(DISTINCT l.coder_id)::INTEGER AS coders,
	sum(l.impact)::DOUBLE AS financial_impact
FROM l JOIN originals o ON o.original_code = l.original_code
WHERE l.error_class IN ('upcoded', 'downcoded', 'wrong_code')
GROUP BY l.original_code, l.audited_code, o.original_lines
ORDER BY lines DESC, financial_impact DESC NULLS LAST, l.original_code, l.audited_code
LIMIT $limit;
