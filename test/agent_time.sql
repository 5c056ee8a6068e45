-- pgTAP (issue 18): agent_time over status logs, the
-- open bugs of timescaledb-toolkit's state_agg as regression cases.
\set schema agent_time
\ir helpers.psql

SELECT plan(34);
SET TimeZone = 'UTC';

CREATE TABLE log (op text, at timestamptz, status text, id int);
-- toolkit#652 / #814: 11:30 off, 12:25 running, 13:17 idle; the hour 12:00-13:00
INSERT INTO log VALUES ('a', '2026-03-02 11:30', 'off', 1), ('a', '2026-03-02 12:25', 'running', 2),
	('a', '2026-03-02 13:17', 'idle', 3);
CREATE FUNCTION hours(o text, f timestamptz, t timestamptz) RETURNS TABLE (b timestamptz, st text, s float8)
LANGUAGE sql AS $$
	SELECT bucket_start(x), s.status, s.seconds
	FROM (SELECT unnest(agent_time(at, status, '1 hour', f, t ORDER BY at, id)) x FROM log WHERE op = o) u,
		status_times(x) s ORDER BY 1, 2 $$;

SELECT is((SELECT string_agg(format('%s %s %s', to_char(b, 'HH24:MI'), st, s), '; ') FROM hours('a', '2026-03-02 12:00', '2026-03-02 13:00')),
	'12:00 off 1500; 12:00 running 2100',
	'toolkit#652/#814: the status set before the window (off at 11:30) is carried in: off 25 min, running 35 min');
-- toolkit#780: one status, no transition in the bucket: the time to the bucket's end
SELECT is((SELECT string_agg(format('%s %s %s', to_char(b, 'HH24:MI'), st, s), '; ') FROM hours('a', '2026-03-02 14:00', '2026-03-02 15:00')),
	'14:00 idle 3600', 'toolkit#780: one status and no change in the bucket: the whole hour');
-- toolkit#479: buckets without an event inside one long status are rows too
SELECT is((SELECT count(*)::int FROM hours('a', '2026-03-02 13:00', '2026-03-02 18:00')), 6,
	'toolkit#479: every hour of 13:00-18:00 has rows (13:00 running and idle, 14:00..17:00 idle)');
-- toolkit#793: no period counted twice: each bucket's times add up to its length
SELECT is((SELECT count(*)::int FROM (SELECT b, sum(s) FROM hours('a', '2026-03-02 10:00', '2026-03-03 00:00')
	GROUP BY b HAVING sum(s) <> 3600) x), 0, 'toolkit#793: the times of every hour add up to 3600 s, none doubled');
SELECT is((SELECT sum(s) FROM hours('a', '2026-03-02 10:00', '2026-03-02 12:00') WHERE st IS NULL), 5400::float8,
	'before the first known status: unknown time (10:00-11:30)');

-- a day across the spring DST change in Berlin is 23 hours; days roll up into the month exactly
SELECT is((SELECT string_agg((span_seconds(x) / 3600)::text, ',') FROM (SELECT unnest(agent_time(at, status, '1 day',
		'2026-03-28 00:00 Europe/Berlin', '2026-03-31 00:00 Europe/Berlin', 'Europe/Berlin' ORDER BY at)) x FROM log) u),
	'24,23,24', 'day buckets in Europe/Berlin: 24, 23 (DST), 24 hours');
SELECT is((SELECT rollup(x)::text FROM (SELECT unnest(agent_time(at, status, '1 day', '2026-03-01', '2026-04-01', 'UTC' ORDER BY at)) x FROM log) u),
	(SELECT unnest(agent_time(at, status, '1 month', '2026-03-01', '2026-04-01', 'UTC' ORDER BY at))::text FROM log),
	'the days of March rolled up equal the month bucket');

-- out of order: a clear error
SELECT throws_ok($$SELECT agent_time(at, status, '1 hour', '2026-03-02', '2026-03-03') FROM (SELECT * FROM log ORDER BY at DESC) s$$,
	'22023', 'agent_time rows out of time order', 'rows out of time order: 22023');
SELECT throws_ok($$SELECT agent_time(at, status, '-1 hour', '2026-03-02', '2026-03-03' ORDER BY at) FROM log$$,
	'22023', NULL, 'a negative width: 22023');
