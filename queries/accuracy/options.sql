-- Choices for the Coder accuracy filters, from every audited line (not the filtered ones).
-- No parameters.
-- Columns: audited_lines, specialties, auditors, coders (sorted lists), first_date, last_date
--   (work_date = service date, else audit date, as in accuracy_lines())
SELECT
	count(*)::INTEGER AS audited_lines,
	list_sort(list_distinct(list(specialty) FILTER (WHERE specialty IS NOT NULL))) AS specialties,
	list_sort(list_distinct(list(auditor_id) FILTER (WHERE auditor_id IS NOT NULL))) AS auditors,
	list_sort(list_distinct(list(coder_id))) AS coders,
	min(coalesce(service_date, audit_date)) AS first_date,
	max(coalesce(service_date, audit_date)) AS last_date
FROM audit_lines;
