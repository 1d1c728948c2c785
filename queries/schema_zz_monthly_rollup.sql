-- One-time migration (runs last of the schema files, at every open; does nothing once done):
-- databases whose claims summary was rolled up without service months are rolled up again from
-- their claim lines by month (queries/rollup_claim_import.sql's grouping), so periods and the
-- quarterly history work on them. Marked done in schema_migrations. One transaction: a failure
-- (memory, disk, a killed process) leaves the old summary as it was, and the next open tries again.
CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL);

BEGIN TRANSACTION;

CREATE OR REPLACE TEMP TABLE monthly_rollup_rebuild AS
SELECT
	'claims' AS source, import_id, rendering_npi, min(provider_name) AS provider_name, specialty, payer, place_of_service,
	procedure_code, list_sort(modifiers) AS modifiers, date_trunc('month', service_date)::DATE AS service_month,
	sum(units)::DOUBLE AS services, approx_count_distinct(patient_id) AS beneficiaries,
	(sum(charge_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_charge,
	(sum(allowed_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_allowed,
	(sum(paid_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_paid
FROM claim_lines
WHERE NOT EXISTS (SELECT 1 FROM schema_migrations WHERE name = 'provider_services_by_month')
	AND EXISTS (SELECT 1 FROM provider_services WHERE source = 'claims' AND service_month IS NULL AND import_id IS NOT NULL)
GROUP BY ALL;

DELETE FROM provider_services
WHERE source = 'claims' AND EXISTS (SELECT 1 FROM monthly_rollup_rebuild);

INSERT INTO provider_services BY NAME SELECT * FROM monthly_rollup_rebuild;

INSERT OR IGNORE INTO schema_migrations VALUES ('provider_services_by_month', now()::TIMESTAMP);

DROP TABLE monthly_rollup_rebuild;

COMMIT;
