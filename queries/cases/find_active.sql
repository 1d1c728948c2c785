-- The case not yet closed for a provider and rule, if any (one active case per flag: opening
-- it again returns this one). Params: provider_npi, rule_id. Columns: case_id.
SELECT case_id FROM review_cases
WHERE provider_npi = $provider_npi AND rule_id = $rule_id AND status <> 'closed'
ORDER BY case_id DESC LIMIT 1;
