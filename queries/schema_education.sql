-- Coder education loop (issue "coder education", part 3): the education a coding manager records
-- for a coder, and the settings of the re-audit schedule and the accuracy target. Run after
-- schema.sql at every open; idempotent.

CREATE SEQUENCE IF NOT EXISTS coder_education_id_seq START 1;

-- One education given to one coder on one day: the topic and the error classes (the names of
-- queries/accuracy/prepare.sql, src/lib/schemas/accuracy.ts errorClasses) it addressed. Rows are
-- never updated or deleted; each insert is also an 'education_add' record of the audit trail.
CREATE TABLE IF NOT EXISTS coder_education (
	education_id   INTEGER PRIMARY KEY DEFAULT nextval('coder_education_id_seq'),
	coder_id       VARCHAR NOT NULL,
	given_on       DATE NOT NULL,
	topic          VARCHAR NOT NULL,
	error_classes  VARCHAR[] NOT NULL,
	note           VARCHAR,
	recorded_by    VARCHAR NOT NULL,
	recorded_at    TIMESTAMP NOT NULL   -- UTC
);

-- Accuracy settings, one row per key, the value as JSON text: 'target' (a fraction, 0.95),
-- 'bands' (the re-audit bands, [{"below":0.8,"interval_days":30},...]) and
-- 'after_education_days'. A missing key takes its default (src/lib/schemas/accuracy.ts);
-- each save is also an 'education_settings' record of the audit trail, with the old values.
CREATE TABLE IF NOT EXISTS accuracy_settings (
	key         VARCHAR PRIMARY KEY,
	value       VARCHAR NOT NULL,
	changed_by  VARCHAR,
	changed_at  TIMESTAMP               -- UTC
);
