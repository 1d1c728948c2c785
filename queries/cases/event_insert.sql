-- Appends one event (note or history) to a case. Params: case_id, author, kind, text.
INSERT INTO review_case_events (case_id, seq, event_at, author, kind, text)
SELECT $case_id, coalesce(max(seq), 0) + 1, now()::TIMESTAMP, $author, $kind, $text
FROM review_case_events WHERE case_id = $case_id;
