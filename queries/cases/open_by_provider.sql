-- Cases not yet closed, per provider (the work plan's "open cases"). Params: today (YYYY-MM-DD).
-- Columns: provider_npi, open_cases, overdue_cases (due date before $today)
SELECT provider_npi, count(*)::INTEGER AS open_cases,
	count(*) FILTER (WHERE due_date IS NOT NULL AND due_date < CAST($today AS DATE))::INTEGER AS overdue_cases
FROM review_cases WHERE status <> 'closed' GROUP BY provider_npi;
