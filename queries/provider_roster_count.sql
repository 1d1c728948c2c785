-- Whether a provider roster is loaded (claim files without a specialty take it from there).
-- No parameters. Columns: n
SELECT count(*)::INTEGER AS n FROM provider_roster;
