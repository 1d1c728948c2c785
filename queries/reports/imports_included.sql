-- The imports a report's figures include: every succeeded import, newest first (a report prints
-- them as its data version). No parameters.
-- Columns: import_id, file_name, kind, rows_loaded, finished_at
SELECT import_id, file_name, kind, rows_loaded::BIGINT AS rows_loaded, strftime(finished_at, '%Y-%m-%d %H:%M') AS finished_at
FROM imports WHERE status = 'succeeded' ORDER BY import_id DESC;
