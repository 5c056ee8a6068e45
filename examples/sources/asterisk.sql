-- examples/sources/asterisk.sql: a month of an Asterisk call-queue line as
-- Asterisk's realtime queue_log stores it, for create_asterisk_views
-- (docs/sources.md).  Drops and recreates schema asterisk.
--
--   psql -v asterisk_calls=3000 -v asterisk_agents=12 -f examples/sources/asterisk.sql
--
-- psql variables (defaults): asterisk_calls (3000) calls in the month,
-- asterisk_agents (12) members, asterisk_month ('2026-03-01'), asterisk_tz
-- ('Europe/Berlin') the PBX's time zone.  The table is the one Asterisk's
-- contrib/realtime/postgresql/postgresql_queue_log.sql creates (id, time
-- timestamp without time zone, callid, queuename, agent, event, data1 ..
-- data5); "time" holds local time, as Asterisk writes it with the default
-- queue_log_realtime_use_gmt = no, microseconds included ('%F %T.%6q').
-- The data fields are those app_queue writes (docs/sources.md lists them):
-- Asterisk's own seconds (CONNECT holdtime, ABANDON / EXIT* waittime,
-- COMPLETE* / transfer calltime) are differences of whole-second clocks,
-- floor(end) - floor(start) in epoch seconds, as app_queue computes them
-- (time(NULL) - qe->start).  Deterministic: every draw is a hash of the call
-- number, no random().
--
-- The traffic: 3 queues (support 60 %, sales 30 %, billing 10 %) from 08:00
-- to 20:00 local time every day, a few calls at night; of the day's calls
-- 83 % answered (25 % after a member let it ring: RINGNOANSWER; a few after
-- an AGENTDUMP), 10 % abandoned (a sixth of them within 5 s), 4 % timed out
-- after 120 s (EXITWITHTIMEOUT; half of them then overflow into queue
-- backoffice), 3 % left with a key (EXITWITHKEY: callback); at night the
-- queue is empty (EXITEMPTY).  Of the answered calls 3 % TRANSFER (into queue
-- billing), 3 % BLINDTRANSFER, 2 % ATTENDEDTRANSFER, the rest COMPLETECALLER /
-- COMPLETEAGENT.  One call waits across the change to summer time (29 March
-- 01:59:40 to 03:00:15 local: 35 s); the last three calls of the month are
-- still waiting or talking when the log ends.  Members: ADDMEMBER per queue
-- at 08:00, PAUSEALL (lunch) 12:00-12:30 with one PAUSE / UNPAUSE per queue,
-- REMOVEMEMBER at 20:00, every day; QUEUESTART and CONFIGRELOAD once.
\if :{?asterisk_calls}
\else
\set asterisk_calls 3000
\endif
\if :{?asterisk_agents}
\else
\set asterisk_agents 12
\endif
\if :{?asterisk_month}
\else
\set asterisk_month 2026-03-01
\endif
\if :{?asterisk_tz}
\else
\set asterisk_tz Europe/Berlin
\endif

SET client_min_messages = warning;
DROP SCHEMA IF EXISTS asterisk CASCADE;
CREATE SCHEMA asterisk;

CREATE TABLE asterisk.queue_log (
	id bigserial PRIMARY KEY,
	time timestamp without time zone,
	callid varchar(80),
	queuename varchar(256),
	agent varchar(80),
	event varchar(32),
	data1 varchar(100),
	data2 varchar(100),
	data3 varchar(100),
	data4 varchar(100),
	data5 varchar(100)
);

