-- Monthly denial counts per specialty (months of service) for the trend chart, from
-- denial_cells under the definition in force; the chart divides (claim, line or dollar rate).
-- $payer VARCHAR ('' = every payer), $excluded, $carc_codes, $carc_categories as denial_cells
-- Columns: month, specialty, claims, denied_claims, lines, denied_lines, charges, denied_charges
SELECT
	month, specialty,
	sum(claims)::BIGINT AS claims, sum(denied_claims)::BIGINT AS denied_claims,
	sum(lines)::BIGINT AS lines, sum(denied_lines)::BIGINT AS denied_lines,
	sum(charges)::DOUBLE AS charges, sum(denied_charges)::DOUBLE AS denied_charges
FROM denial_cells($excluded, $carc_codes, $carc_categories)
WHERE month <> '(no date)' AND ($payer = '' OR payer = $payer)
GROUP BY month, specialty
ORDER BY month, specialty;
