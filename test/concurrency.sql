-- pgTAP (issue 18): chat concurrency: the window functions and
-- the per-bucket aggregate concurrency() with its concurrency_state, figures
-- worked out by hand.
\set schema concurrency
\ir helpers.psql

SELECT plan(44);
SET TimeZone = 'UTC';
-- operator a: chat 1 10:00-10:10, chat 2 10:05-10:15, chat 3 10:06-10:07, chat 4 10:15-10:20 (starts as
-- chat 2 ends: no overlap), chat 5 of zero length at 10:06:30, chat 6 without an end; operator b: one chat
CREATE TABLE chats (op text, id int, s timestamptz, e timestamptz);
INSERT INTO chats VALUES ('a', 1, '2026-03-02 10:00', '2026-03-02 10:10'), ('a', 2, '2026-03-02 10:05', '2026-03-02 10:15'),
	('a', 3, '2026-03-02 10:06', '2026-03-02 10:07'), ('a', 4, '2026-03-02 10:15', '2026-03-02 10:20'),
	('a', 5, '2026-03-02 10:06:30', '2026-03-02 10:06:30'), ('a', 6, '2026-03-02 10:30', NULL),
	('b', 1, '2026-03-02 11:00', '2026-03-02 11:30');
-- by hand: 10:00-10:05 chat 1 alone (300 s), 10:05-10:06 chats 1, 2 (30 s each), 10:06-10:07 chats 1, 2, 3
-- (20 s each), 10:07-10:10 chats 1, 2 (90 s each), 10:10-10:15 chat 2 alone (300 s), 10:15-10:20 chat 4 (300 s)
SELECT is((SELECT string_agg(format('%s:%s/%s', op || id, a, m), ' ' ORDER BY op, id)
	FROM (SELECT op, id, adjusted_handle_seconds(s, e) OVER w a, max_concurrency(s, e) OVER w m
		FROM chats WINDOW w AS (PARTITION BY op)) x),
	'a1:440/3 a2:440/3 a3:20/3 a4:300/1 a5:0/4 a6:/ b1:1800/1',
	'adjusted time and maximum concurrency per chat (a zero-length chat counts itself; no end: NULL)');
SELECT is((SELECT string_agg(op || '=' || t, ' ' ORDER BY op) FROM (SELECT op, sum(a) t FROM (SELECT op,
	adjusted_handle_seconds(s, e) OVER (PARTITION BY op) a FROM chats) x GROUP BY op) y),
	'a=1200 b=1800', 'the adjusted times of an operator''s chats add up to its busy time (10:00-10:20: 1200 s)');
SELECT is((SELECT string_agg(coalesce(a::text, '-'), ',' ORDER BY id DESC) FROM (SELECT id,
	adjusted_handle_seconds(s, e) OVER (PARTITION BY op ORDER BY id DESC) a FROM chats WHERE op = 'a') x),
	'-,0,300,20,440,440', 'the same whatever the order of the partition''s rows');
SELECT throws_ok($$SELECT adjusted_handle_seconds(e, s) OVER () FROM chats WHERE op = 'b'$$, '22023',
	'a chat ends before it starts', 'an end before the start: 22023');

