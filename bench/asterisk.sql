-- bench/asterisk.sql: a month of a 50-agent Asterisk line (about 300 000
-- queue_log rows, examples/sources/asterisk.sql) to the monthly and
-- per-agent reports of create_asterisk_views, beside the plain SQL an
-- analyst writes over queue_log.  Run by bench/run.sh after bench/kpis.sql
-- (psql variables reps, only: the case is "sources/asterisk"); or directly:
--   psql -v reps=7 -v only=. -f bench/asterisk.sql   (from the repository root)
\pset pager off
\if :{?reps}
\else
\set reps 5
\endif
\if :{?only}
\else
\set only .
\endif
SELECT 'sources/asterisk' ~ :'only' AS run_asterisk \gset
\if :run_asterisk
SET jit = off;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS support_kpi;

-- 86 000 calls and 50 members in March 2026, about 296 000 rows
\set asterisk_calls 86000
\set asterisk_agents 50
\i examples/sources/asterisk.sql
SET client_min_messages = warning;
SELECT count(*) AS queue_log_rows FROM asterisk.queue_log;
SELECT count(*) AS views FROM create_asterisk_views('asterisk.queue_log', 'asterisk_kpi', 'Europe/Berlin');

\ir run_once.psql

-- what an analyst writes: the next event of the same call and queue after
-- each ENTERQUEUE (lead over the call events), then the figures per month and
-- queue; per agent, the talk from CONNECT to the next event and the
-- RINGNOANSWER rows.  Same definitions as the views (overflows offered and
-- not answered, 5 s short abandons, 20 s threshold), no line row, no states.
CREATE TEMP TABLE cases (n serial, family text DEFAULT 'sources', kpi text DEFAULT 'asterisk', what text, q text,
	times float8[] DEFAULT '{}', ms numeric);
