-- Sets (or replaces) one mapping. $own_specialty VARCHAR, $cms_type VARCHAR, $changed_by VARCHAR
INSERT OR REPLACE INTO specialty_map VALUES ($own_specialty, $cms_type, $changed_by, now()::TIMESTAMP);
