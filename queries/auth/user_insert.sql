-- Adds an account (enabled).
-- $user_id VARCHAR (random UUID), $email VARCHAR (lower-case), $role VARCHAR, $password_hash VARCHAR
-- (argon2id PHC string), $created_by VARCHAR (NULL allowed), $must_change_password BOOLEAN
INSERT INTO users (user_id, email, role, password_hash, disabled, created_at, created_by, must_change_password)
VALUES ($user_id, $email, $role, $password_hash, false, now()::TIMESTAMP, $created_by, $must_change_password);
