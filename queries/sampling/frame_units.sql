-- The units of a sampling frame: claim lines matching a frame definition (issue "Audit
-- sampling"), numbered 1..N in a stable order: by claim_id, then line_number (line units) or
-- by claim_id (claim units: a claim's matching lines form one unit, its amount their sum).
-- A line imported more than once counts once: its latest import. Missing paid = 0.
-- Rule filter (a flag's numerator, as rules/numerator_lines.sql and getFlagLines): peer rules
-- pass the resolved denominator/numerator codes or modifiers; line rules pass the finding keys.
-- $unit VARCHAR ('line' | 'claim'), $npis VARCHAR[] ([] = any), $codes VARCHAR[] ([] = any),
-- $specialty VARCHAR ('' = any), $payer VARCHAR ('' = any), $date_from DATE, $date_to DATE
-- (NULL = open), $amount_min DOUBLE, $amount_max DOUBLE (NULL = open; on the unit's amount),
-- $rule_kind VARCHAR ('' = no rule, 'peer', 'line'), $den_codes VARCHAR[], $num_codes VARCHAR[],
-- $num_modifiers VARCHAR[], $key_claim_ids VARCHAR[], $key_line_numbers VARCHAR[] (parallel)
-- Columns: unit_no, unit_id, claim_id, line_number, import_id, paid_amount (DECIMAL),
-- unit_amount (DECIMAL, the unit's total)
WITH latest AS (
	SELECT * FROM claim_lines
	QUALIFY row_number() OVER (PARTITION BY claim_id, line_number ORDER BY import_id DESC) = 1
),
keys AS (
	SELECT unnest($key_claim_ids) AS claim_id, unnest($key_line_numbers)::INTEGER AS line_number
),
matching AS (
	SELECT l.claim_id, l.line_number, l.import_id, coalesce(l.paid_amount, 0)::DECIMAL(14,2) AS paid_amount
	FROM latest l
	WHERE (len($npis) = 0 OR list_contains($npis, l.rendering_npi))
		AND (len($codes) = 0 OR list_contains($codes, l.procedure_code))
		AND ($specialty = '' OR l.specialty = $specialty)
		AND ($payer = '' OR l.payer = $payer)
		AND ($date_from::DATE IS NULL OR l.service_date >= $date_from::DATE)
		AND ($date_to::DATE IS NULL OR l.service_date <= $date_to::DATE)
		AND CASE $rule_kind
			WHEN 'peer' THEN list_contains($den_codes, l.procedure_code)
				AND CASE WHEN len($num_modifiers) > 0 THEN list_has_any(l.modifiers, $num_modifiers)
					ELSE list_contains($num_codes, l.procedure_code) END
			WHEN 'line' THEN EXISTS (SELECT 1 FROM keys k WHERE k.claim_id = l.claim_id AND k.line_number = l.line_number)
			ELSE true END
),
units AS (
	SELECT claim_id, CASE WHEN $unit = 'claim' THEN NULL ELSE line_number END AS unit_line, sum(paid_amount)::DECIMAL(18,2) AS unit_amount
	FROM matching
	GROUP BY ALL
),
numbered AS (
	SELECT *, row_number() OVER (ORDER BY claim_id, unit_line)::INTEGER AS unit_no
	FROM units
	WHERE ($amount_min::DOUBLE IS NULL OR unit_amount >= $amount_min::DOUBLE)
		AND ($amount_max::DOUBLE IS NULL OR unit_amount <= $amount_max::DOUBLE)
)
SELECT
	n.unit_no,
	CASE WHEN $unit = 'claim' THEN m.claim_id ELSE m.claim_id || ':' || m.line_number END AS unit_id,
	m.claim_id, m.line_number, m.import_id, m.paid_amount, n.unit_amount
FROM matching m
JOIN numbered n ON n.claim_id = m.claim_id AND (n.unit_line IS NULL OR n.unit_line = m.line_number)
