-- Service lines (and claim-level payments) of one 835 import that match an imported claim line
-- (remit_line_matches, as the denial_lines view). $import_id INTEGER. Columns: matched
SELECT count(DISTINCT (r.claim_seq, r.line_seq))::INTEGER AS matched
FROM remit_lines r
JOIN claim_lines c ON c.claim_id = r.claim_id
	AND remit_line_matches(r.line_seq, r.line_number, r.procedure_code, r.submitted_procedure_code, c.line_number, c.procedure_code)
WHERE r.import_id = $import_id;
