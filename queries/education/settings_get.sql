-- The saved accuracy settings (queries/schema_education.sql); keys not saved take their defaults
-- in src/lib/server/accuracy/settings.ts.
-- No parameters. Columns: key, value (JSON text), changed_by, changed_at
SELECT key, value, changed_by, changed_at FROM accuracy_settings ORDER BY key;
