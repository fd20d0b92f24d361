-- The access-log audit, written once in DuckDB's dialect; govdata/audit/queries.py transpiles it
-- for Spark with sqlglot. Each "-- step: NAME" query becomes a view (or, with "table", a table
-- DuckDB materialises so that the logs are scanned twice, not once per finding kind).
-- Inputs: access_log (the logs, normalised: docs/audit.md), grant_periods, departments,
-- providers, calendar (every day from {scan_from} to {to_day}).
-- Parameters in braces are dates and numbers filled in by govdata/audit/run.py.

-- step: grant_day
-- Every grant on every day of the calendar: the status it had that day, whether it was in force
-- (approved and within its validity), and if not, why not.
SELECT
    p.grant_id, p.grant_path, p.applicant, p.resource, p.status, p.method, p.items,
    p.commit AS grant_commit, p.source AS grant_source, p.period_start, c.day,
    (p.status = '已批准'
        AND (p.valid_from IS NULL OR c.day >= p.valid_from)
        AND (p.valid_until IS NULL OR c.day <= p.valid_until)) AS in_force,
    CASE
        WHEN p.status = '已批准' AND p.valid_from IS NOT NULL AND c.day < p.valid_from THEN 'not_yet_valid'
        WHEN p.status = '已批准' AND p.valid_until IS NOT NULL AND c.day > p.valid_until THEN 'expired'
        WHEN p.status = '已批准' THEN NULL
        WHEN p.status = '申请中' THEN 'pending'
        WHEN p.status = '已驳回' THEN 'rejected'
        WHEN p.status = '已暂停' THEN 'suspended'
        WHEN p.status = '已终止' THEN 'terminated'
        WHEN p.status = '已过期' THEN 'expired'
        ELSE 'unknown_status'
    END AS reason
FROM grant_periods p
JOIN calendar c ON c.day >= p.period_start AND (p.period_end IS NULL OR c.day < p.period_end)

-- step: pair_day
-- One grant per department, resource and day: one in force if any, else the latest decision.
SELECT * FROM (
    SELECT g.*, row_number() OVER (
        PARTITION BY g.applicant, g.resource, g.day ORDER BY g.in_force DESC, g.period_start DESC, g.grant_id
    ) AS pick
    FROM grant_day g
) ranked WHERE pick = 1

-- step: pairs
SELECT DISTINCT applicant, resource FROM grant_periods

-- step: consumers
-- The consumer as its 统一社会信用代码, whether the log names it by code or by slug.
SELECT a.*, COALESCE(d1.code, d2.code, a.consumer) AS consumer_code
FROM access_log a
LEFT JOIN departments d1 ON d1.code = a.consumer
LEFT JOIN departments d2 ON d2.slug = a.consumer
WHERE a.day BETWEEN DATE '{scan_from}' AND DATE '{to_day}'

-- step: classified
-- Each access with the grant that decided it that day: the grant the log names when that one is
-- in force for this department and resource, else the department's grant for the resource.
SELECT
    a.log_file, a.log_row, a.request_id, a.day, a.consumer, a.consumer_code, a.resource, a.method,
    a.rows, a.result, a.grant_id AS logged_grant,
    COALESCE(pr.provider = a.consumer_code, FALSE) AS own,
    CASE WHEN n.grant_id IS NOT NULL THEN n.grant_id ELSE g.grant_id END AS grant_id,
    CASE WHEN n.grant_id IS NOT NULL THEN n.grant_path ELSE g.grant_path END AS grant_path,
    CASE WHEN n.grant_id IS NOT NULL THEN n.status ELSE g.status END AS grant_status,
    CASE WHEN n.grant_id IS NOT NULL THEN n.method ELSE g.method END AS grant_method,
    CASE WHEN n.grant_id IS NOT NULL THEN n.grant_commit ELSE g.grant_commit END AS grant_commit,
    CASE WHEN n.grant_id IS NOT NULL THEN n.grant_source ELSE g.grant_source END AS grant_source,
    (n.grant_id IS NOT NULL OR COALESCE(g.in_force, FALSE)) AS in_force,
    CASE
        WHEN n.grant_id IS NOT NULL OR g.in_force THEN NULL
        WHEN g.grant_id IS NOT NULL THEN g.reason
        WHEN k.applicant IS NOT NULL THEN 'not_yet_requested'
        ELSE 'never_granted'
    END AS reason,
    CASE
        WHEN n.grant_id IS NOT NULL THEN list_filter(a.items, lambda x: NOT list_contains(n.items, x))
        WHEN g.in_force THEN list_filter(a.items, lambda x: NOT list_contains(g.items, x))
    END AS items_extra
FROM consumers a
LEFT JOIN providers pr ON pr.resource = a.resource
LEFT JOIN grant_day n ON n.grant_id = a.grant_id AND n.day = a.day AND n.in_force
    AND n.applicant = a.consumer_code AND n.resource = a.resource
LEFT JOIN pair_day g ON g.applicant = a.consumer_code AND g.resource = a.resource AND g.day = a.day
LEFT JOIN pairs k ON k.applicant = a.consumer_code AND k.resource = a.resource

-- step: suspicious table
-- Allowed accesses to another department's data, in the audited period, that break their grant.
SELECT * FROM classified
WHERE result = 'allowed' AND NOT own AND day BETWEEN DATE '{from_day}' AND DATE '{to_day}'
    AND (NOT in_force OR method <> grant_method OR array_length(items_extra) > 0)

