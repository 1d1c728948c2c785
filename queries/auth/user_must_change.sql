-- Whether the account must choose a new password before anything else (no row: unknown account).
-- $user_id VARCHAR
-- Columns: must_change_password
SELECT coalesce(must_change_password, false) AS must_change_password FROM users WHERE user_id = $user_id;