-- ---- concurrency(started_at, ended_at, width, from, to [, time_zone] ORDER BY started_at) ----
-- operator x, three chats over 15-minute buckets from 10:00 to 11:00:
--
--   10:00     10:10  10:15 10:20     10:30          10:45     11:00
--     |A=========================|                   |         |   A 10:00-10:30
--     |         |B=========|     |                   |         |   B 10:10-10:20
--     |         |      |C========|==============|    |         |   C 10:15-10:45
--   open: 1      2      3     2       1          0
--
-- bucket 10:00: 10:00-10:10 one chat (600 s), 10:10-10:15 two (300 s); chats A, B start here (2);
--               chat time 600 + 2 * 300 = 1200 s; busy 900 s, idle 0
-- bucket 10:15: 10:15-10:20 three (300 s), 10:20-10:30 two (600 s), 10:30-10:45 ... no: 10:30 is the
--               next bucket; so level 1: 0, level 2: 600 s, level 3: 300 s; chats 1 (C); chat time
--               2 * 600 + 3 * 300 = 2100 s
-- bucket 10:30: 10:30-10:45 one chat (C): level 1 900 s; chats 0; chat time 900 s
-- bucket 10:45: no chat: idle 900 s, everything else 0
CREATE TABLE cc (op text, id int, s timestamptz, e timestamptz);
INSERT INTO cc VALUES ('x', 1, '2026-03-02 10:00', '2026-03-02 10:30'), ('x', 2, '2026-03-02 10:10', '2026-03-02 10:20'),
	('x', 3, '2026-03-02 10:15', '2026-03-02 10:45');
CREATE FUNCTION qh(o text, f timestamptz, t timestamptz) RETURNS TABLE (b concurrency_state)
LANGUAGE sql AS $$ SELECT unnest(concurrency(s, e, '15 minutes', f, t ORDER BY s)) FROM cc WHERE op = o $$;
CREATE FUNCTION show(b concurrency_state) RETURNS text LANGUAGE sql AS $$
	SELECT format('%s n=%s l0=%s l1=%s l2=%s l3=%s chat=%s busy=%s max=%s', to_char(bucket_start(b), 'HH24:MI'),
		chat_count(b), level_seconds(b, 0), level_seconds(b, 1), level_seconds(b, 2), level_seconds(b, 3),
		chat_seconds(b), busy_seconds(b), max_concurrency(b)) $$;
SELECT is((SELECT string_agg(show(b), '; ') FROM qh('x', '2026-03-02 10:00', '2026-03-02 11:00')),
	'10:00 n=2 l0=0 l1=600 l2=300 l3=0 chat=1200 busy=900 max=2; '
	'10:15 n=1 l0=0 l1=0 l2=600 l3=300 chat=2100 busy=900 max=3; '
	'10:30 n=0 l0=0 l1=900 l2=0 l3=0 chat=900 busy=900 max=1; '
	'10:45 n=0 l0=900 l1=0 l2=0 l3=0 chat=0 busy=0 max=0',
	'three chats over 15-minute buckets: every level''s seconds per bucket as drawn by hand; the bucket without a chat is present with zeros');
SELECT is((SELECT string_agg(level || ':' || seconds, ' ' ORDER BY level) FROM qh('x', '2026-03-02 10:15', '2026-03-02 10:30'), concurrency_levels(b)),
	'1:0 2:600 3:300', 'concurrency_levels: levels 1 to the most, a level without time included');
SELECT is((SELECT count(*)::int FROM qh('x', '2026-03-02 10:45', '2026-03-02 11:00'), concurrency_levels(b)), 0,
	'concurrency_levels of a bucket without a chat: no rows');
SELECT is((SELECT string_agg(coalesce(avg_concurrency(b)::text, 'NULL'), ' ') FROM qh('x', '2026-03-02 10:00', '2026-03-02 11:00')),
	(1200 / 900::float8) || ' ' || (2100 / 900::float8) || ' 1 NULL',
	'avg_concurrency: chat time / busy time per bucket, NULL when never busy');
SELECT is((SELECT avg_concurrency(rollup(b)) FROM qh('x', '2026-03-02 10:00', '2026-03-02 11:00')),
	(1200 + 2100 + 900) / 2700::float8, 'avg_concurrency of the hour: the chat times added over the busy times added (4200 / 2700)');
SELECT is((SELECT span_seconds(rollup(b)) || ' ' || bucket_start(rollup(b)) || ' ' || bucket_end(rollup(b))
	FROM qh('x', '2026-03-02 10:00', '2026-03-02 11:00')), '3600 2026-03-02 10:00:00+00 2026-03-02 11:00:00+00',
	'the hour rolled up: span and bounds');

