-- The audit trail, newest first, filtered by action and e-mail (admin page, `claimlens audit-log list`).
SELECT seq, strftime(logged_at, '%Y-%m-%d %H:%M:%S') AS logged_at, email, action, target, details, hash
FROM audit_log
WHERE ($action = '' OR action = $action) AND ($email = '' OR email ILIKE '%' || $email || '%')
ORDER BY seq DESC LIMIT $limit;
