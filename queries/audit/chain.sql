-- Records from $from_seq on (1 for a full check), with the timestamp in the exact text the
-- hash was computed over.
SELECT seq, strftime(logged_at, '%Y-%m-%dT%H:%M:%S.%g') AS at_text, user_id, email, action, target, details, prev_hash, hash, mac
FROM audit_log WHERE seq >= $from_seq ORDER BY seq;
