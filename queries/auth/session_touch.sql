-- Refresh the idle clock. Only moves it forward, so two refreshes of one session in any order
-- leave the same result (the later time).
UPDATE sessions SET last_seen = now()::TIMESTAMP WHERE session_hash = $h AND last_seen < now()::TIMESTAMP;
