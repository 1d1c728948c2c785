-- A case with exactly this provider, rule and period (closed or not): the key cases keep
-- across imports. Params: provider_npi, rule_id, period_from, period_to. Columns: case_id, status.
SELECT case_id, status FROM review_cases
WHERE provider_npi = $provider_npi AND rule_id = $rule_id
  AND period_from = CAST($period_from AS DATE) AND period_to = CAST($period_to AS DATE)
ORDER BY case_id DESC LIMIT 1;
