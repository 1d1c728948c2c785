-- Overview KPI cards. No parameters.
-- Claim denial rate (domain.md "Denials"): claims with any denied line / claims adjudicated
-- (a claim is adjudicated when at least one line is paid, denied or partial; pending and
-- unknown statuses are left out of the denominator).
-- Columns: claim_lines, claims, providers, specialties, payers, first_date, last_date,
-- adjudicated_claims, denied_claims, claim_denial_rate, audited_lines, cms_rows
WITH per_claim AS (
	SELECT
		claim_id,
		bool_or(line_status = 'denied') AS denied,
		bool_or(line_status IN ('paid', 'denied', 'partial')) AS adjudicated
	FROM claim_lines
	GROUP BY claim_id
)
SELECT
	(SELECT count(*) FROM claim_lines)::BIGINT AS claim_lines,
	(SELECT count(*) FROM per_claim)::BIGINT AS claims,
	(SELECT count(DISTINCT rendering_npi) FROM claim_lines)::BIGINT AS providers,
	(SELECT count(DISTINCT specialty) FROM claim_lines)::BIGINT AS specialties,
	(SELECT count(DISTINCT payer) FROM claim_lines)::BIGINT AS payers,
	(SELECT min(service_date) FROM claim_lines) AS first_date,
	(SELECT max(service_date) FROM claim_lines) AS last_date,
	(SELECT count(*) FILTER (WHERE adjudicated) FROM per_claim)::BIGINT AS adjudicated_claims,
	(SELECT count(*) FILTER (WHERE adjudicated AND denied) FROM per_claim)::BIGINT AS denied_claims,
	(SELECT (count(*) FILTER (WHERE adjudicated AND denied))::DOUBLE / nullif(count(*) FILTER (WHERE adjudicated), 0) FROM per_claim) AS claim_denial_rate,
	(SELECT count(*) FROM audit_lines)::BIGINT AS audited_lines,
	(SELECT count(*) FROM provider_services WHERE source = 'cms')::BIGINT AS cms_rows;
