-- Users, server-side sessions and the hash-chained audit trail (security.md, HIPAA 164.312).
CREATE TABLE IF NOT EXISTS users (
	user_id         VARCHAR PRIMARY KEY,      -- random UUID
	email           VARCHAR NOT NULL UNIQUE,  -- the unique sign-in id, lower-cased
	role            VARCHAR NOT NULL,         -- admin | compliance_officer | coding_manager | auditor
	password_hash   VARCHAR,                  -- argon2id (PHC string); NULL for OIDC-only users
	disabled        BOOLEAN NOT NULL DEFAULT false,
	created_at      TIMESTAMP NOT NULL,
	created_by      VARCHAR
);

-- Only the sha256 of a session id is stored: a copy of the database does not sign anyone in.
CREATE TABLE IF NOT EXISTS sessions (
	session_hash  VARCHAR PRIMARY KEY,
	user_id       VARCHAR NOT NULL,
	created_at    TIMESTAMP NOT NULL,
	last_seen     TIMESTAMP NOT NULL,
	revoked       BOOLEAN NOT NULL DEFAULT false
);

-- Append-only: each record carries the hash of the previous one; `claimlens audit-log verify`
-- and the admin page recompute the chain.
CREATE TABLE IF NOT EXISTS audit_log (
	seq        BIGINT PRIMARY KEY,
	logged_at  TIMESTAMP NOT NULL,
	user_id    VARCHAR,
	email      VARCHAR,
	action     VARCHAR NOT NULL,   -- login | login_failed | logout | import | view | export | user_add | user_change
	target     VARCHAR,
	details    VARCHAR,            -- JSON
	prev_hash  VARCHAR NOT NULL,
	hash       VARCHAR NOT NULL
);
