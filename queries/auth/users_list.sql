-- Every account, by e-mail. No parameters.
-- Columns: user_id, email, role, disabled, created_at, must_change_password
SELECT user_id, email, role, disabled, created_at, coalesce(must_change_password, false) AS must_change_password
FROM users
ORDER BY email;
