-- Ends every session of one account (disabled, role changed, password reset by an admin).
-- $user_id VARCHAR
-- Columns: session_hash (one row per session ended)
UPDATE sessions SET revoked = true
WHERE user_id = $user_id AND NOT revoked
RETURNING session_hash;
