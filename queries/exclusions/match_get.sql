-- One pair of exclusion_matches by its id, for a decision.
-- $match_id VARCHAR. Columns: match_id, record_key, provider_npi, provider_name, list, match, status
SELECT match_id, record_key, provider_npi, provider_name, list, match, status FROM exclusion_matches WHERE match_id = $match_id;
