-- Educations, newest first, each with the coder's line accuracy before and after it: the coder
-- page's table, the Education page, `claimlens education list` and the PDF reports.
-- Lines are classified by accuracy_lines() (queries/accuracy/prepare.sql; run on a connection
-- from withAccuracy). A line's audit day is its audit_date, else its service date (a worksheet
-- without audit dates: the audit came no earlier than the service).
-- Windows of an education given on day G to coder C (P = C's previous education day before G,
-- N = C's next education day after G; educations on the same day share their windows):
--   before: audit day in [P, G)  (from the start of the coder's audits when there is no P)
--   after:  audit day in [G, N)  (to the end when there is no N)
-- so an audit on the day of the education counts after it, and every audited line of C falls
-- in exactly one window between two education days.
-- class_errors: lines whose error class is one the education addressed (error_classes).
-- Per window, the claim-cluster moments of src/lib/server/stats/cluster.ts (sums over claims of
-- y^2, y m, m^2 with m = the claim's lines in the window, y its correct ones; and of c^2, c m with
-- c its class errors), for the Wilson interval on the effective sample size (groups.ts does the same).
-- $coder VARCHAR (NULL = every coder), $limit INTEGER (educations, newest first)
-- Columns: education_id, coder_id, given_on, topic, error_classes, note, recorded_by,
--   recorded_at, before_from (P or NULL), after_to (N or NULL), then for w in (before, after):
--   w_lines, w_correct, w_class_errors, w_claims, w_sum_y2, w_sum_ym, w_sum_m2, w_sum_c2, w_sum_cm
WITH e AS (
	SELECT ce.*,
		(SELECT max(p.given_on) FROM coder_education p WHERE p.coder_id = ce.coder_id AND p.given_on < ce.given_on) AS prev_on,
		(SELECT min(n.given_on) FROM coder_education n WHERE n.coder_id = ce.coder_id AND n.given_on > ce.given_on) AS next_on
	FROM coder_education ce
	WHERE $coder::VARCHAR IS NULL OR ce.coder_id = $coder::VARCHAR
	ORDER BY ce.given_on DESC, ce.education_id DESC
	LIMIT $limit
),
l AS (
	SELECT coder_id, claim_id, coalesce(audit_date, service_date) AS audit_day, error_class
	FROM accuracy_lines(NULL, NULL, NULL, NULL, $coder::VARCHAR)
	WHERE coalesce(audit_date, service_date) IS NOT NULL
),
per_claim AS (
	SELECT e.education_id, CASE WHEN l.audit_day < e.given_on THEN 'before' ELSE 'after' END AS side, l.claim_id,
		count(*)::DOUBLE AS m,
		count(*) FILTER (WHERE l.error_class IS NULL)::DOUBLE AS y,
		count(*) FILTER (WHERE list_contains(e.error_classes, l.error_class))::DOUBLE AS c
	FROM e
	JOIN l ON l.coder_id = e.coder_id AND (
		(l.audit_day < e.given_on AND (e.prev_on IS NULL OR l.audit_day >= e.prev_on))
		OR (l.audit_day >= e.given_on AND (e.next_on IS NULL OR l.audit_day < e.next_on)))
	GROUP BY e.education_id, side, l.claim_id
),
w AS (
	SELECT education_id, side, sum(m)::INTEGER AS lines, sum(y)::INTEGER AS correct, sum(c)::INTEGER AS class_errors,
		count(*)::INTEGER AS claims, sum(y * y) AS sum_y2, sum(y * m) AS sum_ym, sum(m * m) AS sum_m2,
		sum(c * c) AS sum_c2, sum(c * m) AS sum_cm
	FROM per_claim GROUP BY education_id, side
)
SELECT
	e.education_id, e.coder_id, e.given_on, e.topic, e.error_classes, e.note, e.recorded_by, e.recorded_at,
	e.prev_on AS before_from, e.next_on AS after_to,
	coalesce(b.lines, 0) AS before_lines, coalesce(b.correct, 0) AS before_correct, coalesce(b.class_errors, 0) AS before_class_errors,
	coalesce(b.claims, 0) AS before_claims, b.sum_y2 AS before_sum_y2, b.sum_ym AS before_sum_ym, b.sum_m2 AS before_sum_m2,
	b.sum_c2 AS before_sum_c2, b.sum_cm AS before_sum_cm,
	coalesce(a.lines, 0) AS after_lines, coalesce(a.correct, 0) AS after_correct, coalesce(a.class_errors, 0) AS after_class_errors,
	coalesce(a.claims, 0) AS after_claims, a.sum_y2 AS after_sum_y2, a.sum_ym AS after_sum_ym, a.sum_m2 AS after_sum_m2,
	a.sum_c2 AS after_sum_c2, a.sum_cm AS after_sum_cm
FROM e
LEFT JOIN w b ON b.education_id = e.education_id AND b.side = 'before'
LEFT JOIN w a ON a.education_id = e.education_id AND a.side = 'after'
ORDER BY e.given_on DESC, e.education_id DESC;
