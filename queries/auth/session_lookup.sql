-- The user behind a live (not revoked) session, with the seconds since it was last seen and
-- whether a new password must be chosen before anything else (reset, first admin).
SELECT u.user_id, u.email, u.role, u.disabled, u.created_at, u.must_change_password,
       epoch(now()::TIMESTAMP) - epoch(s.last_seen) AS idle_seconds
FROM sessions s JOIN users u USING (user_id)
WHERE s.session_hash = $h AND NOT s.revoked;
