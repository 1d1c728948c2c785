-- Line rule ncci_ptp_pair: a column-2 code billed with its column-1 code for the same patient,
-- provider and date, where the pair is in effect on that date and either no modifier is
-- allowed (indicator 0) or none of the NCCI-associated modifiers is on the line (indicator 1).
-- Indicator 9 (not applicable: the edit was deleted) never fires. A deletion date of * in the
-- CMS file is stored as NULL (in force).
-- Findings are the column-2 lines; dollars at risk are their allowed amounts.
-- No parameters. Columns: as critical_care_bundled_draw.sql
SELECT DISTINCT
	c2.rendering_npi, c2.provider_name, c2.specialty, c2.claim_id, c2.line_number, c2.service_date, c2.procedure_code,
	CASE WHEN c2.line_status = 'denied' THEN 0 ELSE coalesce(c2.allowed_amount, 0) END::DECIMAL(14,2) AS dollars,
	'column 2 of ' || p.column1 AS detail
FROM (SELECT * FROM ncci_ptp_pairs WHERE import_id = (SELECT max(import_id) FROM ncci_ptp_pairs)) p
JOIN claim_lines c2 ON c2.procedure_code = p.column2
JOIN claim_lines c1 ON c1.procedure_code = p.column1 AND c1.patient_id = c2.patient_id
	AND c1.rendering_npi = c2.rendering_npi AND c1.service_date = c2.service_date
WHERE c2.service_date >= p.effective_date
	AND (p.deletion_date IS NULL OR c2.service_date <= p.deletion_date)
	AND coalesce(p.modifier_indicator, '') <> '9'
	AND (p.modifier_indicator = '0'
		OR NOT list_has_any(c2.modifiers, ['59', 'XE', 'XS', 'XP', 'XU', '25', '91', 'LT', 'RT', 'E1', 'E2', 'E3', 'E4', 'FA', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7', 'F8', 'F9', 'TA', 'T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'LC', 'LD', 'RC', 'LM', 'RI', '24', '27', '57', '58', '78', '79']));
