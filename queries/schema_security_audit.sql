-- The audit trail's seal (security issue: re-hashing after an edit, appending a forged record or
-- deleting the newest records passed verification). mac = HMAC-SHA256(key, hash) with a key
-- kept outside the database (src/lib/server/audit/audit-key.ts); NULL on records written
-- before the key existed, which the first sealed record pins through the hash chain.
ALTER TABLE audit_log ADD COLUMN IF NOT EXISTS mac VARCHAR;
