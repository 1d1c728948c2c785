-- The exclusion lists loaded: per list (leie, sam) the newest load (its import, file name, when it
-- was loaded and the list date) and how many records all loads hold together. The list date is
-- the date the file's name carries (YYYYMMDD, YYYY-MM-DD, LEIE's YYMM supplement prefix such as
-- 2411EXCL.csv = 2024-11-01, or SAM's YYDDD suffix such as ..._V2_25152.csv = 2025-06-01), else
-- the day it was loaded.
-- No parameters. Columns: list, import_id, file_name, loaded_at, list_date, records, loads
WITH loads AS (
	SELECT r.list, r.import_id, count(*) AS n FROM exclusion_rows r GROUP BY r.list, r.import_id
),
newest AS (
	SELECT l.list, max(l.import_id) AS import_id, count(*) AS loads FROM loads l GROUP BY l.list
)
SELECT n.list, n.import_id, i.file_name, coalesce(i.finished_at, i.started_at) AS loaded_at,
	coalesce(
		try_strptime(regexp_extract(i.file_name, '(20[0-9]{2}-?[01][0-9]-?[0-3][0-9])', 1), ['%Y%m%d', '%Y-%m-%d'])::DATE,
		try_strptime('20' || regexp_extract(i.file_name, '^([0-9]{2}[01][0-9])(EXCL|REIN)', 1) || '01', '%Y%m%d')::DATE,
		-- SAM.gov extracts: SAM_Exclusions_Public_Extract_V2_25152.csv = 2025, day 152 of the year
		CASE WHEN regexp_matches(i.file_name, '(?i)sam.*_([0-9]{2})([0-3][0-9]{2})\.') THEN
			make_date(2000 + CAST(regexp_extract(i.file_name, '_([0-9]{2})([0-3][0-9]{2})\.', 1) AS INTEGER), 1, 1)
			+ (CAST(regexp_extract(i.file_name, '_([0-9]{2})([0-3][0-9]{2})\.', 2) AS INTEGER) - 1) END,
		coalesce(i.finished_at, i.started_at)::DATE
	) AS list_date,
	(SELECT count(*) FROM exclusion_records e WHERE e.list = n.list)::BIGINT AS records,
	n.loads::INTEGER AS loads
FROM newest n JOIN imports i ON i.import_id = n.import_id
ORDER BY n.list;