-- step: daily table
-- Accesses and rows per day, department, resource and grant: the volume, own-data, unused-grant
-- and retention checks need nothing finer.
SELECT day, consumer_code, resource, grant_id, in_force, own, result,
    COUNT(*) AS accesses, SUM(rows) AS rows
FROM classified
GROUP BY day, consumer_code, resource, grant_id, in_force, own, result

-- step: grant_daily
SELECT grant_id, day, SUM(rows) AS rows, SUM(accesses) AS accesses
FROM daily WHERE in_force AND NOT own AND result = 'allowed'
GROUP BY grant_id, day

-- step: volume
-- A grant's rows on one day against the days it was used before (up to {volume_window} of them).
SELECT * FROM (
    SELECT grant_id, day, rows,
        COUNT(rows) OVER (
            PARTITION BY grant_id ORDER BY day ROWS BETWEEN {volume_window} PRECEDING AND 1 PRECEDING
        ) AS history_days,
        SUM(rows) OVER (
            PARTITION BY grant_id ORDER BY day ROWS BETWEEN {volume_window} PRECEDING AND 1 PRECEDING
        ) AS history_rows
    FROM grant_daily
) windowed
WHERE day BETWEEN DATE '{from_day}' AND DATE '{to_day}'
    AND history_days >= {volume_min_days} AND rows >= {volume_min_rows}
    AND rows * history_days > {volume_factor} * history_rows

-- step: unused
-- Grants in force on some day of the audited period that no allowed access used.
SELECT * FROM (
    SELECT g.*, row_number() OVER (PARTITION BY g.grant_id ORDER BY g.day DESC) AS latest
    FROM grant_day g
    LEFT JOIN (
        SELECT DISTINCT grant_id FROM grant_daily WHERE day BETWEEN DATE '{from_day}' AND DATE '{to_day}'
    ) used ON used.grant_id = g.grant_id
    WHERE g.in_force AND g.day BETWEEN DATE '{from_day}' AND DATE '{to_day}' AND used.grant_id IS NULL
) ranked WHERE latest = 1

-- step: gaps
-- Runs of consecutive days within the retention window ({retention_from} to {to_day}) with no log row.
SELECT MIN(day) AS gap_start, MAX(day) AS gap_end, COUNT(*) AS days FROM (
    SELECT c.day, date_diff('day', DATE '2000-01-01', c.day) - row_number() OVER (ORDER BY c.day) AS run
    FROM calendar c
    LEFT JOIN (SELECT DISTINCT day FROM daily) l ON l.day = c.day
    WHERE c.day >= DATE '{retention_from}' AND l.day IS NULL
) missing
GROUP BY run

-- step: findings
SELECT
    CASE WHEN NOT in_force THEN 'no_grant' WHEN method <> grant_method THEN 'method_mismatch' END AS kind,
    CASE WHEN NOT in_force THEN reason WHEN method = '批量交换' THEN 'batch_not_granted' ELSE 'other_method' END
        AS reason,
    log_file, log_row, request_id, day, CAST(NULL AS DATE) AS day_end, consumer, resource, method,
    CAST(NULL AS VARCHAR) AS items, grant_id, logged_grant, grant_path, grant_status, grant_commit, grant_source,
    CAST(1 AS BIGINT) AS accesses, CAST(rows AS BIGINT) AS rows,
    CAST(NULL AS BIGINT) AS history_days, CAST(NULL AS BIGINT) AS history_rows
FROM suspicious WHERE NOT in_force OR method <> grant_method
UNION ALL
SELECT 'items_beyond', NULL, log_file, log_row, request_id, day, NULL, consumer, resource, method,
    array_to_string(list_sort(items_extra), ';'), grant_id, logged_grant, grant_path, grant_status, grant_commit,
    grant_source, 1, rows, NULL, NULL
FROM suspicious WHERE in_force AND array_length(items_extra) > 0
UNION ALL
SELECT 'own_data', NULL, NULL, NULL, NULL, MIN(day), MAX(day), MIN(consumer_code), resource, NULL, NULL, NULL, NULL,
    NULL, NULL, NULL, NULL, SUM(accesses), SUM(rows), NULL, NULL
FROM daily
WHERE own AND result = 'allowed' AND day BETWEEN DATE '{from_day}' AND DATE '{to_day}'
GROUP BY consumer_code, resource
UNION ALL
SELECT 'volume_anomaly', NULL, NULL, NULL, NULL, v.day, NULL, g.applicant, g.resource, g.method, NULL, v.grant_id,
    NULL, g.grant_path, g.status, g.grant_commit, g.grant_source, NULL, v.rows, v.history_days, v.history_rows
FROM volume v JOIN grant_day g ON g.grant_id = v.grant_id AND g.day = v.day
UNION ALL
SELECT 'unused_grant', NULL, NULL, NULL, NULL, NULL, NULL, applicant, resource, method, NULL, grant_id, NULL,
    grant_path, status, grant_commit, grant_source, 0, 0, NULL, NULL
FROM unused
UNION ALL
SELECT 'retention_gap', NULL, NULL, NULL, NULL, gap_start, gap_end, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
    NULL, NULL, days, NULL, NULL, NULL
FROM gaps
