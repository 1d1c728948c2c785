-- Claim lines, claims and claim denial rate by month of service (a claim counts in the month
-- of its first line's date of service). Same denial definition as overview_kpis.sql.
-- No parameters. Columns: month (DATE), lines, claims, adjudicated_claims, denied_claims,
-- claim_denial_rate
WITH per_claim AS (
	SELECT
		claim_id,
		min(service_date) AS first_date,
		count(*) AS lines,
		bool_or(line_status = 'denied') AS denied,
		bool_or(line_status IN ('paid', 'denied', 'partial')) AS adjudicated
	FROM claim_lines
	GROUP BY claim_id
)
SELECT
	date_trunc('month', first_date)::DATE AS month,
	sum(lines)::BIGINT AS lines,
	count(*)::BIGINT AS claims,
	count(*) FILTER (WHERE adjudicated)::BIGINT AS adjudicated_claims,
	count(*) FILTER (WHERE adjudicated AND denied)::BIGINT AS denied_claims,
	(count(*) FILTER (WHERE adjudicated AND denied))::DOUBLE / nullif(count(*) FILTER (WHERE adjudicated), 0) AS claim_denial_rate
FROM per_claim
GROUP BY 1
ORDER BY 1;
