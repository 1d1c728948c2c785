-- Saves the three accuracy settings together (one statement: all or none), replacing the old rows.
-- $target VARCHAR, $bands VARCHAR, $after_education_days VARCHAR (JSON text of each value,
-- validated by src/lib/server/accuracy/settings.ts), $changed_by VARCHAR
INSERT OR REPLACE INTO accuracy_settings (key, value, changed_by, changed_at) VALUES
	('target', $target, $changed_by, (now() AT TIME ZONE 'UTC')),
	('bands', $bands, $changed_by, (now() AT TIME ZONE 'UTC')),
	('after_education_days', $after_education_days, $changed_by, (now() AT TIME ZONE 'UTC'));
