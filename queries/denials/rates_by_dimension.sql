-- Claim, line and dollar denial rates per group of one dimension (domain.md "Denials"), rolled
-- up from denial_cells (facts of denial_lines: claim lines, with the 835 outcome where one
-- matches, plus unmatched 835 lines) under the definition in force:
--   claim rate  = claims with a denied line / adjudicated claims (a claim counts once: month of
--                 its earliest date of service, specialty and payer of its first line)
--   line rate   = denied lines / adjudicated lines (each line in its own month, specialty, payer)
--   dollar rate = charges of denied lines / charges of adjudicated lines
-- $by VARCHAR: 'all' | 'specialty' | 'payer' | 'month' (YYYY-MM of service)
-- $excluded VARCHAR[], $carc_codes VARCHAR[], $carc_categories VARCHAR[] (denial_set_outcome)
-- Columns: group, claims, denied_claims, claim_denial_rate, lines, denied_lines,
-- line_denial_rate, charges, denied_charges, dollar_denial_rate
WITH grouped AS (
	SELECT
		CASE $by WHEN 'specialty' THEN specialty WHEN 'payer' THEN payer WHEN 'month' THEN month ELSE 'All' END AS grp,
		sum(claims) AS claims, sum(denied_claims) AS denied_claims, sum(lines) AS lines,
		sum(denied_lines) AS denied_lines, sum(charges) AS charges, sum(denied_charges) AS denied_charges
	FROM denial_cells($excluded, $carc_codes, $carc_categories)
	GROUP BY grp
)
SELECT
	grp AS "group",
	claims::BIGINT AS claims, denied_claims::BIGINT AS denied_claims,
	denied_claims::DOUBLE / nullif(claims, 0) AS claim_denial_rate,
	lines::BIGINT AS lines, denied_lines::BIGINT AS denied_lines,
	denied_lines::DOUBLE / nullif(lines, 0) AS line_denial_rate,
	charges::DOUBLE AS charges, denied_charges::DOUBLE AS denied_charges,
	(denied_charges / nullif(charges, 0))::DOUBLE AS dollar_denial_rate
FROM grouped
ORDER BY CASE WHEN $by = 'month' THEN grp END, lines DESC, grp;
