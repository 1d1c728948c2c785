-- Changes an account's role unless that would leave no enabled admin: the row is updated only
-- when the new role is admin, the account is not an enabled admin, or another enabled admin exists.
-- $user_id VARCHAR, $role VARCHAR
-- Columns: user_id (one row when changed, none when refused)
UPDATE users SET role = $role
WHERE user_id = $user_id
	AND ($role = 'admin' OR role <> 'admin' OR disabled
		OR EXISTS (SELECT 1 FROM users o WHERE o.role = 'admin' AND NOT o.disabled AND o.user_id <> $user_id))
RETURNING user_id;
