-- Sets a case's status, outcome, assignee and due date (the caller passes the current value
-- of what it does not change). Params: case_id, status, outcome, assignee, due_date.
UPDATE review_cases SET status = $status, outcome = $outcome, assignee = $assignee,
	due_date = CAST($due_date AS DATE),
	closed_at = CASE WHEN $status = 'closed' THEN coalesce(closed_at, now()::TIMESTAMP) ELSE NULL END
WHERE case_id = $case_id;
