-- The case not yet closed of each provider and rule (badges on Risk flags and the drill-down).
-- No parameters. Columns: provider_npi, rule_id, case_id, status
SELECT provider_npi, rule_id, max(case_id) AS case_id, arg_max(status, case_id) AS status
FROM review_cases WHERE status <> 'closed' GROUP BY provider_npi, rule_id;
