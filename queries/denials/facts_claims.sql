-- Rebuild step 3: adjudicated claims (at least one line paid, denied or partial, as
-- queries/overview_kpis.sql) per month x specialty x payer x the code sets of their denied
-- lines. A claim counts once: in the month of its earliest date of service (as
-- lines_by_month.sql) and in the specialty and payer of its first line (lowest line number;
-- a claim-level 835 payment, a CLP without SVC lines, has no line number and is its claim's
-- only line), so claims add up across groups. Every grouped key is coalesced: a NULL key
-- would fail the NOT NULL columns of denial_claim_facts. No parameters.
INSERT INTO denial_claim_facts
WITH lines AS (
	SELECT l.claim_key, l.line_number, coalesce(l.rendering_npi, '(no provider)') AS provider_npi, coalesce(l.specialty, '(no specialty)') AS specialty,
		coalesce(l.payer, '(no payer)') AS payer, l.service_date, s.set_id
	FROM denial_lines l
	LEFT JOIN denial_code_sets s ON s.line_status = l.line_status AND s.denial_codes = l.denial_codes
	WHERE l.line_status IN ('paid', 'denied', 'partial')
),
per_claim AS (
	SELECT
		claim_key,
		first(specialty ORDER BY line_number NULLS LAST) AS specialty,
		first(payer ORDER BY line_number NULLS LAST) AS payer,
		first(provider_npi ORDER BY line_number NULLS LAST) AS provider_npi,
		coalesce(strftime(min(service_date), '%Y-%m'), '(no date)') AS month,
		list_sort(list_distinct(list(set_id) FILTER (WHERE set_id IS NOT NULL))) AS set_ids
	FROM lines
	GROUP BY claim_key
)
SELECT month, specialty, payer, coalesce(set_ids, []::INTEGER[]) AS set_ids, count(*) AS claims, provider_npi
FROM per_claim
GROUP BY ALL;