-- operator y: carried in from before `from`, started at `from`, open (NULL end), after `to`:
--   09:00-09:30 ends before `from`: nothing; 09:50-10:05 open at 10:00: carried in (5 min, no chat counted);
--   10:00-10:10 starts at `from`: a chat of bucket 10:00; 10:20-NULL still open: runs to `to` (11:00);
--   10:50-11:20: counted up to 11:00; 11:05-11:10 starts at `to`+5: ignored
-- bucket 10:00: 10:00-10:05 two (300 s), 10:05-10:10 one (300 s), idle 300 s; chats 1; chat time 900 s
-- bucket 10:15: 10:20-10:30 one (600 s), idle 300 s; chats 1
-- bucket 10:30: one (900 s); chats 0
-- bucket 10:45: 10:45-10:50 one (300 s), 10:50-11:00 two (600 s); chats 1; chat time 1500 s
INSERT INTO cc VALUES ('y', 1, '2026-03-02 09:00', '2026-03-02 09:30'), ('y', 2, '2026-03-02 09:50', '2026-03-02 10:05'),
	('y', 3, '2026-03-02 10:00', '2026-03-02 10:10'), ('y', 4, '2026-03-02 10:20', NULL),
	('y', 5, '2026-03-02 10:50', '2026-03-02 11:20'), ('y', 6, '2026-03-02 11:05', '2026-03-02 11:10'),
	('y', 7, NULL, '2026-03-02 10:40');
SELECT is((SELECT string_agg(show(b), '; ') FROM qh('y', '2026-03-02 10:00', '2026-03-02 11:00')),
	'10:00 n=1 l0=300 l1=300 l2=300 l3=0 chat=900 busy=600 max=2; '
	'10:15 n=1 l0=300 l1=600 l2=0 l3=0 chat=600 busy=600 max=1; '
	'10:30 n=0 l0=0 l1=900 l2=0 l3=0 chat=900 busy=900 max=1; '
	'10:45 n=1 l0=0 l1=300 l2=600 l3=0 chat=1500 busy=900 max=2',
	'carried in from before from (time from 10:00, not a chat of the bucket), a NULL end open up to to, time after to ignored, a NULL start skipped');

-- the same bucket edges as agent_time (buckets.c), DST days and month ends
CREATE FUNCTION edges_c(w interval, f timestamptz, t timestamptz, z text) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(bucket_start(b) || '/' || bucket_end(b), ' ') FROM
		(SELECT unnest(concurrency(s, e, w, f, t, z ORDER BY s)) b FROM cc WHERE op = 'x') u $$;
CREATE FUNCTION edges_a(w interval, f timestamptz, t timestamptz, z text) RETURNS text LANGUAGE sql AS $$
	SELECT string_agg(bucket_start(b) || '/' || bucket_end(b), ' ') FROM
		(SELECT unnest(agent_time(s, 'x', w, f, t, z ORDER BY s)) b FROM cc WHERE op = 'x') u $$;
SELECT is((SELECT count(*)::int FROM (VALUES ('1 day'::interval, '2026-03-28 00:00 Europe/Berlin'::timestamptz, '2026-03-31 00:00 Europe/Berlin'::timestamptz, 'Europe/Berlin'),
		('1 month', '2026-01-31', '2026-06-15', 'UTC'), ('1 month', '2026-01-31 00:00 Europe/Berlin', '2026-05-01', 'Europe/Berlin'),
		('7 hours', '2026-03-01', '2026-03-03', 'UTC'), ('1 day 12 hours', '2026-10-20', '2026-11-05', 'Europe/Berlin')) v(w, f, t, z)
	WHERE edges_c(w, f, t, z) IS DISTINCT FROM edges_a(w, f, t, z)), 0,
	'the same bucket edges as agent_time (DST days, month ends, fixed widths, mixed widths)');
