-- Everyone a case is assigned to (the Cases page's assignee filter). No parameters. Columns: assignee
SELECT DISTINCT assignee FROM review_cases WHERE assignee IS NOT NULL ORDER BY assignee;
