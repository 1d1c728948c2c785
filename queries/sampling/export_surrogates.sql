-- Random surrogate ids for one export of a sample (de-identified tiers, security.md
-- "Exports"): claim ids become 'C-' || uuid(), patient ids 'P-' || uuid(). DuckDB's uuid() is a
-- random version-4 UUID: not derived from PHI, and the temp table dies with the export's
-- connection, so no re-identification key is kept. Empty for the full tier.
-- $sample_id INTEGER, $tier VARCHAR ('full' | 'limited' | 'safe_harbor')
-- Creates TEMP table sampling_export_ids (kind 'claim' | 'patient', original, surrogate).
CREATE OR REPLACE TEMP TABLE sampling_export_ids AS
WITH lines AS (
	SELECT l.claim_id, l.patient_id
	FROM sampling_sample_units u
	JOIN sampling_samples s USING (sample_id)
	JOIN sampling_frame_lines fl ON fl.frame_id = s.frame_id AND fl.unit_no = u.unit_no
	JOIN claim_lines l ON l.claim_id = fl.claim_id AND l.line_number = fl.line_number AND l.import_id = fl.import_id
	WHERE u.sample_id = $sample_id AND $tier <> 'full'
)
SELECT 'claim' AS kind, claim_id AS original, 'C-' || uuid()::VARCHAR AS surrogate FROM (SELECT DISTINCT claim_id FROM lines)
UNION ALL
SELECT 'patient', patient_id, 'P-' || uuid()::VARCHAR FROM (SELECT DISTINCT patient_id FROM lines WHERE patient_id IS NOT NULL);