SELECT is(edges_c('1 month', '2026-01-31', '2026-04-15', 'UTC'),
	'2026-01-31 00:00:00+00/2026-02-28 00:00:00+00 2026-02-28 00:00:00+00/2026-03-31 00:00:00+00 2026-03-31 00:00:00+00/2026-04-15 00:00:00+00',
	'month buckets from the 31st: the last day of shorter months, the last bucket ends at to');
-- a chat open from 23:00 on the 28th across the spring DST change in Berlin (NULL end: open to the end)
INSERT INTO cc VALUES ('z', 1, '2026-03-28 23:00 Europe/Berlin', NULL);
SELECT is((SELECT string_agg((span_seconds(b) / 3600) || ':' || (busy_seconds(b) / 3600), ',') FROM
		(SELECT unnest(concurrency(s, e, '1 day', '2026-03-28 00:00 Europe/Berlin', '2026-03-31 00:00 Europe/Berlin', 'Europe/Berlin' ORDER BY s)) b
		 FROM cc WHERE op = 'z') u),
	'24:1,23:23,24:24', 'day buckets in Europe/Berlin: 24, 23 (DST), 24 hours; the open chat fills them');

-- a month of chats of several operators (starts 37 min apart, lengths 0 to 89 min, some open)
CREATE TABLE mc AS SELECT 'op' || (i % 5) AS op, i AS id, timestamptz '2026-02-28 22:00' + i * interval '7 min' AS s,
	CASE WHEN i % 97 = 0 THEN NULL ELSE timestamptz '2026-02-28 22:00' + i * interval '7 min' + (i * 7919 % 90) * interval '1 min' END AS e
	FROM generate_series(1, 6600) i;
CREATE TABLE days AS SELECT op, unnest(concurrency(s, e, '1 day', '2026-03-01', '2026-04-01', 'UTC' ORDER BY s)) AS b FROM mc GROUP BY op;
CREATE TABLE months AS SELECT op, unnest(concurrency(s, e, '1 month', '2026-03-01', '2026-04-01', 'UTC' ORDER BY s)) AS b FROM mc GROUP BY op;
SELECT is((SELECT count(*)::int FROM days), 5 * 31, 'one state per operator and day');
SELECT is((SELECT count(*)::int FROM (SELECT op, concurrency_state_send(rollup(b)) r FROM days GROUP BY op) d
	JOIN months m USING (op) WHERE d.r IS DISTINCT FROM concurrency_state_send(m.b)), 0,
	'the days of March rolled up equal the month bucket computed directly, byte for byte');
SELECT is((SELECT max(max_concurrency(b)) > 1 AND bool_and(chat_count(b) > 0) FROM days), true, 'the month has overlaps and chats every day');
SELECT is((SELECT count(*)::int FROM days WHERE concurrency_state_send(b::text::concurrency_state) IS DISTINCT FROM concurrency_state_send(b)
	OR b::text::concurrency_state::text IS DISTINCT FROM b::text), 0, 'text round trip of every state of the run, byte-equal');
CREATE TABLE days_bin (LIKE days);
SELECT binary_copy('days', 'days_bin') \g /dev/null
SELECT is(mismatches('(SELECT op, concurrency_state_send(b) FROM days) a', '(SELECT op, concurrency_state_send(b) FROM days_bin) b'), 0::bigint,
	'binary round trip of every state of the run (binary COPY)');
SELECT is((SELECT concurrency_state_send(rollup(b ORDER BY op DESC, bucket_start(b) DESC)) = concurrency_state_send(rollup(b ORDER BY op, bucket_start(b)))
	AND concurrency_state_send(rollup(b ORDER BY md5(b::text))) = concurrency_state_send(rollup(b ORDER BY op, bucket_start(b))) FROM days), true,
	'combine: the same state whatever the order');
