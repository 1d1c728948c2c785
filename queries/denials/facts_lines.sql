-- Rebuild step 2: adjudicated lines and their charges per month of service (the line's own),
-- specialty, payer, procedure code, code set (0 = paid or partial) and rendering provider
-- (last: the column was added last). Every grouped key is
-- coalesced (NOT NULL columns). No parameters.
INSERT INTO denial_line_facts
SELECT
	coalesce(strftime(l.service_date, '%Y-%m'), '(no date)') AS month,
	coalesce(l.specialty, '(no specialty)') AS specialty,
	coalesce(l.payer, '(no payer)') AS payer,
	coalesce(l.procedure_code, '(claim level)') AS procedure_code,
	coalesce(s.set_id, 0) AS set_id,
	count(*) AS lines,
	coalesce(sum(l.charge_amount), 0) AS charges,
	coalesce(l.rendering_npi, '(no provider)') AS provider_npi
FROM denial_lines l
LEFT JOIN denial_code_sets s ON s.line_status = l.line_status AND s.denial_codes = l.denial_codes
WHERE l.line_status IN ('paid', 'denied', 'partial')
GROUP BY ALL;
