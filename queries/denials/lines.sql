-- The lines behind a cell of the Denials page, filtered and paged. Under the definition in
-- force: $status 'denied' lists the lines counted as denied, 'all' every adjudicated line.
-- Filters ('' = any): $specialty, $payer, $month (YYYY-MM of service), $category, $carc (a
-- reason code as shown, e.g. 'CO-97'), $code (procedure code).
-- Scope (the page's period, specialty and payer; NULL = any): $date_from DATE, $date_to DATE,
-- $scope_specialty VARCHAR, $scope_payer VARCHAR, $scope_provider VARCHAR (rendering NPI).
-- $limit INTEGER, $offset INTEGER; $excluded, $carc_codes, $carc_categories as denial_scored
-- Columns: total (matching lines, on each row), source, claim_id, line_number, service_date,
-- specialty, payer, rendering_npi, provider_name, procedure_code, modifiers, units,
-- charge_amount, paid_amount, line_status, denial_codes, remark_codes, counted_denied,
-- category, reason_codes
-- provider_name: the line's own; else (an 835 line carries only an NPI, a claim export may have
-- no name column) the name the data gives that NPI: the newest provider roster row, else the
-- claim lines, else a CMS provider-and-service file. Looked up for the page's lines only.
WITH picked AS MATERIALIZED (
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
		AND ($date_from::DATE IS NULL OR service_date >= $date_from::DATE)
		AND ($date_to::DATE IS NULL OR service_date <= $date_to::DATE)
		AND ($scope_specialty::VARCHAR IS NULL OR specialty = $scope_specialty::VARCHAR)
		AND ($scope_payer::VARCHAR IS NULL OR coalesce(payer, '(no payer)') = $scope_payer::VARCHAR)
		AND ($scope_provider::VARCHAR IS NULL OR rendering_npi = $scope_provider::VARCHAR)
	ORDER BY service_date, claim_id, line_number
	LIMIT $limit OFFSET $offset
),
names AS (
	SELECT npi, provider_name
	FROM (
		SELECT npi, provider_name, 1 AS priority, import_id FROM provider_roster WHERE provider_name IS NOT NULL
		UNION ALL
		SELECT rendering_npi, provider_name, CASE WHEN source = 'claims' THEN 2 ELSE 3 END, import_id
		FROM provider_services WHERE provider_name IS NOT NULL
	) n
	WHERE npi IN (SELECT rendering_npi FROM picked WHERE provider_name IS NULL)
	QUALIFY row_number() OVER (PARTITION BY npi ORDER BY priority, import_id DESC NULLS LAST, provider_name) = 1
)
SELECT
	p.total, p.source, p.claim_id, p.line_number, p.service_date, p.specialty, p.payer, p.rendering_npi,
	coalesce(p.provider_name, n.provider_name) AS provider_name,
	p.procedure_code, p.modifiers, p.units, p.charge_amount, p.paid_amount,
	p.line_status, p.denial_codes, p.remark_codes, p.counted_denied, p.category, p.reason_codes
FROM picked p
LEFT JOIN names n ON n.npi = p.rendering_npi
ORDER BY p.service_date, p.claim_id, p.line_number;
