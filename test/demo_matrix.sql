-- pgTAP: the demo data generator over other seeds and start months (a leap
-- February, a year end): the same invariants as sql/demo.sql, serial =
-- parallel, every event log consistent with its contacts, determinism.
\set schema demo_matrix
\ir helpers.psql

SELECT plan(24);

CREATE TABLE runs (run int, months int, start_month date, seed bigint);
INSERT INTO runs VALUES (1, 2, '2028-01-01', -7), (2, 2, '2030-11-01', 9223372036854775807),
	(3, 1, '2026-07-01', 0);
CREATE TABLE dc AS SELECT r.run, d.* FROM runs r, generate_demo_contacts(r.months, r.start_month, r.seed) d;
CREATE TABLE de AS SELECT r.run, e.* FROM runs r, generate_demo_events(r.months, r.start_month, r.seed) e;
CREATE TABLE dt AS SELECT run, contact_id, contact_timeline(kind, at, party, operator_id) AS t FROM de GROUP BY 1, 2;
ANALYZE dc, de, dt;

SELECT is((SELECT count(DISTINCT run) FROM dc), 3::bigint, 'three runs generated');
SELECT ok((SELECT bool_and(n BETWEEN 6500 AND 12000) FROM (SELECT run, date_trunc('month', arrived_at, 'UTC'), count(*) AS n
	FROM dc GROUP BY 1, 2) m), 'every month has 6 500..12 000 contacts');
SELECT ok((SELECT bool_and(arrived_at >= start_month::timestamp AT TIME ZONE 'UTC'
		AND arrived_at < (start_month + make_interval(months => months))::timestamp AT TIME ZONE 'UTC')
	FROM dc JOIN runs USING (run)), 'every contact arrives inside the requested months (UTC)');
SELECT ok((SELECT count(*) FROM dc WHERE run = 1 AND arrived_at >= '2028-02-29 00:00+00' AND arrived_at < '2028-03-01 00:00+00') > 100,
	'29 February of a leap year has contacts');
SELECT is((SELECT array_agg(DISTINCT contact_id - rn) FROM (SELECT run, contact_id, row_number() OVER (PARTITION BY run ORDER BY arrived_at, contact_id) AS rn FROM dc) x),
	ARRAY[0::bigint], 'contact ids are 1..n in order of arrival');
SELECT is((SELECT count(*) FROM dc WHERE answered_at < offered_at OR offered_at < arrived_at OR abandoned_at < offered_at
	OR resolved_at < arrived_at OR (answered_at IS NOT NULL AND abandoned_at IS NOT NULL)), 0::bigint, 'times in order');
SELECT is((SELECT count(*) FROM dc WHERE wait_seconds IS DISTINCT FROM
	extract(epoch FROM coalesce(answered_at, abandoned_at) - offered_at)::int), 0::bigint, 'wait_seconds = the queue time');
SELECT is((SELECT count(*) FROM dc WHERE channel = 'call' AND answered AND handle_seconds <> talk_seconds + hold_seconds + wrap_seconds
	OR channel <> 'call' AND (talk_seconds IS NOT NULL OR hold_seconds IS NOT NULL OR wrap_seconds IS NOT NULL)), 0::bigint,
	'talk, hold and wrap only for calls, and they add up to the handle time');
SELECT is((SELECT count(*) FROM dc WHERE abandoned_at IS NOT NULL AND (operator_id IS NOT NULL OR handle_seconds IS NOT NULL
	OR talk_seconds IS NOT NULL OR rating IS NOT NULL OR resolved OR first_contact_resolved IS NOT NULL)), 0::bigint,
	'abandoned contacts have no operator, handle time, rating or resolution');
SELECT is((SELECT count(*) FROM dc WHERE bot_contained AND (NOT bot_handled OR offered_at IS NOT NULL OR operator_id IS NOT NULL)
	OR bot_handled AND channel <> 'chat'), 0::bigint, 'only chats meet the bot; a contained chat never reaches an operator');
SELECT is((SELECT count(*) FROM dc WHERE transferred <> (transferred_to IS NOT NULL) OR transferred_to = operator_id),
	0::bigint, 'a transfer goes to another operator');
SELECT is((SELECT count(*) FROM dc r JOIN dc f ON f.run = r.run AND f.contact_id = r.repeat_of
	WHERE r.customer_id <> f.customer_id OR r.segment <> f.segment OR r.arrived_at <= f.arrived_at
		OR r.arrived_at > f.arrived_at + interval '7 days' OR f.resolved), 0::bigint,
	'a repeat follows an unresolved contact of the same customer within 7 days');
