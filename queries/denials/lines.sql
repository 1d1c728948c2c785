-- The lines behind a cell of the Denials page, filtered and paged. Under the definition in
-- force: $status 'denied' lists the lines counted as denied, 'all' every adjudicated line.
-- Filters ('' = any): $specialty, $payer, $month (YYYY-MM of service), $category, $carc (a
-- reason code as shown, e.g. 'CO-97'), $code (procedure code).
-- $limit INTEGER, $offset INTEGER; $excluded, $carc_codes, $carc_categories as denial_scored
-- Columns: total (matching lines, on each row), source, claim_id, line_number, service_date,
-- specialty, payer, rendering_npi, provider_name, procedure_code, modifiers, units,
-- charge_amount, paid_amount, line_status, denial_codes, remark_codes, counted_denied,
-- category, reason_codes
SELECT
	count(*) OVER ()::INTEGER AS total,
	source, claim_id, line_number, service_date, specialty, payer, rendering_npi, provider_name,
	procedure_code, modifiers, units, charge_amount::DOUBLE AS charge_amount, paid_amount::DOUBLE AS paid_amount,
	line_status, denial_codes, remark_codes, denied AS counted_denied, category, carcs AS reason_codes
FROM denial_scored($excluded, $carc_codes, $carc_categories)
WHERE ($status = 'all' OR denied)
	AND ($specialty = '' OR specialty = $specialty)
	AND ($payer = '' OR coalesce(payer, '(no payer)') = $payer)
	AND ($month = '' OR strftime(service_date, '%Y-%m') = $month)
	AND ($category = '' OR category = $category)
	AND ($carc = '' OR list_contains(carcs, $carc))
	AND ($code = '' OR procedure_code = $code)
ORDER BY service_date, claim_id, line_number
LIMIT $limit OFFSET $offset;
