-- Audit sampling tables (issue "Audit sampling"). Run after schema.sql at every start;
-- idempotent. Frames keep their lines, so a sample is reproducible from the stored frame even
-- after more claims are imported. Amounts are DECIMAL; JSON documents are VARCHAR.

CREATE SEQUENCE IF NOT EXISTS sampling_frame_id_seq START 1;
CREATE SEQUENCE IF NOT EXISTS sampling_sample_id_seq START 1;

-- A saved filter over claim lines (definition = FrameDefinition JSON), its size, dollars and
-- checksum (sha256 of the unit ids in frame order, each followed by a newline).
CREATE TABLE IF NOT EXISTS sampling_frames (
	frame_id    INTEGER PRIMARY KEY,
	name        VARCHAR,
	unit        VARCHAR NOT NULL,         -- line | claim
	definition  VARCHAR NOT NULL,
	size        BIGINT NOT NULL,
	total_paid  DECIMAL(18,2) NOT NULL,
	checksum    VARCHAR NOT NULL,
	created_at  TIMESTAMP NOT NULL,
	created_by  VARCHAR
);

-- The frame's lines. unit_no numbers the units 1..N in (claim_id, line_number) order; a
-- claim unit has one row per matching line, all with the same unit_no.
CREATE TABLE IF NOT EXISTS sampling_frame_lines (
	frame_id     INTEGER NOT NULL,
	unit_no      INTEGER NOT NULL,
	unit_id      VARCHAR NOT NULL,
	claim_id     VARCHAR NOT NULL,
	line_number  INTEGER NOT NULL,
	import_id    INTEGER NOT NULL,
	paid_amount  DECIMAL(14,2) NOT NULL
);

-- One row per draw; manifest is the Manifest JSON (full tier) written at draw time.
CREATE TABLE IF NOT EXISTS sampling_samples (
	sample_id    INTEGER PRIMARY KEY,
	frame_id     INTEGER NOT NULL,
	method       VARCHAR NOT NULL,         -- simple | stratified | probe
	seed         BIGINT NOT NULL,
	sample_size  INTEGER NOT NULL,
	spares       INTEGER NOT NULL,
	manifest     VARCHAR NOT NULL,
	drawn_by     VARCHAR NOT NULL,
	drawn_at     TIMESTAMP NOT NULL
);

-- The drawn units in draw order; item numbers them 1.. across strata (stratum by stratum).
CREATE TABLE IF NOT EXISTS sampling_sample_units (
	sample_id        INTEGER NOT NULL,
	item             INTEGER NOT NULL,
	role             VARCHAR NOT NULL,     -- sample | spare
	stratum          INTEGER NOT NULL,
	draw             INTEGER NOT NULL,     -- draw order within the stratum
	unit_no          INTEGER NOT NULL,
	unit_id          VARCHAR NOT NULL,
	examined_amount  DECIMAL(14,2) NOT NULL
);

-- Reviewed findings, one per sampled item (re-importing an item replaces it).
CREATE TABLE IF NOT EXISTS sampling_findings (
	sample_id       INTEGER NOT NULL,
	item            INTEGER NOT NULL,
	audited_amount  DECIMAL(14,2),
	error           BOOLEAN NOT NULL,
	note            VARCHAR,
	imported_at     TIMESTAMP NOT NULL
);

-- Export log (security.md "Audit trail": filters, row count, file checksum).
CREATE TABLE IF NOT EXISTS sampling_exports (
	sample_id    INTEGER NOT NULL,
	format       VARCHAR NOT NULL,
	tier         VARCHAR NOT NULL,
	rows         BIGINT NOT NULL,
	sha256       VARCHAR,
	exported_at  TIMESTAMP NOT NULL,
	exported_by  VARCHAR NOT NULL
);
