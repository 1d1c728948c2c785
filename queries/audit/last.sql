-- The newest record: the next one chains to its hash.
SELECT seq, hash, mac FROM audit_log ORDER BY seq DESC LIMIT 1;
