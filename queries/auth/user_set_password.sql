-- Stores a new argon2id hash and the must-change flag (true after an admin reset, false after the
-- user chose the password).
-- $user_id VARCHAR, $password_hash VARCHAR, $must_change_password BOOLEAN
UPDATE users SET password_hash = $password_hash, must_change_password = $must_change_password
WHERE user_id = $user_id;
