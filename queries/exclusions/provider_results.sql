-- The screening's result for every provider screened, for the evidence file: excluded (a
-- confirmed match), to review (a candidate only), cleared (no match, or only dismissed ones),
-- or "no name" (no NPI match and no name to match by: not screened by name).
-- Lines and paid dollars count each claim line once, however many confirmed records cover it
-- (LEIE and SAM both), as the excluded_provider rule does.
-- No parameters. Columns: provider_npi, provider_name, provider_state, result, confirmed,
--   candidates, dismissed, lines, paid_at_risk (of the confirmed matches' windows)
WITH m AS (
	SELECT provider_npi,
		count(*) FILTER (WHERE status = 'confirmed')::INTEGER AS confirmed,
		count(*) FILTER (WHERE status = 'candidate')::INTEGER AS candidates,
		count(*) FILTER (WHERE status = 'dismissed')::INTEGER AS dismissed
	FROM exclusion_matches GROUP BY provider_npi
),
in_window AS (
	SELECT DISTINCT provider_npi, claim_id, line_number, paid_amount FROM exclusion_window_lines WHERE status = 'confirmed'
),
f AS (
	SELECT provider_npi, count(*)::BIGINT AS lines, coalesce(sum(paid_amount), 0)::DOUBLE AS paid_at_risk FROM in_window GROUP BY provider_npi
)
SELECT p.npi AS provider_npi, p.provider_name, p.state AS provider_state,
	CASE WHEN coalesce(m.confirmed, 0) > 0 THEN 'excluded' WHEN coalesce(m.candidates, 0) > 0 THEN 'to review'
		WHEN trim(coalesce(p.provider_name, '')) = '' THEN 'no name: NPI only' ELSE 'cleared' END AS result,
	coalesce(m.confirmed, 0) AS confirmed, coalesce(m.candidates, 0) AS candidates, coalesce(m.dismissed, 0) AS dismissed,
	coalesce(f.lines, 0) AS lines, coalesce(f.paid_at_risk, 0) AS paid_at_risk
FROM exclusion_providers p
LEFT JOIN m ON m.provider_npi = p.npi
LEFT JOIN f ON f.provider_npi = p.npi
WHERE p.npi IS NOT NULL
ORDER BY CASE WHEN coalesce(m.confirmed, 0) > 0 THEN 0 WHEN coalesce(m.candidates, 0) > 0 THEN 1 ELSE 2 END, p.npi;