-- width, from, to and time zone: the same on every row of a group (checked where they come from columns)
CREATE TABLE args (op text, at timestamptz, status text, w interval, f timestamptz, t timestamptz, z text);
INSERT INTO args VALUES ('same', '2026-03-02 09:00', 'ready', '1 hour', '2026-03-02', '2026-03-03', 'UTC'),
	('same', '2026-03-02 10:00', 'call', '1 hour', '2026-03-02', '2026-03-03', 'UTC'),
	('to', '2026-03-02 09:00', 'ready', '1 hour', '2026-03-02', '2026-03-03', 'UTC'),
	('to', '2026-03-02 10:00', 'call', '1 hour', '2026-03-02', '2026-03-04', 'UTC'),
	('zone', '2026-03-02 09:00', 'ready', '1 day', '2026-03-02', '2026-03-04', 'UTC'),
	('zone', '2026-03-02 10:00', 'call', '1 day', '2026-03-02', '2026-03-04', 'Europe/Berlin');
SELECT is((SELECT agent_time(at, status, w, f, t, z ORDER BY at)::text FROM args WHERE op = 'same'),
	(SELECT agent_time(at, status, '1 hour', '2026-03-02', '2026-03-03', 'UTC' ORDER BY at)::text FROM args WHERE op = 'same'),
	'parameters from columns, the same on every row: the result of constants');
SELECT throws_ok($$SELECT agent_time(at, status, w, f, t, z ORDER BY at) FROM args WHERE op = 'to'$$,
	'22023', 'agent_time''s width, from, to and time zone must be the same on every row of a group',
	'a group whose second row passes another "to": 22023');
SELECT throws_ok($$SELECT agent_time(at, status, w, f, t, z ORDER BY at) FROM args WHERE op = 'zone'$$,
	'22023', 'agent_time''s width, from, to and time zone must be the same on every row of a group',
	'a group whose second row passes another time zone: 22023');
SELECT throws_ok($$SELECT agent_time(at, status, w, f, t ORDER BY at) FROM args WHERE op = 'to'$$,
	'22023', 'agent_time''s width, from and to must be the same on every row of a group',
	'the same without a time zone argument: 22023');
SELECT throws_ok($$SELECT agent_time(at, status, NULL, NULL, w, f, t, z ORDER BY at) FROM args WHERE op = 'zone'$$,
	'22023', 'agent_time''s width, from, to and time zone must be the same on every row of a group',
	'the same in the form with a schedule: 22023');
SELECT is((SELECT string_agg(span_seconds(x)::text, ',') FROM (SELECT unnest(agent_time(at, status, '2562047788 hours',
		'2026-03-01', '2026-04-01', 'UTC' ORDER BY at)) x FROM log) u), '2678400',
	'a width near the largest interval: one bucket, the whole period (no overflow)');

-- schedule adherence: the status log and the schedule in one ordered input. Planned work 09:00-12:00,
-- a break 12:00-12:30, work 12:30-17:00 (8 h scheduled); statuses ready 09:00, call 10:00, ready 10:30,
-- lunch 12:00, ready 12:40, offline 17:00: by hand, adherent 3 h + 30 min + 4 h 20 min = 28 200 s of
-- 28 800 (lunch 12:30-12:40 in planned work is not), logged in 09:00-17:00 = 28 800 s
CREATE TABLE st (at timestamptz, status text);
INSERT INTO st VALUES ('2026-03-02 09:00', 'ready'), ('2026-03-02 10:00', 'call'), ('2026-03-02 10:30', 'ready'),
	('2026-03-02 12:00', 'lunch'), ('2026-03-02 12:40', 'ready'), ('2026-03-02 17:00', 'offline');
CREATE TABLE sched (f timestamptz, t timestamptz, act text);
INSERT INTO sched VALUES ('2026-03-02 09:00', '2026-03-02 12:00', 'work'), ('2026-03-02 12:00', '2026-03-02 12:30', 'break'),
	('2026-03-02 12:30', '2026-03-02 17:00', 'work');
CREATE TABLE day_state AS
WITH ev AS (SELECT at, status, NULL::text AS act, NULL::timestamptz AS until FROM st
	UNION ALL SELECT f, NULL, act, t FROM sched)
