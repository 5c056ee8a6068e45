-- bench/agent_time.sql: operator time (issue 18).  10 million status changes
-- (1000 operators x 10 000 changes in March 2026, Europe/Berlin, a DST day
-- inside) to the time in each status per operator and day, three ways:
--   the floor: sum over the same columns with lag(), grouped by operator, day
--     and status (no clipping at day edges, no carry-in: a lower bound);
--   agent_time(... ORDER BY at) per operator, read with status_times();
--   the hand SQL an analyst writes: lead() for each period's end, clipped to
--     every day it touches with generate_series.
-- Run by bench/run.sh (the case "operator/agent_time"; psql variables rows,
-- reps, only); or directly: psql -v reps=3 -v rows=1000000 -f bench/agent_time.sql
\pset pager off
\if :{?reps}
\else
\set reps 5
\endif
\if :{?only}
\else
\set only .
\endif
\if :{?status_rows}
\else
\set status_rows 10000000
\endif
SELECT 'operator/agent_time' ~ :'only' AS run_agent_time \gset
\if :run_agent_time
SET jit = off;
SET client_min_messages = warning;
SET TimeZone = 'Europe/Berlin';
CREATE EXTENSION IF NOT EXISTS support_kpi;

-- operator o's i-th change at a strictly increasing time inside March; the
-- status drawn from six names (calls and ready most often)
DROP TABLE IF EXISTS status_log;
CREATE TABLE status_log (operator_id int, at timestamptz, status text);
SELECT (:status_rows / 1000)::int AS per_op \gset
INSERT INTO status_log
SELECT o, timestamptz '2026-03-01 00:00' + (i + 0.9 * random()) * (interval '31 days' / :per_op),
	(ARRAY['Ready', 'Call', 'Call', 'Wrap-up', 'Ready', 'Chat', 'Break', 'Logged out'])[1 + floor(random() * 8)::int]
FROM generate_series(1, 1000) o, generate_series(0, :per_op - 1) i;
VACUUM ANALYZE status_log;
SELECT count(*) AS status_rows, count(DISTINCT status) AS statuses, pg_size_pretty(pg_table_size('status_log')) AS size FROM status_log;

\ir run_once.psql

CREATE TEMP TABLE cases (n serial, family text DEFAULT 'operator', kpi text DEFAULT 'agent_time', what text, q text,
	times float8[] DEFAULT '{}', ms numeric);
INSERT INTO cases (what, q) VALUES
	('floor: sum(at - lag(at)) per operator, day, status', $q$
SELECT count(s) FROM (
	SELECT operator_id, date_trunc('day', at) AS day, status, sum(d) AS s
	FROM (SELECT operator_id, at, status, at - lag(at) OVER (PARTITION BY operator_id ORDER BY at) AS d FROM status_log) p
	GROUP BY 1, 2, 3) x$q$),
	('agent_time(... ORDER BY at) per operator, status_times', $q$
SELECT count(s.seconds) FROM (
	SELECT operator_id, unnest(agent_time(at, status, '1 day', '2026-03-01', '2026-04-01', 'Europe/Berlin' ORDER BY at)) AS st
	FROM status_log GROUP BY operator_id) u, status_times(st) s$q$),
	('hand SQL: lead() + generate_series per day', $q$
SELECT count(s) FROM (
	SELECT operator_id, day, status,
		sum(extract(epoch FROM least(e, day + interval '1 day') - greatest(b, day))) AS s
	FROM (SELECT operator_id, status, at AS b,
			coalesce(lead(at) OVER (PARTITION BY operator_id ORDER BY at), timestamptz '2026-04-01') AS e
		FROM status_log) p,
		generate_series(date_trunc('day', b), e - interval '1 microsecond', interval '1 day') day
	GROUP BY 1, 2, 3) x$q$);
-- the same figures: agent_time and the hand SQL on 20 operators (the hand SQL
-- has no time before the first change, agent_time calls it unknown)
SELECT count(*) AS differing_figures_of_20_operators FROM (
	SELECT operator_id, bucket_start(st) AS day, s.status, s.seconds
	FROM (SELECT operator_id, unnest(agent_time(at, status, '1 day', '2026-03-01', '2026-04-01', 'Europe/Berlin' ORDER BY at)) AS st
		FROM status_log WHERE operator_id <= 20 GROUP BY operator_id) u, status_times(st) s WHERE s.status IS NOT NULL
	EXCEPT
	SELECT operator_id, day, status, sum(extract(epoch FROM least(e, day + interval '1 day') - greatest(b, day)))::float8
	FROM (SELECT operator_id, status, at AS b,
			coalesce(lead(at) OVER (PARTITION BY operator_id ORDER BY at), timestamptz '2026-04-01') AS e
		FROM status_log WHERE operator_id <= 20) p,
		generate_series(date_trunc('day', b), e - interval '1 microsecond', interval '1 day') day
	GROUP BY 1, 2, 3) d;
SELECT pg_temp.time_group('operator', 'agent_time', :reps) \g /dev/null
\echo
\echo '| family | KPI | query | ms | x floor | x hand SQL |'
\echo '|---|---|---|---:|---:|---:|'
SELECT format('| operator | agent_time | %s | %s | %s | %s |', c.what, c.ms,
	round(c.ms / (SELECT ms FROM cases WHERE n = 1), 2), round(c.ms / (SELECT ms FROM cases WHERE n = 3), 2))
FROM cases c ORDER BY c.n \g (format=unaligned tuples_only)
SELECT round(avg(octet_length(agent_time_state_send(st)))) AS state_bytes_per_operator_day_avg,
	max(octet_length(agent_time_state_send(st))) AS max_bytes
FROM (SELECT unnest(agent_time(at, status, '1 day', '2026-03-01', '2026-04-01', 'Europe/Berlin' ORDER BY at)) AS st
	FROM status_log WHERE operator_id <= 50 GROUP BY operator_id) u;
DROP TABLE status_log;
\endif
