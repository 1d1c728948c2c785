-- One account by e-mail, compared case-insensitively (the caller lower-cases $email).
-- $email VARCHAR (lower-case)
-- Columns: user_id, email, role, disabled, created_at, must_change_password
SELECT user_id, email, role, disabled, created_at, coalesce(must_change_password, false) AS must_change_password
FROM users
WHERE lower(email) = $email;
