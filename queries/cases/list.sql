-- Every case with its notes (oldest first) and linked samples; filters are optional (NULL =
-- any). Params: case_id, status, assignee, rule_id, provider_npi, today (DATE text: decides overdue),
-- overdue (BOOLEAN: only cases past their due date and not closed).
SELECT c.case_id, c.provider_npi, c.provider_name, c.rule_id, c.rule_title,
	strftime(c.period_from, '%Y-%m-%d') AS period_from, strftime(c.period_to, '%Y-%m-%d') AS period_to,
	c.status, c.outcome, c.assignee, strftime(c.due_date, '%Y-%m-%d') AS due_date,
	(c.due_date IS NOT NULL AND c.status <> 'closed' AND c.due_date < CAST($today AS DATE)) AS overdue,
	c.opened_by, strftime(c.opened_at, '%Y-%m-%d %H:%M:%S') AS opened_at,
	strftime(c.closed_at, '%Y-%m-%d %H:%M:%S') AS closed_at, c.snapshot, c.data_version, coalesce(c.all_dates, true) AS all_dates,
	coalesce((SELECT list({'at': strftime(e.event_at, '%Y-%m-%d %H:%M:%S'), 'author': e.author, 'kind': e.kind, 'text': e.text} ORDER BY e.seq)
		FROM review_case_events e WHERE e.case_id = c.case_id), []) AS events,
	coalesce((SELECT list(s.sample_id ORDER BY s.sample_id) FROM review_case_samples s WHERE s.case_id = c.case_id), []) AS samples
FROM review_cases c
WHERE ($case_id IS NULL OR c.case_id = $case_id)
  AND ($status IS NULL OR c.status = $status)
  AND ($assignee IS NULL OR c.assignee = $assignee)
  AND ($rule_id IS NULL OR c.rule_id = $rule_id)
  AND ($provider_npi IS NULL OR c.provider_npi = $provider_npi)
  AND (NOT $overdue OR (c.due_date IS NOT NULL AND c.status <> 'closed' AND c.due_date < CAST($today AS DATE)))
ORDER BY (c.status = 'closed'), c.due_date NULLS LAST, c.case_id;
