-- Scopes the denial facts of this connection to a period, a specialty and a payer (issue 11):
-- a TEMP table of the same name shadows main.denial_line_facts for this connection only, so
-- every denial query and macro reads the scoped facts. Run with scope_claims.sql.
-- $month_from VARCHAR, $month_to VARCHAR (YYYY-MM, NULL = open; a period leaves out '(no date)'),
-- $specialty VARCHAR, $payer VARCHAR, $provider VARCHAR (rendering NPI) (NULL = any)
CREATE OR REPLACE TEMP TABLE denial_line_facts AS
SELECT * FROM main.denial_line_facts
WHERE ($month_from::VARCHAR IS NULL OR (month <> '(no date)' AND month >= $month_from::VARCHAR))
	AND ($month_to::VARCHAR IS NULL OR (month <> '(no date)' AND month <= $month_to::VARCHAR))
	AND ($specialty::VARCHAR IS NULL OR specialty = $specialty::VARCHAR)
	AND ($payer::VARCHAR IS NULL OR payer = $payer::VARCHAR)
	AND ($provider::VARCHAR IS NULL OR provider_npi = $provider::VARCHAR);
