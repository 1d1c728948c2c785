-- Disables or enables an account unless that would leave no enabled admin: disabling is applied
-- only when the account is not an enabled admin or another enabled admin exists.
-- $user_id VARCHAR, $disabled BOOLEAN
-- Columns: user_id (one row when changed, none when refused)
UPDATE users SET disabled = $disabled
WHERE user_id = $user_id
	AND (NOT $disabled OR role <> 'admin' OR disabled
		OR EXISTS (SELECT 1 FROM users o WHERE o.role = 'admin' AND NOT o.disabled AND o.user_id <> $user_id))
RETURNING user_id;
