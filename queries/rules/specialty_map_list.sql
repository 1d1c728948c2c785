-- The user's own-specialty -> CMS-type edits. No parameters. Columns: own_specialty, cms_type, changed_by, changed_at
SELECT own_specialty, cms_type, changed_by, strftime(changed_at, '%Y-%m-%d %H:%M:%S') AS changed_at FROM specialty_map ORDER BY own_specialty;
