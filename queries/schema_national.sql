-- Own specialty -> CMS provider type, as the user edited it (issue 11: national peers). Defaults
-- live in src/lib/specialty-map.ts; a row here wins. Idempotent.
CREATE TABLE IF NOT EXISTS specialty_map (
	own_specialty  VARCHAR PRIMARY KEY,
	cms_type       VARCHAR NOT NULL,
	changed_by     VARCHAR,
	changed_at     TIMESTAMP
);
