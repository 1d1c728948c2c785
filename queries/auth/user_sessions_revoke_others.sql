-- Ends every session of one account except the one making the request (password change).
-- $user_id VARCHAR, $keep_hash VARCHAR (sha256 hex of the current session id)
-- Columns: session_hash (one row per session ended)
UPDATE sessions SET revoked = true
WHERE user_id = $user_id AND session_hash <> $keep_hash AND NOT revoked
RETURNING session_hash;
