-- tools/checks/fixture_states.sql -- tables holding a column of every type the
-- extension owns, filled by the real aggregates over varied data: NULL inputs
-- (NULL states), one-row groups, groups past 1024 values (the expanded
-- duration_values form) and contacts past 32 events (the expanded timeline
-- form), calendars with holidays, dated hours and POSIX zones; in schema ops
-- (not public) and in public.  Used by dump_restore.sh.
--
-- Run with the extension's schema on the search_path.  Random data is fine:
-- the checks compare copies of the stored values, not expected figures.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SELECT setseed(0.4242) \g /dev/null
CREATE SCHEMA ops;

-- the transition states of the aggregates that have a final function, kept
-- as they are (what Citus ships between nodes, and what a user may store)
CREATE AGGREGATE ops.values_agg(double precision) (
	SFUNC = duration_values_accum, STYPE = duration_values, COMBINEFUNC = duration_values_combine);
CREATE AGGREGATE ops.values_agg(double precision, double precision[]) (
	SFUNC = duration_values_accum, STYPE = duration_values, COMBINEFUNC = duration_values_combine);
CREATE AGGREGATE ops.timeline_state(contact_event_kind, timestamptz, contact_party, text) (
	SFUNC = contact_timeline_accum, STYPE = contact_timeline_state, COMBINEFUNC = contact_timeline_combine);

-- raw rows: groups of 5 (all NULL), 1, 2, 7, 50, 300, 1500 and 3000 rows
CREATE TABLE ops.raw AS
SELECT g, i,
	CASE WHEN g = 1 OR random() < 0.05 THEN NULL ELSE floor(random() * 11)::int END AS score,
	CASE WHEN g = 1 THEN NULL ELSE random() < 0.3 END AS flag,
	CASE WHEN g = 1 THEN NULL ELSE make_interval(secs => round((random() * 120)::numeric, 3)::float8) END AS wait,
	random() < 0.8 AS answered,
	make_interval(secs => round((random() * 600)::numeric, 2)::float8) AS talk,
	make_interval(secs => floor(random() * 60)::float8) AS hold,
	make_interval(secs => floor(random() * 90)::float8) AS wrap,
	round((random() * 3600)::numeric, 1)::float8 AS busy,
	CASE WHEN g = 1 THEN NULL ELSE round((3600 + random() * 3600)::numeric, 1)::float8 END AS avail,
	CASE WHEN g = 1 THEN NULL
		ELSE CASE WHEN random() < 0.1 THEN 0 ELSE exp(random() * 12) END END AS dur,
	'2026-01-05 08:00+00'::timestamptz + make_interval(mins => i * 7) AS opened
FROM (VALUES (1, 5), (2, 1), (3, 2), (4, 7), (5, 50), (6, 300), (7, 1500), (8, 3000)) sz(g, n),
	generate_series(1, n) i;

CREATE TABLE ops.states AS
SELECT g AS id,
	nps_agg(score) AS nps, ces_agg(score % 7 + 1) AS ces, ces_agg(score % 10 + 1, 10) AS ces10,
	csat_agg(score % 5 + 1) AS csat, csat_agg(score % 10 + 1, 10) AS csat10,
	share_agg(flag) AS share,
	queue_agg(wait, answered, '20 s') AS queue,
	queue_agg(wait, answered, '20 s', '5 s', 'ignore_early') AS queue_excl,
	queue_agg(extract(epoch FROM wait)::float8, answered, 30, 3, 'answered_only') AS queue_secs,
	queue_agg(opened, CASE WHEN answered THEN opened + wait END, '15 s') AS queue_ts,
	handle_agg(talk, hold, wrap) AS handle, handle_agg(busy) AS handle_secs,
	occupancy_agg(busy, avail) AS occupancy,
	duration_agg(dur) AS sketch, resolution_time_agg(opened, opened + make_interval(secs => dur)) AS sketch_ts,
	ops.values_agg(dur) AS dvalues, ops.values_agg(dur, '{0.1,0.5,0.9,0.99}') AS dvalues_multi
FROM ops.raw GROUP BY g;