SELECT is((SELECT count(*)::int FROM (SELECT op, bucket_start(b) bs,
		concurrency_state_send(rollup(b) OVER (PARTITION BY op ORDER BY bucket_start(b) ROWS 2 PRECEDING)) w FROM days) x
	WHERE w IS DISTINCT FROM (SELECT concurrency_state_send(rollup(d.b)) FROM days d WHERE d.op = x.op
		AND bucket_start(d.b) BETWEEN x.bs - interval '2 days' AND x.bs)), 0,
	'moving window: rollup() OVER (ROWS 2 PRECEDING) equals the frame recomputed');
SELECT is((SELECT count(*)::int FROM (SELECT bucket_start(b) bs, concurrency_state_send(rollup(b) OVER (ORDER BY bucket_start(b) RANGE BETWEEN interval '1 day' PRECEDING AND CURRENT ROW)) w FROM days) x
	WHERE w IS DISTINCT FROM (SELECT concurrency_state_send(rollup(d.b)) FROM days d WHERE bucket_start(d.b) BETWEEN x.bs - interval '1 day' AND x.bs)), 0,
	'moving window over operators (uncombine inside the frame): equals the frame recomputed');
SELECT is((SELECT count(*)::int FROM (SELECT op, sum(a) t FROM (SELECT op, adjusted_handle_seconds(s, coalesce(e, '2026-04-01')) OVER (PARTITION BY op) a
		FROM mc WHERE s >= '2026-03-01' AND s < '2026-04-01' AND coalesce(e, '2026-04-01') <= '2026-04-01') x GROUP BY op) h
	JOIN (SELECT op, busy_seconds(b) busy, chat_seconds(b) chat, chat_count(b) n FROM (SELECT op, unnest(concurrency(s, e, '1 month', '2026-03-01', '2026-04-01', 'UTC' ORDER BY s)) b
		FROM mc WHERE s >= '2026-03-01' AND s < '2026-04-01' AND coalesce(e, '2026-04-01') <= '2026-04-01' GROUP BY op) u) c USING (op)
	WHERE abs(t - busy) > 1e-6 * busy), 0,
	'independent check: the adjusted handle times of an operator''s chats add up to the busy time of the state covering them');
SELECT is((SELECT sum(chat_seconds(b)) FROM months), (SELECT sum(extract(epoch FROM least(coalesce(e, '2026-04-01'), '2026-04-01') - greatest(s, '2026-03-01')))::float8
	FROM mc WHERE coalesce(e, '2026-04-01') > '2026-03-01' AND s < '2026-04-01'),
	'chat_seconds: every chat''s time clipped to the month, added up');
SELECT is((SELECT sum(chat_count(b))::int FROM months), (SELECT count(*)::int FROM mc WHERE s >= '2026-03-01' AND s < '2026-04-01'),
	'chat_count: the chats that started in the month');

-- parallel: rollup() through workers (partial aggregate and combine) equals the serial result
CREATE TABLE big AS SELECT op || '-' || k AS op, b FROM days, generate_series(1, 40) k;
ANALYZE big;
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT rollup(b) FROM big') ~ 'Partial Aggregate', 'a parallel plan for rollup(concurrency_state)');
CREATE TABLE par AS SELECT concurrency_state_send(rollup(b)) r FROM big;
SELECT force_parallel(false) \g /dev/null
SELECT is((SELECT r FROM par), (SELECT concurrency_state_send(rollup(b)) FROM big), 'the parallel rollup equals the serial one');

-- errors
SELECT throws_ok($$SELECT concurrency(s, e, '1 hour', '2026-03-02', '2026-03-03') FROM (SELECT * FROM cc WHERE op = 'x' ORDER BY s DESC) u$$,
	'22023', 'concurrency rows out of start order', 'chats out of start order: 22023');
SELECT is(run_error_detail($$SELECT concurrency(e, s, '1 hour', '2026-03-02', '2026-03-03' ORDER BY s) FROM cc WHERE op = 'x'$$),
	'22023 a chat ends before it starts / ', 'a chat that ends before it starts: 22023');
