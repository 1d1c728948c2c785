-- Coder accuracy counts for every group the page, GET /api/accuracy and `claimlens accuracy`
-- show, in one pass (GROUPING SETS). Lines are classified by accuracy_lines() in prepare.sql
-- (definitions there and in domain.md "Coder accuracy"); rates and 95% Wilson intervals are
-- computed from these counts in src/lib/server/accuracy/groups.ts.
-- $date_from DATE, $date_to DATE, $specialty VARCHAR, $auditor VARCHAR, $coder VARCHAR
--   (NULL = no filter; dates apply to work_date = service date, else audit date)
-- Columns: dimension ('all' | 'coder' | 'specialty' | 'auditor' | 'month' | 'specialty_month'),
--   coder_id, specialty, auditor_id, month (first day, DATE), audited_lines, correct_lines,
--   audited_claims, wrong_claims (claims with at least one wrong line in the group: a claim is
--   correct when all its audited lines in the group are correct), dx_matched, dx_compared,
--   priced_lines (lines with both amounts known), financial_impact (sum of billed - audited),
--   overbilled (sum of the positive differences), underbilled (minus the sum of the negative
--   ones), one count per error class, specialties (sorted, the group's specialties),
--   and the claim-cluster moments for the line-accuracy interval (src/lib/server/stats/cluster.ts):
--   sum_y2, sum_ym, sum_m2 = sums over the group's claims of y^2, y m and m^2, where m is a claim's
--   audited lines in the group and y its correct ones.
WITH l AS (
	SELECT * FROM accuracy_lines($date_from::DATE, $date_to::DATE, $specialty::VARCHAR, $auditor::VARCHAR, $coder::VARCHAR)
),
-- one row per claim within each group: the same six grouping sets, each with the claim added
per_claim AS (
	SELECT GROUPING(coder_id, specialty, auditor_id, month) AS g, coder_id, specialty, auditor_id, month, claim_id,
		count(*)::DOUBLE AS m, count(*) FILTER (WHERE error_class IS NULL)::DOUBLE AS y
	FROM l
	GROUP BY GROUPING SETS ((claim_id), (coder_id, claim_id), (specialty, claim_id), (auditor_id, claim_id), (month, claim_id), (specialty, month, claim_id))
),
moments AS (
	SELECT g, coder_id, specialty, auditor_id, month, sum(y * y) AS sum_y2, sum(y * m) AS sum_ym, sum(m * m) AS sum_m2
	FROM per_claim GROUP BY g, coder_id, specialty, auditor_id, month
),
groups AS (
SELECT
	GROUPING(coder_id, specialty, auditor_id, month) AS g,
	CASE GROUPING(coder_id, specialty, auditor_id, month)
		WHEN 15 THEN 'all' WHEN 7 THEN 'coder' WHEN 11 THEN 'specialty' WHEN 13 THEN 'auditor'
		WHEN 14 THEN 'month' WHEN 10 THEN 'specialty_month'
	END AS dimension,
	coder_id,
	specialty,
	auditor_id,
	month,
	count(*)::INTEGER AS audited_lines,
	count(*) FILTER (WHERE error_class IS NULL)::INTEGER AS correct_lines,
	count(DISTINCT claim_id)::INTEGER AS audited_claims,
	count(DISTINCT claim_id) FILTER (WHERE error_class IS NOT NULL)::INTEGER AS wrong_claims,
	coalesce(sum(dx_matched), 0)::INTEGER AS dx_matched,
	coalesce(sum(dx_compared), 0)::INTEGER AS dx_compared,
	count(impact)::INTEGER AS priced_lines,
	sum(impact)::DOUBLE AS financial_impact,
	coalesce(sum(impact) FILTER (WHERE impact > 0), 0)::DOUBLE AS overbilled,
	coalesce(-sum(impact) FILTER (WHERE impact < 0), 0)::DOUBLE AS underbilled,
	count(*) FILTER (WHERE error_class = 'upcoded')::INTEGER AS upcoded,
	count(*) FILTER (WHERE error_class = 'downcoded')::INTEGER AS downcoded,
	count(*) FILTER (WHERE error_class = 'wrong_code')::INTEGER AS wrong_code,
	count(*) FILTER (WHERE error_class = 'added_by_auditor')::INTEGER AS added_by_auditor,
	count(*) FILTER (WHERE error_class = 'not_supported')::INTEGER AS not_supported,
	count(*) FILTER (WHERE error_class = 'modifier_error')::INTEGER AS modifier_error,
	count(*) FILTER (WHERE error_class = 'units_error')::INTEGER AS units_error,
	list_sort(list_distinct(list(specialty) FILTER (WHERE specialty IS NOT NULL))) AS specialties
FROM l
GROUP BY GROUPING SETS ((), (coder_id), (specialty), (auditor_id), (month), (specialty, month))
)
SELECT groups.* EXCLUDE (g), moments.sum_y2, moments.sum_ym, moments.sum_m2
FROM groups
LEFT JOIN moments ON moments.g = groups.g
	AND moments.coder_id IS NOT DISTINCT FROM groups.coder_id AND moments.specialty IS NOT DISTINCT FROM groups.specialty
	AND moments.auditor_id IS NOT DISTINCT FROM groups.auditor_id AND moments.month IS NOT DISTINCT FROM groups.month
ORDER BY dimension, coder_id NULLS LAST, specialty NULLS LAST, auditor_id NULLS LAST, month NULLS LAST;