-- non-NULL empty states (no responses, no contacts), from their text forms
INSERT INTO ops.states (id, nps, ces, csat10, share, queue, handle, occupancy, dvalues) VALUES (100,
	'{"version":1,"kind":"nps","scale":[0,10],"counts":[0,0,0,0,0,0,0,0,0,0,0]}',
	'{"version":1,"kind":"ces","scale":[1,7],"counts":[0,0,0,0,0,0,0]}',
	'{"version":1,"kind":"csat","scale":[1,10],"counts":[0,0,0,0,0,0,0,0,0,0]}',
	'{"version":1,"kind":"share","hits":0,"total":0}',
	'{"version":1,"kind":"queue","policy":"against","answered":0,"answered_within":0,"abandoned":0,"abandoned_within":0,"short_abandoned":0,"answered_wait_us":0}',
	'{"version":1,"kind":"handle","handled":0,"handle_us":0}',
	'{"version":1,"kind":"occupancy","periods":0,"busy_us":0,"available_us":0}',
	'{"version":1,"percentiles":[0.5],"array":false,"values":[]}');
-- rollups of the stored states, and a state from its text form
INSERT INTO ops.states (id, nps, ces, csat, share, queue, handle, occupancy, sketch)
SELECT 200, rollup(nps), rollup(ces), rollup(csat), rollup(share), rollup(queue), rollup(handle),
	rollup(occupancy), rollup(sketch) FROM ops.states WHERE id < 100;
INSERT INTO ops.states (id, nps, dvalues)
VALUES (300, '{"version":1,"kind":"nps","scale":[0,10],"counts":[1,0,0,0,0,0,0,0,0,0,1]}',
	'{"version":1,"percentiles":[0.5],"array":false,"values":[0,1.5,1e-6,86400]}');

-- operator time (issue 18): per-bucket arrays and single states of
-- agent_time and concurrency, and their running (log) states, kept through
-- transition-only aggregates; day buckets in Europe/Berlin
CREATE AGGREGATE ops.agent_time_log(timestamptz, text, interval, timestamptz, timestamptz, text) (
	SFUNC = agent_time_accum, STYPE = agent_time_log_state);
CREATE AGGREGATE ops.concurrency_log(timestamptz, timestamptz, interval, timestamptz, timestamptz, text) (
	SFUNC = concurrency_accum, STYPE = concurrency_log_state);
CREATE TABLE ops.operator_time AS
SELECT g AS id,
	agent_time(opened, CASE WHEN answered THEN 'ready' ELSE 'call' END, '1 day', '2026-01-05', '2026-01-25', 'Europe/Berlin' ORDER BY opened) AS agent_days,
	ops.agent_time_log(opened, CASE WHEN answered THEN 'ready' ELSE 'call' END, '1 day', '2026-01-05', '2026-01-25', 'Europe/Berlin' ORDER BY opened) AS agent_log,
	concurrency(opened, CASE WHEN g = 1 THEN NULL ELSE opened + talk * 4 END, '1 day', '2026-01-05', '2026-01-25', 'Europe/Berlin' ORDER BY opened) AS chat_days,
	ops.concurrency_log(opened, CASE WHEN g = 1 THEN NULL ELSE opened + talk * 4 END, '1 day', '2026-01-05', '2026-01-25', 'Europe/Berlin' ORDER BY opened) AS chat_log
FROM ops.raw GROUP BY g;
ALTER TABLE ops.operator_time ADD agent agent_time_state, ADD chats concurrency_state;
UPDATE ops.operator_time SET agent = (SELECT rollup(a) FROM unnest(agent_days) a), chats = (SELECT rollup(c) FROM unnest(chat_days) c);

-- contacts: 0 (all NULL), 1, 2, 3, ... events; contacts 30..32 past the
-- 32 events a plain timeline state holds
CREATE TABLE ops.events AS
SELECT c * 1000 + e AS id, c, e,
	CASE WHEN c = 1 THEN NULL
		WHEN e = 1 THEN 'offered'
		WHEN e = 2 THEN 'assigned'
		ELSE (ARRAY['customer_message', 'operator_message', 'customer_message', 'bot_message',
			'operator_message', 'transferred', 'hold_start', 'hold_end', 'reopened',
			'resolved'])[1 + floor(random() * 10)::int]
	END::contact_event_kind AS kind,
	'2026-02-02 09:00+00'::timestamptz + make_interval(secs => e * 45 + floor(random() * 40)::int) AS at,
	CASE WHEN random() < 0.3 THEN 'operator'::contact_party END AS party,
	CASE WHEN random() < 0.5 THEN 'op' || (c % 4) END AS operator_id
