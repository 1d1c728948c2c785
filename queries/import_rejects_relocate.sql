-- Rejects of an import whose rows came from an X12 837 (src/lib/server/claims837/load-837.ts):
-- the hand-over file's line numbers become the SV1/SV2 segment numbers of the original file.
-- $import_id INTEGER, $lines VARCHAR[] (hand-over lines), $segments VARCHAR[] (same order, digits)
UPDATE import_rejects r SET line = m.segment
FROM (SELECT unnest($lines)::BIGINT AS line, unnest($segments)::BIGINT AS segment) m
WHERE r.import_id = $import_id AND r.line = m.line;
