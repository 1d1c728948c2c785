-- Coder accuracy: the per-connection definitions every queries/accuracy/*.sql file reads.
-- Run once per connection (TEMP macros die with it) by src/lib/server/accuracy/connection.ts,
-- so the line classification below is written exactly once. No parameters.
-- Definitions: /work/shared/guide/domain.md "Coder accuracy", pinned down in the feature issue
-- and shown to users in src/lib/components/accuracy/HowAccuracyIsComputed.svelte.

-- accuracy_code_families(): code families with an ordered level, for up/down-coding.
-- A changed code counts as upcoded / downcoded when both codes are in the same family
-- (higher level billed than supported = upcoded), or else by fee when both amounts are known;
-- otherwise it is a wrong_code.
-- Sources: CPT E/M level structure (office 99202-99205 / 99211-99215 including the deleted
-- 99201 and 99343; hospital, observation, emergency, consult, nursing-facility and home families);
-- critical care 99291-99292 as listed in the issue (99292 is the +30 min add-on, so an
-- original 99292 audited to 99291 ranks as upcoded); psychotherapy by session time
-- (90832 < 90834 < 90837, with E/M add-ons 90833 < 90836 < 90838); and service families
-- ordered by physician work: venipuncture 36415 < 36410 (physician skill), spirometry
-- 94010 < 94060 (with bronchodilator), simple repair 12001-12007 by wound length, first-lesion
-- skin biopsy 11102 (tangential) < 11104 (punch) < 11106 (incisional).
CREATE OR REPLACE TEMP MACRO accuracy_code_families() AS TABLE
SELECT code, family, level FROM (VALUES
	('99201', 'E/M office, new patient', 1), ('99202', 'E/M office, new patient', 2),
	('99203', 'E/M office, new patient', 3), ('99204', 'E/M office, new patient', 4),
	('99205', 'E/M office, new patient', 5),
	('99211', 'E/M office, established patient', 1), ('99212', 'E/M office, established patient', 2),
	('99213', 'E/M office, established patient', 3), ('99214', 'E/M office, established patient', 4),
	('99215', 'E/M office, established patient', 5),
	('99218', 'E/M observation, initial (before 2023)', 1), ('99219', 'E/M observation, initial (before 2023)', 2),
	('99220', 'E/M observation, initial (before 2023)', 3),
	('99221', 'E/M hospital, initial', 1), ('99222', 'E/M hospital, initial', 2), ('99223', 'E/M hospital, initial', 3),
	('99224', 'E/M observation, subsequent (before 2023)', 1), ('99225', 'E/M observation, subsequent (before 2023)', 2),
	('99226', 'E/M observation, subsequent (before 2023)', 3),
	('99231', 'E/M hospital, subsequent', 1), ('99232', 'E/M hospital, subsequent', 2), ('99233', 'E/M hospital, subsequent', 3),
	('99238', 'E/M hospital discharge', 1), ('99239', 'E/M hospital discharge', 2),
	('99241', 'E/M office consultation', 1), ('99242', 'E/M office consultation', 2),
	('99243', 'E/M office consultation', 3), ('99244', 'E/M office consultation', 4),
	('99245', 'E/M office consultation', 5),
	('99251', 'E/M inpatient consultation', 1), ('99252', 'E/M inpatient consultation', 2),
	('99253', 'E/M inpatient consultation', 3), ('99254', 'E/M inpatient consultation', 4),
	('99255', 'E/M inpatient consultation', 5),
	('99281', 'E/M emergency department', 1), ('99282', 'E/M emergency department', 2),
	('99283', 'E/M emergency department', 3), ('99284', 'E/M emergency department', 4),
	('99285', 'E/M emergency department', 5),
	('99291', 'Critical care', 1), ('99292', 'Critical care', 2),
	('99304', 'E/M nursing facility, initial', 1), ('99305', 'E/M nursing facility, initial', 2),
	('99306', 'E/M nursing facility, initial', 3),
	('99307', 'E/M nursing facility, subsequent', 1), ('99308', 'E/M nursing facility, subsequent', 2),
	('99309', 'E/M nursing facility, subsequent', 3), ('99310', 'E/M nursing facility, subsequent', 4),
	('99341', 'E/M home, new patient', 1), ('99342', 'E/M home, new patient', 2), ('99343', 'E/M home, new patient', 3),
	('99344', 'E/M home, new patient', 4), ('99345', 'E/M home, new patient', 5),
	('99347', 'E/M home, established patient', 1), ('99348', 'E/M home, established patient', 2),
	('99349', 'E/M home, established patient', 3), ('99350', 'E/M home, established patient', 4),
	('90832', 'Psychotherapy', 1), ('90834', 'Psychotherapy', 2), ('90837', 'Psychotherapy', 3),
	('90833', 'Psychotherapy with E/M', 1), ('90836', 'Psychotherapy with E/M', 2), ('90838', 'Psychotherapy with E/M', 3),
	('36415', 'Venipuncture', 1), ('36410', 'Venipuncture', 2),
	('94010', 'Spirometry', 1), ('94060', 'Spirometry', 2),
	('12001', 'Simple repair', 1), ('12002', 'Simple repair', 2), ('12004', 'Simple repair', 3),
	('12005', 'Simple repair', 4), ('12006', 'Simple repair', 5), ('12007', 'Simple repair', 6),
	('11102', 'Skin biopsy, first lesion', 1), ('11104', 'Skin biopsy, first lesion', 2),
	('11106', 'Skin biopsy, first lesion', 3)
) AS f(code, family, level);

-- accuracy_lines(p_from, p_to, p_specialty, p_auditor, p_coder): audit_lines, filtered, one row
-- per audit row with its classification. NULL arguments do not filter.
-- work_date = service_date (coding happens near the date of service), audit_date when the
--   worksheet has no service date; the date filters and `month` both use it.
-- A line is correct (error_class NULL) when procedure code, modifier set (order and repeats
--   ignored: list_sort(list_distinct(...)) of both) and units (NULL counts as 1) all match.
--   A line added by the auditor (original_code NULL) or struck (audited_code NULL) is an error.
-- error_class, one per wrong line, first match wins:
--   added_by_auditor (no original code) > not_supported (no audited code) >
--   codes differ: upcoded / downcoded when both are in one family of accuracy_code_families()
--   (original level above audited = upcoded); otherwise, when both amounts are known, by fee
--   (billed above audited = upcoded, below = downcoded: domain.md "or higher fee when a fee is
--   known"); else wrong_code (different family with unknown or equal fees) >
--   modifier_error (modifier sets differ) > units_error (units differ).
-- dx_matched = |original dx ∩ audited dx|, dx_compared = |original dx ∪ audited dx| (as sets);
--   diagnosis accuracy = sum(dx_matched) / sum(dx_compared), so rows with both lists empty add 0/0.
-- impact = billed_amount - audited_amount when both are known, else NULL (positive = overbilled).
CREATE OR REPLACE TEMP MACRO accuracy_lines(p_from, p_to, p_specialty, p_auditor, p_coder) AS TABLE
WITH filtered AS (
	SELECT a.*, coalesce(a.service_date, a.audit_date) AS work_date
	FROM audit_lines a
	WHERE (p_from IS NULL OR coalesce(a.service_date, a.audit_date) >= p_from)
		AND (p_to IS NULL OR coalesce(a.service_date, a.audit_date) <= p_to)
		AND (p_specialty IS NULL OR a.specialty = p_specialty)
		AND (p_auditor IS NULL OR a.auditor_id = p_auditor)
		AND (p_coder IS NULL OR a.coder_id = p_coder)
), compared AS (
	SELECT
		f.*,
		date_trunc('month', f.work_date)::DATE AS month,
		list_sort(list_distinct(f.original_modifiers)) <> list_sort(list_distinct(f.audited_modifiers)) AS modifiers_differ,
		coalesce(f.original_units, 1) <> coalesce(f.audited_units, 1) AS units_differ,
		fo.family AS original_family, fo.level AS original_level,
		fa.family AS audited_family, fa.level AS audited_level,
		len(list_filter(list_distinct(f.original_diagnoses), lambda d: list_contains(f.audited_diagnoses, d))) AS dx_matched,
		len(list_distinct(list_concat(f.original_diagnoses, f.audited_diagnoses))) AS dx_compared,
		CASE WHEN f.billed_amount IS NOT NULL AND f.audited_amount IS NOT NULL THEN f.billed_amount - f.audited_amount END AS impact
	FROM filtered f
	LEFT JOIN accuracy_code_families() fo ON fo.code = f.original_code
	LEFT JOIN accuracy_code_families() fa ON fa.code = f.audited_code
)
SELECT
	*,
	CASE
		WHEN original_code IS NULL THEN 'added_by_auditor'
		WHEN audited_code IS NULL THEN 'not_supported'
		WHEN original_code <> audited_code THEN
			CASE
				WHEN original_family = audited_family AND original_level > audited_level THEN 'upcoded'
				WHEN original_family = audited_family AND original_level < audited_level THEN 'downcoded'
				-- domain.md: "or higher fee when a fee is known": other families go by the amounts
				WHEN billed_amount IS NOT NULL AND audited_amount IS NOT NULL AND billed_amount > audited_amount THEN 'upcoded'
				WHEN billed_amount IS NOT NULL AND audited_amount IS NOT NULL AND billed_amount < audited_amount THEN 'downcoded'
				ELSE 'wrong_code'
			END
		WHEN modifiers_differ THEN 'modifier_error'
		WHEN units_differ THEN 'units_error'
	END AS error_class
FROM compared;