FROM (SELECT c, CASE WHEN c = 30 THEN 33 WHEN c = 31 THEN 100 WHEN c = 32 THEN 700 ELSE c END AS n
	FROM generate_series(1, 32) c) sz,
	generate_series(1, n) e;
-- messages are sent by their own party
UPDATE ops.events SET party = NULL
WHERE kind IN ('customer_message', 'operator_message', 'bot_message');

CREATE TABLE ops.timelines AS
SELECT c AS id,
	ops.timeline_state(kind, at, party, operator_id) AS tstate,
	contact_timeline(kind, at, party, operator_id) AS timeline,
	contact_timeline(kind::text, at) AS timeline_text,
	contact_timeline(ROW(kind, at, party, operator_id)::contact_event) AS timeline_row,
	min(kind) AS first_kind, max(party) AS last_party,
	(array_agg(ROW(kind, at, party, operator_id)::contact_event ORDER BY e))[1] AS first_event,
	CASE WHEN c < 10 THEN array_agg(ROW(kind, at, party, operator_id)::contact_event ORDER BY e) END AS events
FROM ops.events GROUP BY c;

-- the composites of figures(), stored as a report would store them
CREATE TABLE ops.figures AS
SELECT s.id, figures(s.nps) AS nps_f, figures(s.ces) AS ces_f, figures(s.csat) AS csat_f,
	figures(s.share) AS share_f, figures(s.queue) AS queue_f, figures(s.handle) AS handle_f,
	figures(s.occupancy) AS occupancy_f, figures(s.sketch) AS sketch_f,
	(SELECT figures(t.timeline) FROM ops.timelines t ORDER BY t.id OFFSET s.id % 5 LIMIT 1) AS timeline_f
FROM ops.states s;

-- calendars: weekly hours, overnight hours, dated hours, holidays, POSIX zone
CREATE TABLE ops.calendars (id int PRIMARY KEY, cal business_calendar, cals business_calendar[]);
INSERT INTO ops.calendars VALUES
	(1, 'Europe/Berlin; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2026-12-24..2026-12-26', NULL),
	(2, 'europe/berlin; sat,sun 22:00-06:00; mon-fri 9:00-12:00, 12:00-17:00; holidays 2026-12-26, 2026-12-25; 2026-12-24 09:00-13:00', NULL),
	(3, 'America/New_York; Mon-Sun 00:00-24:00', NULL),
	(4, 'UTC+3; Mon-Fri 08:30-17:15; 2026-03-09 10:00-12:00; holidays 2026-03-02..2026-03-06, 2026-05-01', NULL),
	(5, NULL, ARRAY['UTC; Mon-Fri 09:00-17:00', 'Asia/Tokyo; Mon-Sat 10:00-19:00; holidays 2026-01-01..2026-01-03']::business_calendar[]),
	(6, 'UTC; Mon 09:00-10:00', ARRAY[NULL, 'Europe/London; Tue 09:00-10:00']::business_calendar[]);

-- public schema: arrays of states (one per month) and single values
CREATE TABLE public.state_arrays AS
SELECT 1 AS id, array_agg(nps ORDER BY id) AS nps, array_agg(sketch ORDER BY id) AS sketches,
	array_agg(dvalues ORDER BY id) AS dvalues, array_agg(queue ORDER BY id) AS queues
FROM ops.states WHERE id < 100;
CREATE TABLE public.kinds AS
SELECT k.ord AS id, k.kind, p.party, ROW(k.kind, '2026-01-01 00:00+00', p.party, NULL)::contact_event AS ev
FROM unnest(enum_range(NULL::contact_event_kind)) WITH ORDINALITY k(kind, ord)
	LEFT JOIN unnest(enum_range(NULL::contact_party)) WITH ORDINALITY p(party, pord) ON p.pord = k.ord;

-- a materialized view of states rolled up from the stored ones
CREATE MATERIALIZED VIEW ops.monthly AS
SELECT id % 3 AS id, rollup(nps) AS nps, rollup(ces) AS ces, rollup(queue) AS queue,
	rollup(sketch) AS sketch, rollup(handle) AS handle
FROM ops.states WHERE id < 100 GROUP BY id % 3;
RESET client_min_messages;
