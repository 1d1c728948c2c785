-- Rejected rows of one import, in file order.
-- $import_id: the import. Columns: file_name, line, column_name, reason, value, raw
SELECT file_name, line, column_name, reason, value, raw
FROM import_rejects
WHERE import_id = $import_id
ORDER BY line NULLS LAST, column_name;
