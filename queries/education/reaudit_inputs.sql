-- What the re-audit decision (src/lib/server/accuracy/reaudit.ts) needs for each coder: the day
-- of their latest audit, the line accuracy of their latest audit round (the coder's lines audited
-- in the $window_days days up to and including that day: correct / audited; a round, not one day,
-- because audits trickle in a few lines a day and one day's 1 of 1 decides nothing; lines classified by accuracy_lines() of queries/accuracy/prepare.sql, on a
-- withAccuracy connection) and the days of their educations. A line's audit day is its
-- audit_date, else its service date (as in queries/education/list.sql).
-- Coders: everyone with an audited line or an education (an education may precede the first audit).
-- $coder VARCHAR (NULL = every coder), $window_days INTEGER (the round: 90 = a quarter)
-- Columns: coder_id, last_audit_on (NULL: no dated audit line), latest_lines, latest_correct,
--   audited_lines (all of the coder's lines), educations (sorted DATE list, may be empty)
WITH l AS (
	SELECT coder_id, coalesce(audit_date, service_date) AS audit_day, error_class
	FROM accuracy_lines(NULL, NULL, NULL, NULL, $coder::VARCHAR)
	WHERE coder_id IS NOT NULL
),
last_audit AS (
	SELECT coder_id, max(audit_day) AS last_audit_on, count(*)::INTEGER AS audited_lines FROM l GROUP BY coder_id
),
latest AS (
	SELECT l.coder_id, count(*)::INTEGER AS latest_lines, count(*) FILTER (WHERE l.error_class IS NULL)::INTEGER AS latest_correct
	FROM l JOIN last_audit ON last_audit.coder_id = l.coder_id
		AND l.audit_day > last_audit.last_audit_on - to_days($window_days::INTEGER)
		AND l.audit_day <= last_audit.last_audit_on
	GROUP BY l.coder_id
),
edu AS (
	SELECT coder_id, list_sort(list(given_on)) AS educations
	FROM coder_education
	WHERE $coder::VARCHAR IS NULL OR coder_id = $coder::VARCHAR
	GROUP BY coder_id
),
coders AS (
	SELECT coder_id FROM last_audit UNION SELECT coder_id FROM edu
)
SELECT
	coders.coder_id,
	last_audit.last_audit_on,
	coalesce(latest.latest_lines, 0) AS latest_lines,
	coalesce(latest.latest_correct, 0) AS latest_correct,
	coalesce(last_audit.audited_lines, 0) AS audited_lines,
	coalesce(edu.educations, []::DATE[]) AS educations
FROM coders
LEFT JOIN last_audit USING (coder_id)
LEFT JOIN latest USING (coder_id)
LEFT JOIN edu USING (coder_id)
ORDER BY coders.coder_id;
