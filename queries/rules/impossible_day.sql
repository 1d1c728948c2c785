-- Line rule impossible_day: a provider's timed minutes on one date add up to more than
-- $max_minutes (24 h). A line's minutes are the claim's `minutes` when present, otherwise the
-- documented minimum for its code ($timed_codes / $timed_minutes, parallel lists) times units.
-- Dollars at risk: each line's allowed amount x the share of the day's minutes above 24 h.
-- $timed_codes VARCHAR[], $timed_minutes VARCHAR[], $max_minutes INTEGER
-- Columns: as critical_care_bundled_draw.sql
WITH minimums AS (
	SELECT unnest($timed_codes) AS procedure_code, unnest($timed_minutes)::INTEGER AS per_unit
),
timed AS (
	SELECT l.*, coalesce(l.minutes, m.per_unit * l.units) AS line_minutes
	FROM claim_lines l
	LEFT JOIN minimums m USING (procedure_code)
	WHERE l.minutes IS NOT NULL OR m.per_unit IS NOT NULL
),
days AS (
	SELECT rendering_npi, service_date, sum(line_minutes) AS day_minutes
	FROM timed
	GROUP BY ALL
	HAVING sum(line_minutes) > $max_minutes
)
SELECT
	t.rendering_npi, t.provider_name, t.specialty, t.claim_id, t.line_number, t.service_date, t.procedure_code,
	(coalesce(t.allowed_amount, 0) * (d.day_minutes - $max_minutes) / d.day_minutes)::DECIMAL(14,2) AS dollars,
	d.day_minutes || ' timed minutes on ' || strftime(t.service_date, '%Y-%m-%d') AS detail
FROM timed t
JOIN days d USING (rendering_npi, service_date);