-- a uniform draw in [0, 1) for call i and draw k
CREATE FUNCTION asterisk.u(i bigint, k integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (pg_catalog.hashint8(i * 64 + k) & 2147483647)::double precision / 2147483648;

-- Asterisk's whole seconds between two instants: time(NULL) - start
CREATE FUNCTION asterisk.secs(a timestamptz, b timestamptz) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN (floor(extract(epoch FROM b)) - floor(extract(epoch FROM a)))::bigint::text;

CREATE TEMP TABLE ast_calls AS
WITH d AS (
	SELECT i, :'asterisk_month'::date AS m, :'asterisk_tz'::text AS tz, (:asterisk_calls)::bigint AS n,
		CASE WHEN asterisk.u(i, 1) < 0.6 THEN 'support' WHEN asterisk.u(i, 1) < 0.9 THEN 'sales' ELSE 'billing' END AS q,
		floor(asterisk.u(i, 2) * 31)::integer AS day,
		asterisk.u(i, 5) < 0.02 AS night,
		asterisk.u(i, 6) AS o, asterisk.u(i, 7) AS w, asterisk.u(i, 9) AS t, asterisk.u(i, 10) AS e,
		'Agent/' || (1001 + floor(asterisk.u(i, 11) * :asterisk_agents))::integer AS agent,
		'Agent/' || (1001 + floor(asterisk.u(i, 14) * :asterisk_agents))::integer AS agent2,
		'Agent/' || (1001 + floor(asterisk.u(i, 15) * :asterisk_agents))::integer AS agent3,
		asterisk.u(i, 8) AS r, asterisk.u(i, 12) AS x,
		CASE WHEN asterisk.u(i, 16) < 0.01 THEN 'anonymous'
			ELSE '0301' || lpad(floor(power(asterisk.u(i, 13), 2) * :asterisk_calls * 0.6)::bigint::text, 7, '0') END AS caller,
		1 + floor(asterisk.u(i, 4) * 5)::integer AS opos
	FROM generate_series(1, :asterisk_calls) i
), a AS (
	SELECT d.*,
		CASE WHEN i = 1 THEN timestamp '2026-03-29 01:59:40.250000' AT TIME ZONE tz
			WHEN i > n - 3 THEN (m + interval '1 month' - interval '1 minute' + (i - n) * interval '10 s')::timestamp AT TIME ZONE tz
			ELSE (m + day)::timestamp AT TIME ZONE tz
				+ round(CASE WHEN night THEN 72000 + asterisk.u(i, 3) * 14400
					ELSE 28800 + (asterisk.u(i, 3) + asterisk.u(i, 4)) / 2 * 43200 END * 1e6) * interval '1 microsecond' END AS arr,
		CASE WHEN i = 1 THEN 'answered' WHEN i > n - 2 THEN 'waiting' WHEN i = n - 2 THEN 'talking'
			WHEN night THEN CASE WHEN o < 0.7 THEN 'empty' ELSE 'abandoned' END
			WHEN o < 0.83 THEN 'answered' WHEN o < 0.93 THEN 'abandoned' WHEN o < 0.97 THEN 'timeout' ELSE 'key' END AS outcome
	FROM d
), b AS (
	SELECT a.*,
		round(CASE WHEN i = 1 THEN 35
			WHEN outcome IN ('answered', 'talking') THEN least(600, 1 + 9 * power(w / (1 - w), 0.8))
			WHEN outcome = 'abandoned' THEN 180 * w * w
			WHEN outcome = 'timeout' THEN 120 + w * 0.9
			WHEN outcome = 'key' THEN 20 + 100 * w
			WHEN outcome = 'empty' THEN w * 2 END * 1e6) * interval '1 microsecond' AS wait,
		round(least(3600, 30 + 250 * -ln(1 - t)) * 1e6) * interval '1 microsecond' AS talk,
		CASE WHEN outcome = 'talking' THEN NULL WHEN e < 0.03 THEN 'TRANSFER' WHEN e < 0.06 THEN 'BLINDTRANSFER'
			WHEN e < 0.08 THEN 'ATTENDEDTRANSFER' WHEN e < 0.60 THEN 'COMPLETECALLER' ELSE 'COMPLETEAGENT' END AS ending
	FROM a
)
SELECT b.*, floor(extract(epoch FROM arr))::bigint || '.' || i AS callid,
	CASE WHEN outcome IN ('answered', 'talking') THEN arr + wait END AS conn,
	CASE WHEN outcome NOT IN ('answered', 'talking', 'waiting') THEN arr + wait END AS exit_at,
	CASE WHEN outcome = 'answered' THEN arr + wait + talk END AS end_at,
	-- after a timeout, half the calls overflow into backoffice; TRANSFER goes into billing
	CASE WHEN outcome = 'timeout' AND x < 0.5 THEN arr + wait + interval '0.05 s'
		WHEN outcome = 'answered' AND ending = 'TRANSFER' THEN arr + wait + talk + interval '0.4 s' END AS arr2
FROM b;

CREATE TEMP TABLE ast_rows AS
SELECT ev.at, c.callid, ev.q, ev.agent, ev.event, ev.d1, ev.d2, ev.d3, ev.d4, ev.d5, ev.ord
FROM ast_calls c
CROSS JOIN LATERAL (SELECT c.arr2 + round((5 + 40 * c.r) * 1e6) * interval '1 microsecond' AS conn2) c2
CROSS JOIN LATERAL (SELECT c2.conn2 + round((60 + 300 * c.x) * 1e6) * interval '1 microsecond' AS end2) c3
CROSS JOIN LATERAL (VALUES
	(c.arr, c.q, 'NONE', 'ENTERQUEUE', '', c.caller, '1', '', '', 1),
	-- a member let it ring (ringtimeout 15 s, or less when the call was taken sooner)
	(CASE WHEN c.conn IS NOT NULL AND c.r < 0.25 THEN c.arr + (c.conn - c.arr) / 2 END, c.q, c.agent2, 'RINGNOANSWER',
		least(15000, floor(extract(epoch FROM (c.conn - c.arr) / 2) * 1000))::bigint::text, '', '', '', '', 2),
	(CASE WHEN c.conn IS NOT NULL AND c.x > 0.995 THEN c.arr + (c.conn - c.arr) / 3 END, c.q, c.agent3, 'AGENTDUMP',
		'', '', '', '', '', 3),
	(c.conn, c.q, c.agent, 'CONNECT', asterisk.secs(c.arr, c.conn), c.callid || '1', (2 + floor(c.w * 8))::integer::text, '', '', 4),
	(c.exit_at, c.q, 'NONE', CASE c.outcome WHEN 'abandoned' THEN 'ABANDON' WHEN 'timeout' THEN 'EXITWITHTIMEOUT'
			WHEN 'empty' THEN 'EXITEMPTY' WHEN 'key' THEN 'EXITWITHKEY' END,
		CASE WHEN c.outcome = 'key' THEN '1' ELSE '1' END,
		CASE WHEN c.outcome = 'key' THEN '1' ELSE c.opos::text END,
		CASE WHEN c.outcome = 'key' THEN c.opos::text ELSE asterisk.secs(c.arr, c.exit_at) END,
		CASE WHEN c.outcome = 'key' THEN asterisk.secs(c.arr, c.exit_at) ELSE '' END, '', 5),
	(c.end_at, c.q, c.agent, c.ending,
		CASE c.ending WHEN 'TRANSFER' THEN '2003' WHEN 'BLINDTRANSFER' THEN '2107' WHEN 'ATTENDEDTRANSFER' THEN 'BRIDGE'
			ELSE asterisk.secs(c.arr, c.conn) END,
		CASE c.ending WHEN 'TRANSFER' THEN 'from-queue' WHEN 'BLINDTRANSFER' THEN 'from-internal'
			WHEN 'ATTENDEDTRANSFER' THEN md5(c.callid)::uuid::text ELSE asterisk.secs(c.conn, c.end_at) END,
		CASE WHEN c.ending IN ('COMPLETECALLER', 'COMPLETEAGENT') THEN c.opos::text ELSE asterisk.secs(c.arr, c.conn) END,
		CASE WHEN c.ending IN ('COMPLETECALLER', 'COMPLETEAGENT') THEN '' ELSE asterisk.secs(c.conn, c.end_at) END,
		CASE WHEN c.ending IN ('COMPLETECALLER', 'COMPLETEAGENT') THEN '' ELSE c.opos::text END, 6),
	-- the second queue: the overflow into backoffice, or the transfer into billing
	(c.arr2, CASE WHEN c.outcome = 'timeout' THEN 'backoffice' ELSE 'billing' END, 'NONE', 'ENTERQUEUE', '', c.caller, '1', '', '', 7),
	(CASE WHEN c.arr2 IS NOT NULL THEN c2.conn2 END, CASE WHEN c.outcome = 'timeout' THEN 'backoffice' ELSE 'billing' END,
		c.agent3, 'CONNECT', asterisk.secs(c.arr2, c2.conn2), c.callid || '2', '3', '', '', 8),
	(CASE WHEN c.arr2 IS NOT NULL THEN c3.end2 END, CASE WHEN c.outcome = 'timeout' THEN 'backoffice' ELSE 'billing' END,
		c.agent3, 'COMPLETEAGENT', asterisk.secs(c.arr2, c2.conn2), asterisk.secs(c2.conn2, c3.end2), '1', '', '', 9)
) AS ev(at, q, agent, event, d1, d2, d3, d4, d5, ord)
WHERE ev.at IS NOT NULL;

-- the members: ADDMEMBER per queue at 08:00, lunch 12:00-12:30 (PAUSEALL and
-- one PAUSE per queue, then UNPAUSEALL and UNPAUSE), REMOVEMEMBER at 20:00, every day
INSERT INTO ast_rows
SELECT ((:'asterisk_month'::date + day)::timestamp + ev.tod + (ag * 7) * interval '1 ms') AT TIME ZONE :'asterisk_tz',
	'NONE', ev.q, 'Agent/' || (1001 + ag), ev.event, ev.d1, '', '', '', '', 0
FROM generate_series(0, 30) day, generate_series(0, :asterisk_agents - 1) ag,
LATERAL (VALUES (interval '8 hours', 'support', 'ADDMEMBER', ''), (interval '8 hours 0.1 s', 'sales', 'ADDMEMBER', ''),
		(interval '8 hours 0.2 s', 'billing', 'ADDMEMBER', ''), (interval '8 hours 0.3 s', 'backoffice', 'ADDMEMBER', ''),
		(interval '12 hours', 'NONE', 'PAUSEALL', 'lunch'), (interval '12 hours 0.01 s', 'support', 'PAUSE', 'lunch'),
		(interval '12 hours 0.02 s', 'sales', 'PAUSE', 'lunch'), (interval '12 hours 0.03 s', 'billing', 'PAUSE', 'lunch'),
		(interval '12 hours 30 min', 'NONE', 'UNPAUSEALL', ''), (interval '12 hours 30 min 0.01 s', 'support', 'UNPAUSE', ''),
		(interval '12 hours 30 min 0.02 s', 'sales', 'UNPAUSE', ''), (interval '12 hours 30 min 0.03 s', 'billing', 'UNPAUSE', ''),
		(interval '20 hours', 'support', 'REMOVEMEMBER', ''), (interval '20 hours 0.1 s', 'sales', 'REMOVEMEMBER', ''),
		(interval '20 hours 0.2 s', 'billing', 'REMOVEMEMBER', ''), (interval '20 hours 0.3 s', 'backoffice', 'REMOVEMEMBER', ''))
	AS ev(tod, q, event, d1)
;
INSERT INTO ast_rows VALUES
	((:'asterisk_month'::date)::timestamp AT TIME ZONE :'asterisk_tz', 'NONE', 'NONE', 'NONE', 'QUEUESTART', '', '', '', '', '', 0),
	(((:'asterisk_month'::date + 14)::timestamp + interval '6 hours') AT TIME ZONE :'asterisk_tz', 'NONE', 'NONE', 'NONE', 'CONFIGRELOAD', '', '', '', '', '', 0);

-- in time order, as Asterisk inserts them; time in local time, as it writes it
INSERT INTO asterisk.queue_log (time, callid, queuename, agent, event, data1, data2, data3, data4, data5)
SELECT at AT TIME ZONE :'asterisk_tz', callid, q, agent, event, d1, d2, d3, d4, d5
FROM ast_rows ORDER BY at, callid, ord;
DROP TABLE ast_rows, ast_calls;
DROP FUNCTION asterisk.u(bigint, integer), asterisk.secs(timestamptz, timestamptz);
ANALYZE asterisk.queue_log;
RESET client_min_messages;
