-- bench/voice.sql: customer-voice KPIs (nps, ces, csat), shares and Erlang C against hand-written
-- SQL and against the floor.  Run by bench/run.sh (psql variables rows, reps).
\pset pager off
SET jit = off;
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS support_kpi;
CREATE EXTENSION IF NOT EXISTS tdigest;

DROP TABLE IF EXISTS bench_votes;
-- s: NPS 0..10, c: CES 1..7, q: CSAT 1..5, g: 1000 groups, g2: 100 000 groups; ~4 % NULL scores
CREATE TABLE bench_votes AS
SELECT CASE WHEN h % 25 = 0 THEN NULL ELSE h % 11 END AS s,
	(h / 11) % 7 + 1 AS c,
	CASE WHEN (h / 77) % 25 = 0 THEN NULL ELSE (h / 77) % 5 + 1 END AS q,
	i % 1000 AS g,
	CASE WHEN (h / 385) % 25 = 0 THEN NULL ELSE (h / 385) % 100 < 17 END AS t,
	((h / 1925) % 600) / 10.0::float8 AS w,
	((h / 7) % 6000) / 10.0::float8 AS talk,
	CASE WHEN (h / 13) % 3 = 0 THEN NULL ELSE ((h / 13) % 600) / 10.0::float8 END AS hold,
	((h / 17) % 1200) / 10.0::float8 AS wrap,
	(h / 1155) % 100 >= 8 AS a,
	-- resolution time in seconds, skewed (most within hours, a tail of weeks); ~10 % unresolved
	CASE WHEN (h / 41) % 10 = 0 THEN NULL ELSE ((h / 31) % 100000) * ((h / 37) % 100 + 1) / 10.0::float8 END AS res,
	i AS id,
	i % 100000 AS g2
FROM (SELECT i, abs(hashint4(i)) AS h FROM generate_series(1, :rows) i) x;
VACUUM ANALYZE bench_votes;
CREATE TABLE bench_small AS SELECT * FROM bench_votes WHERE id <= 1000000;
CREATE INDEX ON bench_small (id);
VACUUM ANALYZE bench_small;

\ir run_once.psql

