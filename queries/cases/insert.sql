-- Opens a case. Params: provider_npi, provider_name, rule_id, rule_title, period_from,
-- period_to (DATE text), all_dates (BOOLEAN), assignee, due_date, opened_by, snapshot (FlagRow JSON), data_version.
-- Returns case_id.
INSERT INTO review_cases (case_id, provider_npi, provider_name, rule_id, rule_title, period_from, period_to, all_dates, status, outcome, assignee, due_date, opened_by, opened_at, closed_at, snapshot, data_version)
VALUES (nextval('review_case_id_seq'), $provider_npi, $provider_name, $rule_id, $rule_title, CAST($period_from AS DATE), CAST($period_to AS DATE), $all_dates, 'open', NULL, $assignee, CAST($due_date AS DATE), $opened_by, now()::TIMESTAMP, NULL, $snapshot, $data_version)
RETURNING case_id;