SELECT unnest(agent_time(at, status, act, until, '1 day', '2026-03-02', '2026-03-03', 'UTC' ORDER BY at)) AS b FROM ev;
SELECT is((SELECT string_agg(coalesce(activity, '-') || '/' || coalesce(status, '?') || '=' || seconds, ' ') FROM day_state, status_times(b)),
	'-/?=32400 -/offline=25200 break/lunch=1800 work/call=1800 work/lunch=600 work/ready=24600',
	'time per planned activity and status, split where the plan changes');
SELECT is((SELECT adherence(b, j) || ' ' || conformance(b, j) FROM day_state,
	(SELECT '{"ready":"available","call":"handling","lunch":"break","offline":"logged_out","work":"available","break":"break"}'::jsonb j) c),
	(28200 * 100.0 / 28800) || ' ' || (28800 * 100.0 / 28800), 'adherence 28 200 / 28 800, conformance 28 800 / 28 800');

-- across midnight and a month end (UTC): ready 20:00, call 22:00, ready 23:30, logged out 01:00.
-- By hand: Jan 31 unknown 72 000, ready 7 200 + 1 800, call 5 400; Feb 1 ready 3 600, logged out 82 800
CREATE TABLE night (at timestamptz, status text, id int);
INSERT INTO night VALUES ('2026-01-31 20:00', 'Ready', 1), ('2026-01-31 22:00', 'Call', 2),
	('2026-01-31 23:30', 'Ready', 3), ('2026-02-01 01:00', 'Logged out', 4);
CREATE FUNCTION night_times(w interval, f timestamptz, t timestamptz) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(format('%s %s=%s', to_char(bucket_start(x), 'MM-DD'), coalesce(s.status, '?'), s.seconds), '; ')
	FROM (SELECT unnest(agent_time(at, status, w, f, t, 'UTC' ORDER BY at, id)) x FROM night) u, status_times(x) s $$;
SELECT is(night_times('1 day', '2026-01-31', '2026-02-02'),
	'01-31 ?=72000; 01-31 Call=5400; 01-31 Ready=9000; 02-01 Logged out=82800; 02-01 Ready=3600',
	'logged in across midnight: each day gets its part');
SELECT is(night_times('1 month', '2026-01-01', '2026-03-01'),
	'01-01 ?=2664000; 01-01 Call=5400; 01-01 Ready=9000; 02-01 Logged out=2415600; 02-01 Ready=3600',
	'across a month end: January and February by hand (31 and 28 days)');
SELECT is((SELECT array_agg(m ORDER BY b)::text FROM (SELECT date_trunc('month', bucket_start(x) AT TIME ZONE 'UTC') b, rollup(x)::text m
		FROM (SELECT unnest(agent_time(at, status, '1 day', '2026-01-01', '2026-03-01', 'UTC' ORDER BY at, id)) x FROM night) u GROUP BY 1) r),
	(SELECT array_agg(x::text)::text FROM (SELECT unnest(agent_time(at, status, '1 month', '2026-01-01', '2026-03-01', 'UTC' ORDER BY at, id)) x FROM night) u),
	'59 days rolled up by month equal the two month buckets, byte for byte');
-- duplicates and rows at one instant
SELECT is((SELECT array_agg(x::text)::text FROM (SELECT unnest(agent_time(at, status, '1 day', '2026-01-31', '2026-02-02', 'UTC' ORDER BY at, id)) x
		FROM (SELECT * FROM night UNION ALL SELECT * FROM night) d) u),
	(SELECT array_agg(x::text)::text FROM (SELECT unnest(agent_time(at, status, '1 day', '2026-01-31', '2026-02-02', 'UTC' ORDER BY at, id)) x FROM night) u),
	'every row twice (a duplicated export): the same figures');
SELECT is(night_times('1 day', '2026-01-31', '2026-02-01'), '01-31 ?=72000; 01-31 Call=5400; 01-31 Ready=9000',
	'the control day');
INSERT INTO night VALUES ('2026-01-31 22:00', 'Break', 5);
SELECT is(night_times('1 day', '2026-01-31', '2026-02-01'), '01-31 ?=72000; 01-31 Break=5400; 01-31 Ready=9000',
	'two statuses at one instant: the later in the aggregate''s order (id 5) stays in force, the other gets 0 s');
