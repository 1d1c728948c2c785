-- Service lines of one 835 import that match an imported claim line (same claim id, line
-- number and procedure code, as the denial_lines view). $import_id INTEGER. Columns: matched
SELECT count(DISTINCT (r.claim_seq, r.line_seq))::INTEGER AS matched
FROM remit_lines r
JOIN claim_lines c ON c.claim_id = r.claim_id AND c.line_number = r.line_number
	AND c.procedure_code = coalesce(r.submitted_procedure_code, r.procedure_code)
WHERE r.import_id = $import_id;
