-- Denial rates attributed to each CARC or category (domain.md "Denials"). Denominators are the
-- whole adjudicated population (the same on every row). by category: each denied line counts
-- once, under its category (of its first reason code not excluded), so lines add up to the
-- total; a claim counts under each category of its denied lines. by carc: a denied line counts
-- under each of its reason codes not excluded ('(no reason code)' when it has none), so rows
-- can add up to more than the total.
-- $by VARCHAR: 'carc' | 'category'; $excluded, $carc_codes, $carc_categories as denial_set_outcome
-- Columns: group, claims, denied_claims, claim_denial_rate, lines, denied_lines,
-- line_denial_rate, charges, denied_charges, dollar_denial_rate
WITH outcome AS (
	SELECT * FROM denial_set_outcome($excluded, $carc_codes, $carc_categories)
),
set_reasons AS (
	SELECT set_id, unnest(CASE WHEN $by = 'carc' THEN carcs ELSE [category] END) AS grp FROM outcome WHERE counted
),
totals AS (
	SELECT (SELECT coalesce(sum(claims), 0) FROM denial_claim_facts) AS claims,
		(SELECT coalesce(sum(lines), 0) FROM denial_line_facts) AS lines,
		(SELECT coalesce(sum(charges), 0) FROM denial_line_facts) AS charges
),
line_part AS (
	SELECT r.grp, sum(f.lines) AS denied_lines, sum(f.charges) AS denied_charges
	FROM denial_line_facts f JOIN set_reasons r ON r.set_id = f.set_id
	GROUP BY r.grp
),
claim_rows AS (
	SELECT row_number() OVER () AS rid, claims, unnest(set_ids) AS set_id FROM denial_claim_facts WHERE len(set_ids) > 0
),
claim_part AS (
	SELECT grp, sum(claims) AS denied_claims
	FROM (SELECT DISTINCT c.rid, c.claims, r.grp FROM claim_rows c JOIN set_reasons r ON r.set_id = c.set_id)
	GROUP BY grp
)
SELECT
	l.grp AS "group",
	t.claims::BIGINT AS claims, coalesce(c.denied_claims, 0)::BIGINT AS denied_claims,
	coalesce(c.denied_claims, 0)::DOUBLE / nullif(t.claims, 0) AS claim_denial_rate,
	t.lines::BIGINT AS lines, l.denied_lines::BIGINT AS denied_lines,
	l.denied_lines::DOUBLE / nullif(t.lines, 0) AS line_denial_rate,
	t.charges::DOUBLE AS charges, l.denied_charges::DOUBLE AS denied_charges,
	(l.denied_charges / nullif(t.charges, 0))::DOUBLE AS dollar_denial_rate
FROM line_part l CROSS JOIN totals t LEFT JOIN claim_part c ON c.grp = l.grp
ORDER BY l.denied_lines DESC, l.grp;
