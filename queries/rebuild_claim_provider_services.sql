-- Roll claim lines up into provider_services (source = 'claims'): provider x specialty x payer
-- x place of service x code x modifier set (sorted, so modifier rules can run on the summary),
-- services = sum of units (domain.md: rules count services),
-- beneficiaries = distinct patients, average amounts per service (as CMS's Avg_* columns).
-- Runs inside each claims import's transaction. No parameters.
DELETE FROM provider_services WHERE source = 'claims';
INSERT INTO provider_services
SELECT
	'claims' AS source,
	NULL AS import_id,
	rendering_npi,
	min(provider_name) AS provider_name,
	specialty,
	payer,
	place_of_service,
	procedure_code,
	list_sort(modifiers) AS modifiers,
	sum(units)::DOUBLE AS services,
	count(DISTINCT patient_id) AS beneficiaries,
	(sum(charge_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_charge,
	(sum(allowed_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_allowed,
	(sum(paid_amount) / nullif(sum(units), 0))::DECIMAL(14,2) AS avg_paid
FROM claim_lines
GROUP BY ALL;
