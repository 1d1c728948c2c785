-- The argon2id hash of one account (NULL for accounts that sign in only through OIDC).
-- $user_id VARCHAR
-- Columns: password_hash
SELECT password_hash FROM users WHERE user_id = $user_id;
