-- The service dates every flag is computed over today: the first and last service date of the
-- claim lines. No parameters. Columns: period_from, period_to (YYYY-MM-DD, NULL when no lines).
SELECT strftime(min(service_date), '%Y-%m-%d') AS period_from, strftime(max(service_date), '%Y-%m-%d') AS period_to FROM claim_lines;
