-- Payer x category heat map, from the facts under the definition in force. Per payer: its
-- adjudicated claims (by the claim's payer), lines and charges; per category: the denied
-- claims (a claim counts under each category of its denied lines), lines and charges (a denied
-- line counts once, under its category). Every payer appears; category NULL = no denial.
-- $excluded, $carc_codes, $carc_categories as denial_set_outcome
-- Columns: payer, category, claims, denied_claims, lines, denied_lines, charges, denied_charges
WITH outcome AS (
	SELECT * FROM denial_set_outcome($excluded, $carc_codes, $carc_categories) WHERE counted
),
payers AS (
	SELECT payer, sum(claims) AS claims, sum(lines) AS lines, sum(charges) AS charges
	FROM denial_cells($excluded, $carc_codes, $carc_categories)
	GROUP BY payer
),
line_part AS (
	SELECT f.payer, o.category, sum(f.lines) AS denied_lines, sum(f.charges) AS denied_charges
	FROM denial_line_facts f JOIN outcome o ON o.set_id = f.set_id
	GROUP BY ALL
),
claim_rows AS (
	SELECT row_number() OVER () AS rid, payer, claims, unnest(set_ids) AS set_id FROM denial_claim_facts WHERE len(set_ids) > 0
),
claim_part AS (
	SELECT payer, category, sum(claims) AS denied_claims
	FROM (SELECT DISTINCT c.rid, c.payer, c.claims, o.category FROM claim_rows c JOIN outcome o ON o.set_id = c.set_id)
	GROUP BY ALL
)
SELECT p.payer, l.category, p.claims::BIGINT AS claims, coalesce(c.denied_claims, 0)::BIGINT AS denied_claims,
	p.lines::BIGINT AS lines, coalesce(l.denied_lines, 0)::BIGINT AS denied_lines,
	p.charges::DOUBLE AS charges, coalesce(l.denied_charges, 0)::DOUBLE AS denied_charges
FROM payers p
LEFT JOIN line_part l ON l.payer = p.payer
LEFT JOIN claim_part c ON c.payer = p.payer AND c.category = l.category
ORDER BY p.lines DESC, p.payer, l.category;
