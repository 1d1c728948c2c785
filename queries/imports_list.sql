-- The import log, newest first. No parameters.
-- Columns: import_id, file_name, kind, format, status, started_at, seconds, rows_read,
-- rows_loaded, rows_rejected, checksum, message
SELECT
	import_id, file_name, kind, format, status, started_at,
	round(epoch(finished_at) - epoch(started_at), 1) AS seconds,
	rows_read, rows_loaded, rows_rejected, checksum, message
FROM imports
ORDER BY import_id DESC;
