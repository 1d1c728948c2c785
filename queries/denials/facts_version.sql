-- The data version the denial facts are built for: changes with every successful import and
-- with any change in the number of claim or remittance lines. No parameters.
-- Columns: version
SELECT concat_ws(':',
	(SELECT coalesce(max(import_id), 0) FROM imports WHERE status = 'succeeded'),
	(SELECT count(*) FROM imports WHERE status = 'succeeded'),
	(SELECT count(*) FROM claim_lines),
	(SELECT count(*) FROM remit_lines)) AS version;