CREATE TEMP TABLE cases (n serial, family text, kpi text, what text, q text, times float8[] DEFAULT '{}', ms numeric);
INSERT INTO cases (family, kpi, what, q) VALUES
	('serial', 'floor', 'count(*)', 'SELECT count(*) FROM bench_votes'),
	('serial', 'nps', 'floor: sum(s)', 'SELECT sum(s) FROM bench_votes'),
	('serial', 'nps', 'nps(s)', 'SELECT nps(s) FROM bench_votes'),
	('serial', 'nps', 'nps_agg(s) (two-step state)', 'SELECT nps_agg(s) FROM bench_votes'),
	('serial', 'nps', 'hand SQL', 'SELECT (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) * 100.0 / count(s) FROM bench_votes'),
	('serial', 'ces', 'floor: sum(c)', 'SELECT sum(c) FROM bench_votes'),
	('serial', 'ces', 'ces(c)', 'SELECT ces(c) FROM bench_votes'),
	('serial', 'ces', 'ces(c, 7)', 'SELECT ces(c, 7) FROM bench_votes'),
	('serial', 'ces', 'hand SQL: avg(c)', 'SELECT avg(c) FROM bench_votes'),
	('serial', 'csat', 'floor: sum(q)', 'SELECT sum(q) FROM bench_votes'),
	('serial', 'csat', 'csat(q)', 'SELECT csat(q) FROM bench_votes'),
	('serial', 'csat', 'hand SQL', 'SELECT count(*) FILTER (WHERE q >= 4) * 100.0 / count(q) FROM bench_votes'),
	('serial', 'share', 'floor: count(t)', 'SELECT count(t) FROM bench_votes'),
	('serial', 'share', 'transfer_rate(t)', 'SELECT transfer_rate(t) FROM bench_votes'),
	('serial', 'share', 'hand SQL', 'SELECT count(*) FILTER (WHERE t) * 100.0 / count(t) FROM bench_votes'),
	('serial', 'sl', 'floor: sum(w), count(a)', 'SELECT sum(w), count(a) FROM bench_votes'),
	('serial', 'sl', 'sl_pct(w, a, 20)', 'SELECT sl_pct(w, a, 20) FROM bench_votes'),
	('serial', 'sl', 'sl_pct(w, a, 20, 5, ''ignore_early'')', 'SELECT sl_pct(w, a, 20, 5, ''ignore_early'') FROM bench_votes'),
	('serial', 'sl', 'abandon_rate(w, a)', 'SELECT abandon_rate(w, a) FROM bench_votes'),
	('serial', 'sl', 'asa(w, a)', 'SELECT asa(w, a) FROM bench_votes'),
	('serial', 'sl', 'hand SQL: 100.0 * count(*) FILTER (WHERE a AND w <= 20) / count(*)', 'SELECT 100.0 * count(*) FILTER (WHERE a AND w <= 20) / count(*) FROM bench_votes'),
	('serial', 'aht', 'floor: sum(talk), sum(hold), sum(wrap)', 'SELECT sum(talk), sum(hold), sum(wrap) FROM bench_votes'),
	('serial', 'aht', 'aht(talk, hold, wrap)', 'SELECT aht(talk, hold, wrap) FROM bench_votes'),
	('serial', 'aht', 'occupancy(talk, wrap)', 'SELECT occupancy(talk, wrap) FROM bench_votes'),
	('serial', 'aht', 'hand SQL', 'SELECT avg(coalesce(talk, 0) + coalesce(hold, 0) + coalesce(wrap, 0)) FILTER (WHERE talk IS NOT NULL OR hold IS NOT NULL OR wrap IS NOT NULL) FROM bench_votes'),
	('grouped', 'nps', 'floor: sum(s) GROUP BY g', 'SELECT g, sum(s) FROM bench_votes GROUP BY g'),
	('grouped', 'nps', 'nps(s) GROUP BY g', 'SELECT g, nps(s) FROM bench_votes GROUP BY g'),
	('grouped', 'nps', 'hand SQL GROUP BY g', 'SELECT g, (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) * 100.0 / count(s) FROM bench_votes GROUP BY g'),
	('parallel', 'nps', 'floor: sum(s), 2 workers', 'SELECT sum(s) FROM bench_votes'),
	('parallel', 'nps', 'nps(s), 2 workers', 'SELECT nps(s) FROM bench_votes'),
	('parallel', 'nps', 'hand SQL, 2 workers', 'SELECT (count(*) FILTER (WHERE s >= 9) - count(*) FILTER (WHERE s <= 6)) * 100.0 / count(s) FROM bench_votes'),
	('window', 'nps', 'floor: sum(s) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT sum(s) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'nps', 'nps(s) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT nps(s) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'nps', 'hand SQL OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT (count(*) FILTER (WHERE s >= 9) OVER w - count(*) FILTER (WHERE s <= 6) OVER w) * 100.0 / NULLIF(count(s) OVER w, 0) x FROM bench_small WINDOW w AS (ORDER BY id ROWS 29 PRECEDING)) w'),
	('window', 'nps', 'nps(s) OVER 300 rows, 1M rows', 'SELECT count(x) FROM (SELECT nps(s) OVER (ORDER BY id ROWS 299 PRECEDING) x FROM bench_small) w'),
	('window', 'csat', 'floor: sum(q) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT sum(q) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'csat', 'csat(q) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT csat(q) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'csat', 'hand SQL OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT count(*) FILTER (WHERE q >= 4) OVER w * 100.0 / NULLIF(count(q) OVER w, 0) x FROM bench_small WINDOW w AS (ORDER BY id ROWS 29 PRECEDING)) w'),
	('window', 'sl', 'floor: count(a) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT count(a) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) z'),
	('window', 'sl', 'sl_pct OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT sl_pct(w, a, 20) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) z'),
	('window', 'sl', 'hand SQL OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT count(*) FILTER (WHERE a AND w <= 20) OVER v * 100.0 / NULLIF(count(*) OVER v, 0) x FROM bench_small WINDOW v AS (ORDER BY id ROWS 29 PRECEDING)) z'),
	('window', 'sl', 'sum(w) OVER 30 rows, 1M rows (double precision: no inverse, O(frame) per row)', 'SELECT count(x) FROM (SELECT sum(w) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) z'),
	('serial', 'median', 'floor: sum(res)', 'SELECT sum(res) FROM bench_votes'),
	('serial', 'median', 'resolution_time(res)', 'SELECT resolution_time(res) FROM bench_votes'),
	('serial', 'median', 'resolution_time(res, ARRAY[0.5, 0.9])', 'SELECT resolution_time(res, ARRAY[0.5, 0.9]) FROM bench_votes'),
	('serial', 'median', 'hand SQL: percentile_cont(0.5)', 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes'),
	('serial', 'median', 'percentile_cont(ARRAY[0.5, 0.9])', 'SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY res) FROM bench_votes'),
	('grouped', 'median', 'floor: sum(res) GROUP BY g', 'SELECT g, sum(res) FROM bench_votes GROUP BY g'),
	('grouped', 'median', 'resolution_time(res) GROUP BY g', 'SELECT g, resolution_time(res) FROM bench_votes GROUP BY g'),
	('grouped', 'median', 'hand SQL: percentile_cont(0.5) GROUP BY g', 'SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes GROUP BY g'),
	('grouped', 'median-100k', 'floor: sum(res) GROUP BY g2 (100 000 groups)', 'SELECT g2, sum(res) FROM bench_votes GROUP BY g2'),
	('grouped', 'median-100k', 'resolution_time(res) GROUP BY g2', 'SELECT g2, resolution_time(res) FROM bench_votes GROUP BY g2'),
	('grouped', 'median-100k', 'hand SQL: percentile_cont(0.5) GROUP BY g2', 'SELECT g2, percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes GROUP BY g2'),
	('parallel', 'median', 'floor: sum(res), 2 workers', 'SELECT sum(res) FROM bench_votes'),
	('parallel', 'median', 'resolution_time(res), 2 workers', 'SELECT resolution_time(res) FROM bench_votes'),
	('parallel', 'median', 'hand SQL: percentile_cont(0.5) (no parallel plan)', 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes'),
	('window', 'median', 'floor: sum(res) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT sum(res) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'median', 'resolution_time(res) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT resolution_time(res) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'median', 'resolution_time(res) OVER 300 rows, 1M rows', 'SELECT count(x) FROM (SELECT resolution_time(res) OVER (ORDER BY id ROWS 299 PRECEDING) x FROM bench_small) w'),
	('window', 'median', 'resolution_time(res) OVER 3000 rows, 1M rows', 'SELECT count(x) FROM (SELECT resolution_time(res) OVER (ORDER BY id ROWS 2999 PRECEDING) x FROM bench_small) w'),
	('window', 'median-10k', 'resolution_time(res) OVER 30 rows, 10k rows', 'SELECT count(x) FROM (SELECT resolution_time(res) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small WHERE id <= 10000) w'),
	('window', 'median-10k', 'hand SQL: percentile_cont per 30-row frame (LATERAL on an index), 10k rows', 'SELECT count(x) FROM bench_small b1, LATERAL (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY b2.res) x FROM bench_small b2 WHERE b2.id BETWEEN b1.id - 29 AND b1.id) l WHERE b1.id <= 10000'),
	('serial', 'percentile', 'floor: sum(res)', 'SELECT sum(res) FROM bench_votes'),
	('serial', 'percentile', 'sketch: duration_median(duration_agg(res))', 'SELECT duration_median(duration_agg(res)) FROM bench_votes'),
	('serial', 'percentile', 'tdigest_percentile(res, 100, 0.5)', 'SELECT tdigest_percentile(res, 100, 0.5) FROM bench_votes'),
	('serial', 'percentile', 'exact: resolution_time(res)', 'SELECT resolution_time(res) FROM bench_votes'),
	('serial', 'percentile', 'hand SQL: percentile_cont(0.5)', 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes'),
	('grouped', 'percentile', 'floor: sum(res) GROUP BY g', 'SELECT g, sum(res) FROM bench_votes GROUP BY g'),
	('grouped', 'percentile', 'sketch GROUP BY g', 'SELECT g, duration_median(duration_agg(res)) FROM bench_votes GROUP BY g'),
	('grouped', 'percentile', 'tdigest GROUP BY g', 'SELECT g, tdigest_percentile(res, 100, 0.5) FROM bench_votes GROUP BY g'),
	('grouped', 'percentile', 'exact GROUP BY g', 'SELECT g, resolution_time(res) FROM bench_votes GROUP BY g'),
	('grouped', 'percentile', 'hand SQL: percentile_cont(0.5) GROUP BY g', 'SELECT g, percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes GROUP BY g'),
	('parallel', 'percentile', 'floor: sum(res), 2 workers', 'SELECT sum(res) FROM bench_votes'),
	('parallel', 'percentile', 'sketch, 2 workers', 'SELECT duration_median(duration_agg(res)) FROM bench_votes'),
	('parallel', 'percentile', 'tdigest, 2 workers', 'SELECT tdigest_percentile(res, 100, 0.5) FROM bench_votes'),
	('parallel', 'percentile', 'exact, 2 workers', 'SELECT resolution_time(res) FROM bench_votes'),
	('parallel', 'percentile', 'hand SQL: percentile_cont(0.5) (no parallel plan)', 'SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY res) FROM bench_votes'),
	('window', 'percentile', 'floor: sum(res) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT sum(res) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'percentile', 'sketch: duration_median(duration_agg(res) OVER 30 rows), 1M rows', 'SELECT count(duration_median(x)) FROM (SELECT duration_agg(res) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'percentile', 'exact: resolution_time(res) OVER 30 rows, 1M rows', 'SELECT count(x) FROM (SELECT resolution_time(res) OVER (ORDER BY id ROWS 29 PRECEDING) x FROM bench_small) w'),
	('window', 'percentile', 'sketch OVER 300 rows, 1M rows', 'SELECT count(duration_median(x)) FROM (SELECT duration_agg(res) OVER (ORDER BY id ROWS 299 PRECEDING) x FROM bench_small) w'),
	('serial', 'fcr', 'floor: count(t)', 'SELECT count(t) FROM bench_votes'),
	('serial', 'fcr', 'fcr_rate(t)', 'SELECT fcr_rate(t) FROM bench_votes'),
	('serial', 'fcr', 'hand SQL', 'SELECT count(*) FILTER (WHERE t) * 100.0 / count(t) FROM bench_votes'),
	('window', 'repeat', 'floor: lead(ts) over customer, 1M rows', 'SELECT count(x) FROM (SELECT lead(ts) OVER (PARTITION BY g ORDER BY ts) x FROM bench_contacts) w'),
	('window', 'repeat', 'repeat_contact(ts, 7 days), 1M rows', 'SELECT count(x) FROM (SELECT repeat_contact(ts, ''7 days'') OVER (PARTITION BY g ORDER BY ts) x FROM bench_contacts) w'),
	('window', 'repeat', 'hand SQL: lead(ts) - ts <= 7 days, 1M rows', 'SELECT count(x) FROM (SELECT coalesce(lead(ts) OVER (PARTITION BY g ORDER BY ts) - ts <= interval ''7 days'', false) x FROM bench_contacts) w'),
	('calendar', 'business-5min', 'floor: sum(extract(epoch from e - s)), 5-minute ranges, 1M rows', 'SELECT sum(extract(epoch FROM e5 - s)) FROM bench_tickets'),
	('calendar', 'business-5min', 'business_seconds(cal, s, e), 5-minute ranges, 1M rows', 'SELECT sum(business_seconds(''Europe/Berlin; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2024-12-24..2024-12-26, 2025-01-01, 2025-12-24..2025-12-26'', s, e5)) FROM bench_tickets'),
	('calendar', 'business-year', 'floor: sum(extract(epoch from e - s)), ranges up to a year, 1M rows', 'SELECT sum(extract(epoch FROM eyear - s)) FROM bench_tickets'),
	('calendar', 'business-year', 'business_seconds(cal, s, e), ranges up to a year (DST changes inside), 1M rows', 'SELECT sum(business_seconds(''Europe/Berlin; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2024-12-24..2024-12-26, 2025-01-01, 2025-12-24..2025-12-26'', s, eyear)) FROM bench_tickets'),
	('calendar', 'business-add', 'floor: count(s + 1 hour), 1M rows', 'SELECT count(s + interval ''1 hour'') FROM bench_tickets'),
	('calendar', 'business-add', 'business_add(cal, s, 1 working hour), 1M rows', 'SELECT count(business_add(''Europe/Berlin; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2024-12-24..2024-12-26, 2025-01-01, 2025-12-24..2025-12-26'', s, 3600)) FROM bench_tickets'),
	('calendar', 'business-add', 'business_add(cal, s, 2000 working hours), 1M rows', 'SELECT count(business_add(''Europe/Berlin; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2024-12-24..2024-12-26, 2025-01-01, 2025-12-24..2025-12-26'', s, 7200000)) FROM bench_tickets'),
	('calendar', 'business-add', 'business_add(cal, s, 20 000 working hours), 1M rows', 'SELECT count(business_add(''Europe/Berlin; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2024-12-24..2024-12-26, 2025-01-01, 2025-12-24..2025-12-26'', s, 72000000)) FROM bench_tickets'),
	('rollup', 'nps', 'rollup of 1000 group states', 'SELECT nps(rollup(st)) FROM bench_states'),
	('staffing', 'erlang', 'erlang_c_agents for 100 Erlangs x 1000', 'SELECT sum(erlang_c_agents(1000 + g % 7, 1800, 180, 0.8, 20)) FROM generate_series(1, 1000) g'),
	('staffing', 'erlang', 'erlang_c_agents for 5000 Erlangs x 100', 'SELECT sum(erlang_c_agents(50000 + g % 7, 1800, 180, 0.8, 20)) FROM generate_series(1, 100) g'),
	('timeline', 'frt-art', 'floor: max(at) GROUP BY contact, ~12 events per contact (default plan)', 'SELECT count(m) FROM (SELECT c, max(at) m FROM bench_events GROUP BY c) s'),
	('timeline', 'frt-art', 'contact_timeline(kind, at) GROUP BY contact: FRT and ART', 'SELECT avg(first_response_time(t)), avg(avg_response_time(t)) FROM (SELECT c, contact_timeline(kind, at) t FROM bench_events GROUP BY c) s'),
	('timeline', 'frt-art', 'hand SQL: lag() + min() FILTER over the following rows, per conversation', 'SELECT avg(frt), avg(art) FROM (SELECT c, (array_agg(resp ORDER BY at))[1] frt, avg(resp) art FROM (SELECT c, at, extract(epoch FROM next_op - at) resp FROM (SELECT c, kind, at, lag(kind) OVER w prev, min(at) FILTER (WHERE kind = ''operator_message'') OVER (w ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) next_op FROM bench_events WHERE kind IN (''customer_message'', ''operator_message'') WINDOW w AS (PARTITION BY c ORDER BY at, kind)) x WHERE kind = ''customer_message'' AND prev IS DISTINCT FROM ''customer_message'' AND next_op IS NOT NULL) y GROUP BY c) z'),
	('timeline', 'frt', 'floor: max(at) GROUP BY contact (default plan)', 'SELECT count(m) FROM (SELECT c, max(at) m FROM bench_events GROUP BY c) s'),
	('timeline', 'frt', 'contact_timeline(kind, at) GROUP BY contact: FRT', 'SELECT avg(first_response_time(t)) FROM (SELECT c, contact_timeline(kind, at) t FROM bench_events GROUP BY c) s'),
	('timeline', 'frt', 'hand SQL: min() OVER + min() FILTER per conversation', 'SELECT avg(extract(epoch FROM fr - fc)) FROM (SELECT c, min(fc) fc, min(at) FILTER (WHERE kind = ''operator_message'' AND at >= fc) fr FROM (SELECT c, kind, at, min(at) FILTER (WHERE kind = ''customer_message'') OVER (PARTITION BY c) fc FROM bench_events) x GROUP BY c) y');

CREATE TABLE bench_contacts AS SELECT g, timestamptz '2026-01-01' + (abs(hashint4(id)) % 31536000) * interval '1 s' AS ts FROM bench_small;
VACUUM ANALYZE bench_contacts;
-- tickets: opened at a random second of 2024-2025, closed 0..5 minutes or 0..365 days later
CREATE TABLE bench_tickets AS
SELECT id, s, s + (h % 300) * interval '1 s' AS e5, s + (h % 31536000) * interval '1 s' AS eyear
FROM (SELECT id, abs(hashint4(id)) AS h, timestamptz '2024-01-01' + (abs(hashint4(id + 7)) % 63072000) * interval '1 s' AS s
	FROM bench_small) x;
VACUUM ANALYZE bench_tickets;
-- contact events: min(rows, 12 000 000) events, 12 per contact (1 million contacts at 12 million),
-- customer / operator / bot messages and assignments, resolves, at random minutes of the contact's day
CREATE TABLE bench_events AS
SELECT i / 12 AS c, (ARRAY['customer_message', 'customer_message', 'customer_message', 'operator_message',
		'operator_message', 'operator_message', 'bot_message', 'assigned', 'resolved'])[1 + h % 9]::contact_event_kind AS kind,
	timestamptz '2026-01-01' + (i / 12) * interval '30 s' + ((h / 9) % 600) * interval '1 s' AS at
FROM (SELECT i, abs(hashint4(i)) AS h FROM generate_series(0, least(:rows, 12000000) - 1) i) x;
VACUUM ANALYZE bench_events;
-- BENCH_ONLY: a regular expression on "family/kpi" selects the cases to run
DELETE FROM cases WHERE NOT (family || '/' || kpi) ~ :'only';
CREATE TABLE bench_states AS SELECT g, nps_agg(s) AS st FROM bench_votes GROUP BY g;

-- The queries of one family and KPI (the floor, the KPI, the hand-written SQL)
-- run interleaved, round after round, so a slow spell of the machine hits
-- them all alike; each gets one warm-up run, then the median of the rounds.
SELECT set_config('skpi.reps', :'reps', false);
DO $$
DECLARE grp record; reps int := current_setting('skpi.reps')::int;
BEGIN
	FOR grp IN SELECT family, kpi, min(n) AS first FROM cases GROUP BY 1, 2 ORDER BY 3 LOOP
		RESET max_parallel_workers_per_gather;
		RESET parallel_setup_cost;
		RESET parallel_tuple_cost;
		IF grp.family = 'parallel' THEN
			SET max_parallel_workers_per_gather = 2;
			SET parallel_setup_cost = 0;
			SET parallel_tuple_cost = 0;
		ELSIF grp.family <> 'timeline' THEN
			-- every family is serial but the timelines, measured in the default plan
			SET max_parallel_workers_per_gather = 0;
		END IF;
		PERFORM pg_temp.time_group(grp.family, grp.kpi, reps);
	END LOOP;
END $$;

\echo
\echo '| family | KPI | query | ms | x floor | x hand SQL |'
\echo '|---|---|---|---:|---:|---:|'
SELECT format('| %s | %s | %s | %s | %s | %s |', c.family, c.kpi, c.what, c.ms,
	CASE WHEN c.what NOT LIKE 'floor%' AND f.ms IS NOT NULL THEN round(c.ms / f.ms, 2)::text ELSE '' END,
	CASE WHEN c.what NOT LIKE 'hand%' AND c.what NOT LIKE 'floor%' AND h.ms IS NOT NULL THEN round(c.ms / h.ms, 2)::text ELSE '' END)
FROM cases c
LEFT JOIN LATERAL (SELECT ms FROM cases f WHERE f.family = c.family AND f.kpi = c.kpi AND f.what LIKE 'floor%' ORDER BY n LIMIT 1) f ON true
LEFT JOIN LATERAL (SELECT ms FROM cases h WHERE h.family = c.family AND h.kpi = c.kpi AND h.what LIKE 'hand%' ORDER BY n LIMIT 1) h ON true
ORDER BY c.n \g (format=unaligned tuples_only)

\echo
\echo 'State size (bytes) does not grow with the rows:'
SELECT (SELECT pg_column_size(nps_agg(s)) FROM bench_votes WHERE id <= 1000) AS nps_state_1k_rows,
	(SELECT pg_column_size(nps_agg(s)) FROM bench_votes) AS nps_state_all_rows,
	(SELECT pg_column_size(ces_agg(c)) FROM bench_votes) AS ces_state,
	(SELECT pg_column_size(csat_agg(q)) FROM bench_votes) AS csat_state;

-- Percentiles: the sketch, t-digest and the exact state side by side on the
-- same 10 million durations: value, relative error against percentile_cont,
-- state size, and whether the state depends on how the rows were split.
SELECT (:'only' = '.' OR 'serial/percentile' ~ :'only') AS run_percentiles \gset
\if :run_percentiles
\echo
\echo 'Percentiles of res (seconds) over' :rows 'rows: error relative to percentile_cont, state size:'
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE pct_exact AS
SELECT unnest(ARRAY[0.5, 0.9, 0.99]) AS p,
	unnest(percentile_cont(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY res)) AS exact FROM bench_votes;
CREATE TEMP TABLE pct_states AS
SELECT duration_agg(res) AS sk, tdigest(res, 100) AS td, count(res) AS n,
	resolution_time(res, ARRAY[0.5, 0.9, 0.99]) AS ex FROM bench_votes;
\echo
\echo '| p | percentile_cont | resolution_time (exact) | sketch | sketch error | tdigest(100) | tdigest error |'
\echo '|---|---:|---:|---:|---:|---:|---:|'
SELECT format('| %s | %s | %s | %s | %s %% | %s | %s %% |', e.p, round(e.exact::numeric, 1),
	round(s.ex[e.i]::numeric, 1), round(duration_percentile(s.sk, e.p)::numeric, 1),
	round((abs(duration_percentile(s.sk, e.p) - e.exact) / e.exact * 100)::numeric, 3),
	round(t.v::numeric, 1), round((abs(t.v - e.exact) / e.exact * 100)::numeric, 3))
FROM (SELECT row_number() OVER (ORDER BY p) AS i, * FROM pct_exact) e CROSS JOIN pct_states s
CROSS JOIN LATERAL (SELECT tdigest_percentile(td, e.p) AS v FROM pct_states) t
ORDER BY e.p \g (format=unaligned tuples_only)
\echo
SELECT pg_column_size(sk) AS sketch_bytes, length(sk::text) AS sketch_text_chars,
	pg_column_size(td) AS tdigest_bytes, n * 8 AS exact_values_bytes FROM pct_states;
-- split independence: serial, 2 workers, and a rollup of 1000 group states
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SELECT (SELECT duration_agg(res)::text FROM bench_votes) = (SELECT sk::text FROM pct_states) AS sketch_parallel_same_bytes,
	(SELECT rollup(st)::text FROM (SELECT duration_agg(res) st FROM bench_votes GROUP BY g) x) = (SELECT sk::text FROM pct_states) AS sketch_rollup_same_bytes,
	(SELECT tdigest(res, 100)::text FROM bench_votes) = (SELECT td::text FROM pct_states) AS tdigest_parallel_same_bytes,
	(SELECT tdigest(st)::text FROM (SELECT tdigest(res, 100) st FROM bench_votes GROUP BY g) x) = (SELECT td::text FROM pct_states) AS tdigest_rollup_same_bytes;
\endif