SELECT is((SELECT count(*) FROM dc WHERE rating NOT BETWEEN 1 AND 5 OR nps NOT BETWEEN 0 AND 10 OR ces NOT BETWEEN 1 AND 7),
	0::bigint, 'survey answers on their scales');
SELECT is((SELECT count(*) FROM (SELECT customer_id FROM dc GROUP BY 1 HAVING count(DISTINCT segment) > 1) x), 0::bigint,
	'a customer keeps their segment');

SELECT is((SELECT count(*) FROM dc LEFT JOIN dt USING (run, contact_id) WHERE dt.t IS NULL
	OR first_event_at(dt.t) <> dc.arrived_at
	OR first_response_time(dt.t) IS DISTINCT FROM CASE WHEN channel <> 'call' THEN extract(epoch FROM answered_at - arrived_at)::float8 END
	OR channel <> 'email' AND handle_time(dt.t) IS DISTINCT FROM handle_seconds::float8
	OR hold_time(dt.t) <> coalesce(hold_seconds, 0)
	OR is_resolved(dt.t) <> resolved
	OR time_to_resolution(dt.t) IS DISTINCT FROM extract(epoch FROM resolved_at - arrived_at)::float8
	OR is_abandoned(dt.t) <> (abandoned_at IS NOT NULL)
	OR transfer_count(dt.t) <> transferred::int), 0::bigint, 'every contact''s event log gives its figures');
SELECT is((SELECT count(*) FROM de JOIN dc USING (run, contact_id) WHERE kind IN ('operator_message', 'assigned', 'answered')
	AND de.operator_id IS DISTINCT FROM dc.operator_id AND de.operator_id IS DISTINCT FROM dc.transferred_to), 0::bigint,
	'operator events name the contact''s operators');

-- a believable line (docs/reference.md, "The story"): calls of 4-7 minutes, fewer contacts at
-- weekends, e-mail mostly in office hours and answered on the e-mail team's calendar
SELECT ok((SELECT bool_and(a BETWEEN 240 AND 420) FROM (SELECT run, avg(handle_seconds) AS a FROM dc
	WHERE channel = 'call' GROUP BY run) x), 'the mean call handle time of every run is 4-7 minutes');
SELECT ok((SELECT bool_and(w BETWEEN 0.05 AND 0.2) FROM (SELECT run, channel, avg((extract(isodow FROM arrived_at AT TIME ZONE 'UTC') >= 6)::int) AS w
	FROM dc WHERE repeat_of IS NULL GROUP BY 1, 2) x), 'weekends carry 5-20 % of the first contacts of each channel (2/7 = 29 % if uniform)');
SELECT ok((SELECT avg((extract(hour FROM arrived_at AT TIME ZONE 'UTC') BETWEEN 7 AND 18)::int) FROM dc
	WHERE channel = 'email' AND repeat_of IS NULL) > 0.75, 'most e-mails arrive in office hours');
SELECT is((SELECT count(*) FROM dc WHERE channel = 'email' AND answered
	AND NOT is_business_time('UTC; Mon-Fri 08:00-20:00', answered_at - interval '1 microsecond')), 0::bigint,
	'every e-mail is answered within the e-mail team''s working hours (Mon-Fri 08:00-20:00 UTC)');

-- the same rows serially and with parallel workers, and run after run
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_md5 AS SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) AS m FROM generate_demo_contacts(1, '2028-02-01', -7) d;
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SELECT is((SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(1, '2028-02-01', -7) d),
	(SELECT m FROM serial_md5), 'parallel-enabled plan: the same rows');
SELECT is((SELECT md5(string_agg(e::text, '|' ORDER BY contact_id, at, kind, operator_id)) FROM generate_demo_events(1, '2026-07-01', 0) e),
	(SELECT md5(string_agg((contact_id, at, kind, party, operator_id)::text, '|' ORDER BY contact_id, at, kind, operator_id)) FROM de WHERE run = 3),
	'events: the same rows run after run');
SELECT isnt((SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(1, '2026-07-01', 1) d),
	(SELECT md5(string_agg(d::text, '|' ORDER BY contact_id)) FROM generate_demo_contacts(1, '2026-07-01', 0) d),
	'seeds 0 and 1 differ');
SELECT throws_ok($$SELECT * FROM generate_demo_events(0)$$, '22023', 'months 0 is outside the range 1..120',
	'months 0 is rejected');

SELECT * FROM finish();
DROP SCHEMA demo_matrix CASCADE;
