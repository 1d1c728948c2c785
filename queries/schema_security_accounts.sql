-- Accounts: "must change the password at next sign-in" (set for the first admin, accounts an
-- admin created with a generated password, and admin resets; cleared by a password change).
-- Applied at every open after schema_security.sql, so idempotent. DuckDB refuses constraints in
-- ADD COLUMN ("Adding columns with constraints not yet supported"), so NOT NULL is set after;
-- existing rows take the default false.
ALTER TABLE users ADD COLUMN IF NOT EXISTS must_change_password BOOLEAN DEFAULT false;
ALTER TABLE users ALTER COLUMN must_change_password SET NOT NULL;
