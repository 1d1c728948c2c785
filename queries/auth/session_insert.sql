-- A new session: only the sha256 of its id is stored (a copy of the database signs nobody in).
INSERT INTO sessions VALUES ($h, $u, now()::TIMESTAMP, now()::TIMESTAMP, false);
