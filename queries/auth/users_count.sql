-- How many accounts exist (first start creates an admin when none). No parameters.
-- Columns: n
SELECT count(*)::INTEGER AS n FROM users;
