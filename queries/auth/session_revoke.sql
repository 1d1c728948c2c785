UPDATE sessions SET revoked = true WHERE session_hash = $h AND NOT revoked;
