-- Per provider and quarter of service, the findings of one line rule (rule_findings), for the
-- flags table's sparklines and statuses. $rule_id VARCHAR, $date_from DATE, $date_to DATE
-- Columns: quarter (e.g. 2025-Q1), rendering_npi, findings
SELECT year(service_date) || '-Q' || quarter(service_date) AS quarter, rendering_npi, count(*)::INTEGER AS findings
FROM rule_findings
WHERE rule_id = $rule_id AND service_date >= $date_from::DATE AND service_date <= $date_to::DATE
GROUP BY ALL;