DELETE FROM night WHERE id = 5;
INSERT INTO night VALUES ('2026-01-31 21:00', NULL, 6), (NULL, 'Break', 7), ('2026-02-05 00:00', 'Break', 8);
SELECT is(night_times('1 day', '2026-01-31', '2026-02-02'),
	'01-31 ?=72000; 01-31 Call=5400; 01-31 Ready=9000; 02-01 Logged out=82800; 02-01 Ready=3600',
	'a NULL status or time is skipped; rows at or after "to" are ignored');
SELECT is((SELECT agent_time(at, status, '1 day', '2026-01-31', '2026-02-02' ORDER BY at) FROM night WHERE false), NULL,
	'no rows: NULL, as every aggregate');
SELECT is((SELECT agent_time(at, status, '1 day', '2026-01-31', '2026-02-02' ORDER BY at) FROM night WHERE status IS NULL OR at IS NULL), NULL,
	'only rows with a NULL status or time: NULL, as every aggregate');
SELECT is((SELECT array_length(agent_time(at, status, '1 day', '2026-03-01', '2026-03-03' ORDER BY at), 1) FROM night), 2,
	'rows only before from: the buckets, the last status carried in');

-- states: text and binary forms round-trip, rollup in parallel and over a moving frame
CREATE TABLE days AS SELECT row_number() OVER () AS i, x FROM (SELECT unnest(agent_time(at, status, '1 hour', '2026-01-31', '2026-02-02', 'UTC' ORDER BY at, id)) x
	FROM night UNION ALL SELECT unnest(agent_time(at, status, '1 hour', '2026-03-01', '2026-03-04', 'UTC' ORDER BY at, id)) FROM log) u;
SELECT is((SELECT count(*)::int FROM days WHERE x::text::agent_time_state::text = x::text
		AND agent_time_state_send(x::text::agent_time_state) = agent_time_state_send(x)), (SELECT count(*)::int FROM days),
	'every state of a run: text form round-trips exactly, binary form equal after it');
SELECT is((SELECT count(*)::int FROM (SELECT i, rollup(x) OVER (ORDER BY i ROWS 2 PRECEDING)::text AS w FROM days) a
		WHERE w <> (SELECT rollup(x)::text FROM days d WHERE d.i BETWEEN a.i - 2 AND a.i)), 0,
	'rollup over a moving frame of 3 rows (inverse transition) equals the frame rolled up afresh');
CREATE TABLE many AS SELECT x FROM days, generate_series(1, 300);
ANALYZE many;
CREATE TEMP TABLE serial_rollup AS SELECT rollup(x)::text AS r FROM many;
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT rollup(x) FROM many') ~ 'Partial Aggregate', 'a parallel plan with partial aggregates');
SELECT is((SELECT rollup(x)::text FROM many), (SELECT r FROM serial_rollup), 'rollup in parallel equals the serial rollup');
SELECT force_parallel(false) \g /dev/null

-- found on review: the cell limit counts the statuses present (9 statuses over 100 000 minutes fit in
-- 2^24 cells), a period too long for int64 microseconds is an error, a width of months and days is added
-- as timestamptz + interval adds it (months, then days, each in the zone)
SELECT is((SELECT array_length(agent_time(t, s, '1 minute', '2026-03-02', '2026-03-02'::timestamptz + interval '100000 minutes', 'UTC' ORDER BY t), 1)
	FROM (SELECT '2026-03-02'::timestamptz + i * interval '1 s' t, 'st' || i s FROM generate_series(1, 9) i) v), 100000,
	'9 statuses over 100 000 buckets: within the cell limit');
SELECT throws_ok($$SELECT agent_time(t, 'x', '2562047788:00:54.775807', '1990-01-01 UTC', '294276-12-31 23:00 UTC')
	FROM (VALUES (timestamptz '2001-01-01')) v(t)$$, '22008', NULL, 'a period longer than int64 microseconds: 22008');
SELECT is((SELECT bucket_end((agent_time(t, 'x', '1 mon 1 day', '2028-02-26 02:30+01', '2028-06-01', 'Europe/Berlin' ORDER BY t))[1])
	FROM (VALUES (timestamptz '2028-03-01')) v(t)), timestamptz '2028-03-27 03:30+02',
	'a month and a day from 2028-02-26 02:30 in Berlin ends where timestamptz + interval does (the DST gap of 26 March)');

SELECT * FROM finish();
DROP SCHEMA :"schema" CASCADE;