SELECT throws_ok($$SELECT concurrency(s, e, '-1 hour', '2026-03-02', '2026-03-03' ORDER BY s) FROM cc$$,
	'22023', 'concurrency width must be positive, not -01:00:00', 'a negative width: 22023');
SELECT throws_ok($$SELECT concurrency(s, e, '0 s', '2026-03-02', '2026-03-03' ORDER BY s) FROM cc$$,
	'22023', 'concurrency width must be positive, not 00:00:00', 'a zero width: 22023');
SELECT throws_ok($$SELECT concurrency(s, e, '1 hour', '2026-03-03', '2026-03-03' ORDER BY s) FROM cc$$,
	'22023', 'concurrency needs a finite from before a finite to', 'from >= to: 22023');
SELECT throws_ok($$SELECT concurrency(s, e, '1 second', '2026-03-01', '2026-04-01' ORDER BY s) FROM cc$$,
	'54000', 'concurrency would give more than 100000 buckets', 'too many buckets: 54000, as agent_time');
-- width, from, to and time zone: the same on every row of a group (checked where they are not constants)
SELECT is((SELECT concurrency(s, e, '15 min', '2026-03-02 10:00', CASE WHEN id > 0 THEN timestamptz '2026-03-02 11:00' END,
		'UTC' ORDER BY s)::text FROM cc WHERE op = 'x'),
	(SELECT concurrency(s, e, '15 min', '2026-03-02 10:00', '2026-03-02 11:00', 'UTC' ORDER BY s)::text FROM cc WHERE op = 'x'),
	'"to" from an expression, the same on every row: the result of the constant');
SELECT throws_ok($$SELECT concurrency(s, e, '15 min', '2026-03-02 10:00',
		CASE WHEN id = 1 THEN timestamptz '2026-03-02 11:00' ELSE '2026-03-02 12:00' END, 'UTC' ORDER BY s) FROM cc WHERE op = 'x'$$,
	'22023', 'concurrency''s width, from, to and time zone must be the same on every row of a group',
	'a group whose second row passes another "to": 22023');
SELECT throws_ok($$SELECT concurrency(s, e, '1 day', '2026-03-02', '2026-03-04',
		CASE WHEN id = 1 THEN 'UTC' ELSE 'Europe/Berlin' END ORDER BY s) FROM cc WHERE op = 'x'$$,
	'22023', 'concurrency''s width, from, to and time zone must be the same on every row of a group',
	'a group whose second row passes another time zone: 22023');
SELECT throws_ok($$SELECT concurrency(s, e, CASE WHEN id = 1 THEN interval '1 day' ELSE '24 hours' END,
		'2026-03-02', '2026-03-04' ORDER BY s) FROM cc WHERE op = 'x'$$,
	'22023', 'concurrency''s width, from and to must be the same on every row of a group',
	'without a time zone argument, a width of 1 day then 24 hours (other edges across DST): 22023');
SELECT throws_ok($$SELECT level_seconds(b, -1) FROM months$$, '22023', NULL, 'a negative level: 22023');
SELECT is((SELECT string_agg(coalesce(left(run_error(format('SELECT %L::concurrency_state', t)), 5), 'ok'), ' ') FROM (VALUES
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":2,"chat_us":1200000000,"levels":[600000000,300000000]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":2,"chat_us":1200000000,"levels":[600000000,300000000,0]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":2,"chat_us":1200000001,"levels":[600000000,300000000]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":800000000,"chats":2,"chat_us":1200000000,"levels":[600000000,300000000]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":-2,"chat_us":0,"levels":[]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":0,"chat_us":0,"levels":[-5,5]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:15:00+00","bucket_end":"2026-03-02 10:00:00+00","span_us":900000000,"chats":0,"chat_us":0,"levels":[]}'),
	('{"version":1,"kind":"concurrency","bucket_start":null,"bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":0,"chat_us":0,"levels":[]}'),
	('{"version":1,"kind":"concurrency","bucket_start":null,"bucket_end":null,"span_us":0,"chats":1,"chat_us":0,"levels":[]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":0,"chat_us":0}'),
	('{"version":1,"kind":"agent_time","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":0,"chat_us":0,"levels":[]}'),
	('{"version":2,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":0,"chat_us":0,"levels":[]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"infinity","span_us":900000000,"chats":0,"chat_us":0,"levels":[]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":0,"chat_us":0,"levels":[1.5]}'),
	('{"version":1,"kind":"concurrency","bucket_start":"2026-03-02 10:00:00+00","bucket_end":"2026-03-02 10:15:00+00","span_us":900000000,"chats":0,"chat_us":0,"levels":[]} x')
	) v(t)),
	'ok 22023 22023 22023 22023 22023 22023 22P02 22023 22P02 22P02 22P02 22P02 22P02 22P02',
	'malformed text: trailing zero level, chat time off, levels over the span, negative figures, bounds reversed or half null, chats in an empty state, a missing key, another kind, another version, an infinite bound, a fraction, bytes after the object');
