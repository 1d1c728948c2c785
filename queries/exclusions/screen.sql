-- One row per provider x list-record pair of exclusion_matches (queries/schema_exclusions.sql),
-- with the claim lines inside the exclusion window and their paid dollars (for a candidate too:
-- what a confirmation would put at risk). Confirmed pairs first, then candidates, then dismissed.
-- No parameters. Columns: match_id, provider_npi, provider_name, provider_state, list, match,
--   score, status, decided_by, decided_at, listed_* (the list record), excl_type, excluded_from,
--   reinstated_on, waiver_on, excluded_until, lines, paid_at_risk
WITH windows AS (
	SELECT match_id, count(*)::BIGINT AS lines, coalesce(sum(paid_amount), 0)::DOUBLE AS paid_at_risk
	FROM exclusion_window_lines GROUP BY match_id
)
SELECT m.* EXCLUDE (record_key), coalesce(w.lines, 0)::BIGINT AS lines, coalesce(w.paid_at_risk, 0)::DOUBLE AS paid_at_risk
FROM exclusion_matches m LEFT JOIN windows w USING (match_id)
ORDER BY CASE m.status WHEN 'confirmed' THEN 0 WHEN 'candidate' THEN 1 ELSE 2 END, w.paid_at_risk DESC, m.provider_npi, m.match_id;
