INSERT INTO audit_log (seq, logged_at, user_id, email, action, target, details, prev_hash, hash, mac)
VALUES ($seq, $at::TIMESTAMP, $user_id, $email, $action, $target, $details, $prev, $hash, $mac);
