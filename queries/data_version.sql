-- The data version every page cache is keyed by: the newest succeeded import, how many there
-- are, and how many exclusion decisions people have made (a decision changes the
-- excluded_provider findings without an import).
-- No parameters. Columns: v, n, d
SELECT
	(SELECT coalesce(max(import_id), 0)::INTEGER FROM imports WHERE status = 'succeeded') AS v,
	(SELECT count(*)::INTEGER FROM imports WHERE status = 'succeeded') AS n,
	(SELECT count(*)::INTEGER FROM exclusion_decisions) AS d;
