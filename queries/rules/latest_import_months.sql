-- The service months of the newest succeeded claims import (the months "the latest import"
-- brought; alerts raised in them are new). No parameters. Columns: import_id, month (YYYY-MM)
SELECT DISTINCT import_id, strftime(date_trunc('month', service_date), '%Y-%m') AS month
FROM claim_lines
WHERE import_id = (SELECT max(import_id) FROM imports WHERE status = 'succeeded' AND kind = 'claims') AND service_date IS NOT NULL
ORDER BY month;
