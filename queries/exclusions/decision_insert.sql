-- A person's decision on a pair: confirmed or dismissed (the newest decision of a pair stands).
-- $record_key VARCHAR, $provider_npi VARCHAR, $status VARCHAR, $decided_by VARCHAR, $note VARCHAR
INSERT INTO exclusion_decisions (record_key, provider_npi, status, decided_by, decided_at, note)
VALUES ($record_key, $provider_npi, $status, $decided_by, (now() AT TIME ZONE 'UTC'), $note);
