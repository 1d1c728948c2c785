-- Roll one claims import up into provider_services (source = 'claims'): provider x specialty x
-- payer x place of service x code x modifier set x service month (periods are runs of months) (sorted, so modifier rules can run on the
-- summary), services = sum of units (domain.md: rules count services), beneficiaries = distinct
-- patients (estimated), average amounts per service (as CMS's Avg_* columns). Incremental: only the new
-- import's lines are read, so the cost does not grow with the database. Queries sum services
-- and services x average across rows, so several imports of one provider add up correctly;
-- beneficiaries add up per import (a patient seen in two files counts twice).
-- Reads the temp view import_rows (the rows of the import being loaded, rejected rows already
-- removed; see import-file.ts) and returns rows shaped like provider_services (inserted BY
-- NAME). $import_id INTEGER
INSERT INTO provider_services BY NAME
SELECT
	'claims' AS source,
	$import_id AS import_id,
	rendering_npi,
	min(provider_name) AS provider_name,
	specialty,
	payer,
	place_of_service,
	procedure_code,
	list_sort(modifiers) AS modifiers,
	date_trunc('month', service_date)::DATE AS service_month,
	sum(units)::DOUBLE AS services,
	-- HyperLogLog estimate (within ~2%): exact distinct counts cost twice the whole roll-up, and
	-- no rule uses beneficiaries; CMS files bring exact counts
	approx_count_distinct(patient_id) AS beneficiaries,
	(sum(charge_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_charge,
	(sum(allowed_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_allowed,
	(sum(paid_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_paid
FROM import_rows
WHERE len(problems) = 0
GROUP BY ALL
