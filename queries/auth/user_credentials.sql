-- An account and its argon2id hash, for sign-in (case-insensitive e-mail; the caller lower-cases $email).
-- $email VARCHAR (lower-case)
-- Columns: user_id, email, role, disabled, created_at, password_hash
SELECT user_id, email, role, disabled, created_at, password_hash
FROM users
WHERE lower(email) = $email;