INSERT INTO cases (what, q) VALUES
	('create_asterisk_views (replaces the 9 views)',
		$q$SELECT count(*) FROM create_asterisk_views('asterisk.queue_log', 'asterisk_kpi', 'Europe/Berlin')$q$),
	('monthly_report', 'SELECT * FROM asterisk_kpi.monthly_report'),
	('hand SQL: monthly per queue', $q$
WITH e AS (
	SELECT queuename, event, time AT TIME ZONE 'Europe/Berlin' AS at,
		lead(event) OVER w AS next_event, lead(time AT TIME ZONE 'Europe/Berlin') OVER w AS next_at
	FROM asterisk.queue_log
	WHERE event IN ('ENTERQUEUE', 'CONNECT', 'ABANDON', 'EXITWITHTIMEOUT', 'EXITEMPTY', 'EXITWITHKEY', 'COMPLETECALLER',
		'COMPLETEAGENT', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER')
	WINDOW w AS (PARTITION BY callid, queuename ORDER BY time, id)),
v AS (
	SELECT date_trunc('month', e.at) AS month, e.queuename, e.next_event, extract(epoch FROM e.next_at - e.at) AS wait
	FROM e WHERE e.event = 'ENTERQUEUE'),
talk AS (
	SELECT date_trunc('month', at) AS month, queuename, extract(epoch FROM next_at - at) AS talk,
		next_event IN ('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER') AS transferred
	FROM e WHERE event = 'CONNECT' AND next_event IN ('COMPLETECALLER', 'COMPLETEAGENT', 'TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER'))
SELECT w.*, t.aht, t.talk_median, t.transfer_pct
FROM (SELECT month, queuename,
		count(*) FILTER (WHERE next_event IS NOT NULL AND NOT (next_event = 'ABANDON' AND wait < 5)) AS offered,
		count(*) FILTER (WHERE next_event = 'CONNECT') AS answered,
		count(*) FILTER (WHERE next_event = 'ABANDON' AND wait >= 5) AS abandoned,
		count(*) FILTER (WHERE next_event LIKE 'EXIT%') AS overflowed,
		round(100.0 * count(*) FILTER (WHERE next_event = 'CONNECT' AND wait <= 20)
			/ nullif(count(*) FILTER (WHERE next_event IS NOT NULL AND NOT (next_event = 'ABANDON' AND wait < 5)), 0), 2) AS sl,
		round(100.0 * count(*) FILTER (WHERE next_event = 'ABANDON' AND wait >= 5)
			/ nullif(count(*) FILTER (WHERE next_event IS NOT NULL AND NOT (next_event = 'ABANDON' AND wait < 5)), 0), 2) AS abandon,
		avg(wait) FILTER (WHERE next_event = 'CONNECT') AS asa,
		percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY wait) FILTER (WHERE next_event = 'CONNECT') AS wait_pct
	FROM v GROUP BY 1, 2) w
JOIN (SELECT month, queuename, avg(talk) AS aht, percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY talk) AS talk_median,
		round(100.0 * count(*) FILTER (WHERE transferred) / count(*), 2) AS transfer_pct
	FROM talk GROUP BY 1, 2) t USING (month, queuename)$q$),
	('operator_monthly', 'SELECT * FROM asterisk_kpi.operator_monthly'),
	('hand SQL: per agent', $q$
WITH e AS (
	SELECT agent, event, time AT TIME ZONE 'Europe/Berlin' AS at, data1,
		lead(event) OVER w AS next_event, lead(time AT TIME ZONE 'Europe/Berlin') OVER w AS next_at
	FROM asterisk.queue_log
	WHERE event IN ('ENTERQUEUE', 'CONNECT', 'COMPLETECALLER', 'COMPLETEAGENT', 'TRANSFER', 'BLINDTRANSFER',
		'ATTENDEDTRANSFER', 'RINGNOANSWER')
	WINDOW w AS (PARTITION BY callid, queuename ORDER BY time, id))
SELECT date_trunc('month', at) AS month, agent,
	count(*) FILTER (WHERE event = 'CONNECT') AS answered,
	sum(extract(epoch FROM next_at - at)) FILTER (WHERE event = 'CONNECT' AND next_event <> 'RINGNOANSWER') AS talk,
	avg(extract(epoch FROM next_at - at)) FILTER (WHERE event = 'CONNECT' AND next_event <> 'RINGNOANSWER') AS aht,
	percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM next_at - at)) FILTER (WHERE event = 'CONNECT') AS talk_median,
	count(*) FILTER (WHERE event = 'CONNECT' AND next_event IN ('TRANSFER', 'BLINDTRANSFER', 'ATTENDEDTRANSFER')) AS transferred,
	count(*) FILTER (WHERE event = 'RINGNOANSWER') AS ring_no_answer,
	sum(data1::numeric / 1000) FILTER (WHERE event = 'RINGNOANSWER') AS ring_seconds
FROM e WHERE event IN ('CONNECT', 'RINGNOANSWER') GROUP BY 1, 2$q$),
	-- (m::text: every column computed, as when the rows are sent)
	('monthly_report + operator_monthly', 'SELECT (SELECT count(*) FROM (SELECT m::text FROM asterisk_kpi.monthly_report m) a) + (SELECT count(*) FROM (SELECT o::text FROM asterisk_kpi.operator_monthly o) b)');
-- interleaved rounds, one warm-up, the median; each query run by EXECUTE
-- (every row and figure computed, nothing sent to the client)
SELECT pg_temp.time_group('sources', 'asterisk', :reps) \g /dev/null

\echo
\echo '| family | KPI | query | ms | x hand SQL |'
\echo '|---|---|---|---:|---:|'
SELECT format('| sources | asterisk | %s | %s | %s |', c.what, c.ms,
	CASE c.what WHEN 'monthly_report' THEN round(c.ms / (SELECT ms FROM cases WHERE what = 'hand SQL: monthly per queue'), 2)::text
		WHEN 'operator_monthly' THEN round(c.ms / (SELECT ms FROM cases WHERE what = 'hand SQL: per agent'), 2)::text ELSE '' END)
FROM cases c ORDER BY c.n \g (format=unaligned tuples_only)
\endif