SELECT is((SELECT string_agg(coalesce(left(run_error(format('SELECT recv_as(%L, %L)', 'concurrency_state', h)), 5), 'ok'), ' ') FROM
		(SELECT encode(concurrency_state_send(b), 'hex') x FROM qh('x', '2026-03-02 10:15', '2026-03-02 10:30')) s,
		LATERAL (VALUES (x), (left(x, -2)), (left(x, 2)), (left(x, 60)), (x || '00'), ('')) v(h)),
	'ok 22P03 08P01 08P01 22P03 22P03', 'binary input: cut inside the levels (22P03: they do not fit), inside a field (08P01), trailing bytes or empty (22P03)');
SELECT throws_ok($$SELECT concurrency_state_uncombine(m.b, (SELECT rollup(b) FROM months)) FROM months m LIMIT 1$$, '22023',
	'cannot remove a concurrency_state that is not part of the other', 'uncombine of a state that is not part: 22023');

-- found on review: zero-length chats at one instant count themselves and the chats of positive length
-- open then (started at or before, ending after), whatever the order of the rows; a period longer than
-- int64 microseconds is a clean error
SELECT is((SELECT string_agg(id || ':' || m, ' ' ORDER BY id) FROM (SELECT id, max_concurrency(s, e) OVER (PARTITION BY 1) m
		FROM (VALUES (1, timestamptz '2026-03-02 10:00', timestamptz '2026-03-02 10:00'), (2, '2026-03-02 10:00', '2026-03-02 10:00'),
			(3, '2026-03-02 10:00', '2026-03-02 10:10'), (4, '2026-03-02 10:10', '2026-03-02 10:10')) v(id, s, e)) x),
	'1:2 2:2 3:1 4:1', 'zero-length chats: themselves and the chats open at their instant (3 ends at 10:10: not open then)');
SELECT is((SELECT string_agg(id || ':' || m, ' ' ORDER BY id) FROM (SELECT id, max_concurrency(s, e) OVER (PARTITION BY 1) m
		FROM (VALUES (4, timestamptz '2026-03-02 10:10', timestamptz '2026-03-02 10:10'), (3, '2026-03-02 10:00', '2026-03-02 10:10'),
			(2, '2026-03-02 10:00', '2026-03-02 10:00'), (1, '2026-03-02 10:00', '2026-03-02 10:00')) v(id, s, e)) x),
	'1:2 2:2 3:1 4:1', 'the same with the rows in another order');
SELECT throws_ok($$SELECT concurrency(s, e, '1388888888:53:20', '1990-01-01 UTC', '294276-12-31 23:00 UTC', 'UTC' ORDER BY s)
	FROM (VALUES (timestamptz '2000-01-01', timestamptz '2001-01-01')) v(s, e)$$, '22008', NULL,
	'from and to further apart than int64 microseconds: 22008, not a crash');

SELECT * FROM finish();
DROP SCHEMA :"schema" CASCADE;
