-- Per-provider results of one line rule from its materialised findings (rule_findings), within a
-- period of service dates. $rule_id VARCHAR, $date_from DATE, $date_to DATE (NULL = open),
-- $max_claims INTEGER (claim ids listed per provider)
-- Columns: rendering_npi, provider_name, specialty, findings, claims, dollars, claim_ids
SELECT rendering_npi, min(provider_name) AS provider_name, min(specialty) AS specialty, count(*)::INTEGER AS findings,
	count(DISTINCT claim_id)::INTEGER AS claims, round(sum(dollars), 2)::DOUBLE AS dollars,
	list_sort(list_distinct(list(claim_id)))[1:$max_claims] AS claim_ids
FROM rule_findings
WHERE rule_id = $rule_id
	AND ($date_from::DATE IS NULL OR service_date >= $date_from::DATE)
	AND ($date_to::DATE IS NULL OR service_date <= $date_to::DATE)
GROUP BY rendering_npi
ORDER BY rendering_npi;
