-- Every session of one user (sign out everywhere, disabled, role changed, password reset).
UPDATE sessions SET revoked = true WHERE user_id = $u AND NOT revoked;
