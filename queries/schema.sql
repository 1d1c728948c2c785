-- ClaimLens schema. Run at every start (idempotent). Documented in README "Data model".
-- Amounts are DECIMAL so sums are exact; lists are VARCHAR[]; dates are DATE.

CREATE SEQUENCE IF NOT EXISTS import_id_seq START 1;

-- One row per import attempt: the import log (issue: foundation, "Import").
CREATE TABLE IF NOT EXISTS imports (
	import_id      INTEGER PRIMARY KEY,
	file_name      VARCHAR NOT NULL,
	checksum       VARCHAR NOT NULL,   -- sha256 of the file bytes
	kind           VARCHAR,            -- claims | audits | cms-provider-service | remittance
	format         VARCHAR,            -- csv | csv.gz | parquet
	started_at     TIMESTAMP NOT NULL,
	finished_at    TIMESTAMP,
	status         VARCHAR NOT NULL,   -- running | succeeded | failed | duplicate | cancelled
	rows_read      BIGINT,
	rows_loaded    BIGINT,
	rows_rejected  BIGINT,
	mapping        VARCHAR,            -- JSON: canonical field -> file header
	message        VARCHAR
);

-- Rejected rows, one per (row, column, reason). raw holds file content: treat as PHI.
CREATE TABLE IF NOT EXISTS import_rejects (
	import_id    INTEGER NOT NULL,
	file_name    VARCHAR NOT NULL,
	line         BIGINT,
	column_name  VARCHAR,
	reason       VARCHAR NOT NULL,
	value        VARCHAR,
	raw          VARCHAR
);

-- Data tables: required columns are enforced by the importer (which rejects rows, with their
-- reasons, before commit), not by NOT NULL constraints, so that one pass can write every row.
CREATE TABLE IF NOT EXISTS claim_lines (
	import_id         INTEGER NOT NULL,
	claim_id          VARCHAR,
	line_number       INTEGER,
	patient_id        VARCHAR,
	rendering_npi     VARCHAR,
	provider_name     VARCHAR,
	specialty         VARCHAR,
	payer             VARCHAR,
	place_of_service  VARCHAR,
	service_date      DATE,
	procedure_code    VARCHAR,
	modifiers         VARCHAR[],
	units             INTEGER,
	minutes           INTEGER,
	diagnosis_codes   VARCHAR[],
	charge_amount     DECIMAL(14,2),
	allowed_amount    DECIMAL(14,2),
	paid_amount       DECIMAL(14,2),
	line_status       VARCHAR,
	denial_codes      VARCHAR[],
	coder_id          VARCHAR,
	-- problems found while loading; rows with any are removed before the import commits
	import_problems   VARCHAR[] DEFAULT []
);

CREATE TABLE IF NOT EXISTS audit_lines (
	import_id           INTEGER NOT NULL,
	audit_id            VARCHAR,
	claim_id            VARCHAR,
	line_number         INTEGER,
	coder_id            VARCHAR,
	auditor_id          VARCHAR,
	audit_date          DATE,
	specialty           VARCHAR,
	service_date        DATE,
	original_code       VARCHAR,   -- NULL: line added by the auditor
	audited_code        VARCHAR,   -- NULL: line not supported
	original_modifiers  VARCHAR[],
	audited_modifiers   VARCHAR[],
	original_units      INTEGER,
	audited_units       INTEGER,
	original_diagnoses  VARCHAR[],
	audited_diagnoses   VARCHAR[],
	billed_amount       DECIMAL(14,2),
	audited_amount      DECIMAL(14,2),
	-- problems found while loading; rows with any are removed before the import commits
	import_problems   VARCHAR[] DEFAULT []
);

-- Provider x code x place of service (x payer for claim data) counts: what peer-comparison
-- rules need. source = 'claims' rows are rebuilt from claim_lines after each claims import;
-- source = 'cms' rows come straight from a CMS provider-and-service file.
CREATE TABLE IF NOT EXISTS provider_services (
	source            VARCHAR NOT NULL,
	import_id         INTEGER,
	rendering_npi     VARCHAR,
	provider_name     VARCHAR,
	specialty         VARCHAR,
	payer             VARCHAR,
	place_of_service  VARCHAR,
	procedure_code    VARCHAR,
	modifiers         VARCHAR[] DEFAULT [],  -- claim data only; CMS files have none
	services          DOUBLE,
	beneficiaries     BIGINT,
	avg_charge        DECIMAL(14,2),
	avg_allowed       DECIMAL(14,2),
	avg_paid          DECIMAL(14,2),
	-- problems found while loading; rows with any are removed before the import commits
	import_problems   VARCHAR[] DEFAULT [],
	-- CMS rows: the data year of the file (each year is its own pool, never pooled silently)
	data_year         INTEGER
);
-- databases made before data years were recorded
ALTER TABLE provider_services ADD COLUMN IF NOT EXISTS data_year INTEGER;
-- claims rows: the service month (first day) the row sums, so any run of whole months can be
-- evaluated (periods, quarterly history); CMS rows have none (a file is one data year)
ALTER TABLE provider_services ADD COLUMN IF NOT EXISTS service_month DATE;

-- User-imported CMS edit tables (licensed: never shipped; `claimlens import FILE --kind
-- cms-mue | cms-ncci-ptp`). Empty until imported; the rules mue_exceeded and ncci_ptp_pair run
-- only when they have rows, and use the newest import of each.
CREATE TABLE IF NOT EXISTS mue_limits (
	import_id               INTEGER,
	procedure_code          VARCHAR,
	mue                     INTEGER,
	adjudication_indicator  VARCHAR,
	import_problems         VARCHAR[] DEFAULT []
);
-- The practice's provider roster (import kind provider-roster): claim files without a specialty
-- take it from the newest roster row of the rendering NPI.
CREATE TABLE IF NOT EXISTS provider_roster (
	import_id        INTEGER,
	npi              VARCHAR,
	provider_name    VARCHAR,
	specialty        VARCHAR,
	taxonomy_code    VARCHAR,
	import_problems  VARCHAR[] DEFAULT []
);
CREATE TABLE IF NOT EXISTS ncci_ptp_pairs (
	import_id           INTEGER,
	column1             VARCHAR,
	column2             VARCHAR,
	effective_date      DATE,
	deletion_date       DATE,
	modifier_indicator  VARCHAR,
	import_problems     VARCHAR[] DEFAULT []
);

-- Line-rule findings, materialised once per data version when the rules are evaluated, so a
-- provider's drill-down reads its finding lines instead of re-running the rule over every line.
CREATE TABLE IF NOT EXISTS rule_findings (
	data_version    VARCHAR NOT NULL,
	rule_id         VARCHAR NOT NULL,
	rendering_npi   VARCHAR,
	provider_name   VARCHAR,
	specialty       VARCHAR,
	claim_id        VARCHAR,
	line_number     INTEGER,
	service_date    DATE,
	procedure_code  VARCHAR,
	dollars         DECIMAL(14,2),
	detail          VARCHAR
);
