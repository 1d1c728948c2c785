-- Review cases (issue 12): a flag (provider x rule x period) opened for review, its notes and
-- history, and the audit samples drawn for it. Run after schema.sql at every start; idempotent.
-- Cases live in their own tables, so imports (which replace claim lines and findings) never
-- touch them; the flag's statistics at opening are kept in `snapshot` (FlagRow JSON) so the
-- case can say how the flag has changed since.

CREATE SEQUENCE IF NOT EXISTS review_case_id_seq START 1;

CREATE TABLE IF NOT EXISTS review_cases (
	case_id        INTEGER PRIMARY KEY,
	provider_npi   VARCHAR NOT NULL,
	provider_name  VARCHAR,
	rule_id        VARCHAR NOT NULL,
	rule_title     VARCHAR NOT NULL,
	period_from    DATE NOT NULL,
	period_to      DATE NOT NULL,
	-- open | in_review | records_requested | audit_in_progress | closed
	status         VARCHAR NOT NULL,
	-- when closed: no_issue | education | refund | referred
	outcome        VARCHAR,
	assignee       VARCHAR,
	due_date       DATE,
	opened_by      VARCHAR NOT NULL,
	opened_at      TIMESTAMP NOT NULL,
	closed_at      TIMESTAMP,
	snapshot       VARCHAR NOT NULL,
	data_version   VARCHAR NOT NULL
);

-- true: the case was opened on the flag over every service date (period_from/to then record the
-- data's range that day); false: on the flag of exactly that period of whole months
ALTER TABLE review_cases ADD COLUMN IF NOT EXISTS all_dates BOOLEAN DEFAULT true;

-- Append-only: notes people write and the case's own history (opened, status, assignment,
-- due date, sample linked), each with its author and time. Never updated or deleted.
CREATE TABLE IF NOT EXISTS review_case_events (
	case_id   INTEGER NOT NULL,
	seq       INTEGER NOT NULL,
	event_at  TIMESTAMP NOT NULL,
	author    VARCHAR NOT NULL,
	kind      VARCHAR NOT NULL,   -- opened | note | status | assign | due | sample
	text      VARCHAR NOT NULL,
	PRIMARY KEY (case_id, seq)
);

CREATE TABLE IF NOT EXISTS review_case_samples (
	case_id    INTEGER NOT NULL,
	sample_id  INTEGER NOT NULL,
	linked_by  VARCHAR NOT NULL,
	linked_at  TIMESTAMP NOT NULL,
	PRIMARY KEY (case_id, sample_id)
);
