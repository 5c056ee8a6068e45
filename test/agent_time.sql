-- pgTAP (WORK IN PROGRESS, issue 18): agent_time over status logs, the
-- open bugs of timescaledb-toolkit's state_agg as regression cases.
\set schema agent_time
\ir helpers.psql

SELECT plan(9);
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

SELECT * FROM finish();
DROP SCHEMA :"schema" CASCADE;
