-- pgTAP: business-hours calendars against an independent minute-by-minute
-- reference in plain SQL (AT TIME ZONE, weekday, time of day, holidays),
-- on random ranges around DST changes in six zones.
\set schema calendar_matrix
\ir helpers.psql

SELECT plan(33);
SET TimeZone = 'UTC';

-- the calendars, and the same schedules written out as rows for the reference:
-- weekly hours per ISO weekday and dated hours (dated_closed: holidays), in
-- minutes from the start of the day they start on (an end past 1440 runs into
-- the next day)
CREATE TABLE cals (id int PRIMARY KEY, zone text, cal business_calendar);
INSERT INTO cals VALUES
	(1, 'Europe/Berlin', 'Europe/Berlin; Mon-Fri 09:00-17:00; Sat 10:00-14:00; 2026-03-27 09:00-12:00; holidays 2026-04-03..2026-04-06, 2026-10-26'),
	(2, 'America/New_York', 'America/New_York; Mon-Tue, Thu-Sun 22:00-06:00; Wed 10:00-12:00, 22:00-06:00; 2026-11-02 22:00-07:00; holidays 2026-11-01'),
	(3, 'Europe/London', 'Europe/London; Mon-Fri 08:00-12:00, 13:00-17:30; Sat 23:00-01:00; Sun 01:00-03:30, 12:00-13:00'),
	(4, 'Australia/Sydney', 'Australia/Sydney; Mon-Fri 07:30-19:15; Sun 02:15-02:45; 2026-10-04 01:00-04:00; holidays 2026-04-03, 2026-04-06'),
	(5, 'Asia/Kolkata', 'Asia/Kolkata; Sun-Thu 09:30-18:30; 2026-12-31..2027-01-01 10:00-14:00'),
	(6, 'Pacific/Chatham', 'Pacific/Chatham; Mon-Sun 00:00-24:00; holidays 2026-04-05, 2026-09-27');
CREATE TABLE weekly (id int, isodow int, s int, e int);
INSERT INTO weekly
SELECT 1, d, 540, 1020 FROM generate_series(1, 5) d
UNION ALL SELECT 1, 6, 600, 840
UNION ALL SELECT 2, d, 1320, 1800 FROM generate_series(1, 7) d
UNION ALL SELECT 2, 3, 600, 720
UNION ALL SELECT 3, d, h.s, h.e FROM generate_series(1, 5) d, (VALUES (480, 720), (780, 1050)) h(s, e)
UNION ALL SELECT 3, 6, 1380, 1500
UNION ALL SELECT 3, 7, h.s, h.e FROM (VALUES (60, 210), (720, 780)) h(s, e)
UNION ALL SELECT 4, d, 450, 1155 FROM generate_series(1, 5) d
UNION ALL SELECT 4, 7, 135, 165
UNION ALL SELECT 5, d, 570, 1110 FROM (VALUES (7), (1), (2), (3), (4)) v(d)
UNION ALL SELECT 6, d, 0, 1440 FROM generate_series(1, 7) d;
CREATE TABLE dated (id int, day date, s int, e int);
INSERT INTO dated VALUES (1, '2026-03-27', 540, 720), (2, '2026-11-02', 1320, 1860), (4, '2026-10-04', 60, 240),
	(5, '2026-12-31', 600, 840), (5, '2027-01-01', 600, 840);
CREATE TABLE dated_closed (id int, day date);
INSERT INTO dated_closed SELECT 1, d::date FROM generate_series(date '2026-04-03', '2026-04-06', '1 day') d;
INSERT INTO dated_closed VALUES (1, '2026-10-26'), (2, '2026-11-01'), (4, '2026-04-03'), (4, '2026-04-06'), (6, '2026-04-05'), (6, '2026-09-27');

-- random whole-minute ranges (up to 4 days, some empty) around each zone's DST changes and New Year
SELECT setseed(0.42) \g /dev/null
CREATE TABLE anchors (id int, at timestamp);
INSERT INTO anchors VALUES
	(1, '2026-03-29 02:00'), (1, '2026-10-25 03:00'), (1, '2026-04-03 12:00'), (1, '2026-12-31 12:00'),
	(2, '2026-03-08 02:00'), (2, '2026-11-01 02:00'), (2, '2026-12-31 23:00'),
	(3, '2026-03-29 01:00'), (3, '2026-10-25 02:00'),
	(4, '2026-04-05 03:00'), (4, '2026-10-04 02:00'),
	(5, '2026-12-31 12:00'), (5, '2026-06-15 12:00'),
	(6, '2026-04-05 03:45'), (6, '2026-09-27 02:45');
CREATE TABLE ranges AS
SELECT row_number() OVER () AS rid, id, s, s + make_interval(mins => len) AS e
FROM (
	SELECT a.id, (a.at + make_interval(mins => (random() * 5760)::int - 2880)) AT TIME ZONE c.zone AS s,
		(random() ^ 2 * 5760)::int AS len
	FROM anchors a JOIN cals c USING (id), generate_series(1, 24) i) r;
-- the working hours of every local day involved: dated rows replace the weekly ones
CREATE TABLE day_hours AS
SELECT c.id, d::date AS day, h.s, h.e
FROM cals c, generate_series(date '2026-02-20', date '2027-01-20', '1 day') d,
	LATERAL (SELECT s, e FROM dated x WHERE x.id = c.id AND x.day = d::date
		UNION ALL
		SELECT s, e FROM weekly w WHERE w.id = c.id AND w.isodow = extract(isodow FROM d)
			AND NOT EXISTS (SELECT 1 FROM dated x WHERE x.id = c.id AND x.day = d::date)
			AND NOT EXISTS (SELECT 1 FROM dated_closed x WHERE x.id = c.id AND x.day = d::date)) h;
CREATE INDEX ON day_hours (id, day);
ANALYZE day_hours;
-- every minute of every range: is it business time? (local wall-clock time
-- in an interval of its own day, or in the part after midnight of the day before)
CREATE TABLE minutes AS
SELECT r.rid, r.id, m, EXISTS (
		SELECT 1 FROM day_hours h WHERE h.id = r.id AND (
			(h.day = l::date AND l - l::date >= make_interval(mins => h.s) AND l - l::date < make_interval(mins => h.e))
			OR (h.day = l::date - 1 AND l - l::date + interval '1 day' >= make_interval(mins => h.s)
				AND l - l::date + interval '1 day' < make_interval(mins => h.e)))) AS working
FROM ranges r JOIN cals c USING (id), generate_series(r.s, r.e - interval '1 min', interval '1 min') m,
	LATERAL (SELECT m AT TIME ZONE c.zone AS l) loc;
CREATE TABLE reference AS
SELECT r.rid, r.id, r.s, r.e, 60 * count(m.m) FILTER (WHERE m.working) AS secs
FROM ranges r LEFT JOIN minutes m USING (rid) GROUP BY r.rid, r.id, r.s, r.e;

SELECT is((SELECT count(*) FROM reference), 360::bigint, '360 random ranges in six zones');
SELECT ok((SELECT count(*) FILTER (WHERE secs > 0) > 200 AND count(*) FILTER (WHERE secs = 0) > 10 AND count(*) FILTER (WHERE s = e) > 0
	FROM reference), 'the ranges include working time, closed periods and empty ranges');
SELECT is((SELECT count(*) FROM reference r JOIN cals c USING (id) WHERE business_seconds(c.cal, r.s, r.e) <> r.secs), 0::bigint,
	'business_seconds = the minute-by-minute reference on every range');
SELECT is((SELECT count(*) FROM reference r JOIN cals c USING (id) WHERE business_seconds(c.cal, r.e, r.s) <> -r.secs), 0::bigint,
	'start after end: the negative of the reverse');
SELECT is((SELECT count(*) FROM minutes m JOIN cals c USING (id) WHERE is_business_time(c.cal, m.m) <> m.working), 0::bigint,
	'is_business_time = the reference on every minute');
SELECT is((SELECT count(*) FROM minutes m JOIN cals c USING (id)
	WHERE is_business_time(c.cal, m.m + interval '59.999999 s') <> m.working), 0::bigint,
	'is_business_time: the last microsecond of every minute too');
-- the reference minutes of the DST days themselves
SELECT ok((SELECT count(DISTINCT (m.id, (m.m AT TIME ZONE c.zone)::date)) FROM minutes m JOIN cals c USING (id)
	JOIN anchors a ON a.id = m.id AND a.at::date = (m.m AT TIME ZONE c.zone)::date) >= 12, 'the ranges cover the DST days');

-- business_add is the inverse of business_seconds, and gives the first such instant
CREATE TABLE adds AS
SELECT r.rid, c.cal, r.s, x, business_add(c.cal, r.s, x) AS due
FROM reference r JOIN cals c USING (id),
	LATERAL (VALUES (r.secs), (round((random() * 200000)::numeric, 6)::float8), (0::float8)) v(x);
SELECT is((SELECT count(*) FROM adds WHERE business_seconds(cal, s, due) <> x), 0::bigint,
	'business_seconds(cal, s, business_add(cal, s, x)) = x (whole and fractional seconds, 0)');
SELECT is((SELECT count(*) FROM adds WHERE x > 0 AND NOT is_business_time(cal, due - interval '1 microsecond')), 0::bigint,
	'business_add(x > 0) ends inside business time: the first instant, never the next opening');
SELECT is((SELECT count(*) FROM adds WHERE x = 0 AND due <> s), 0::bigint, 'business_add(cal, s, 0) = s');
SELECT is((SELECT count(*) FROM reference r JOIN cals c USING (id) WHERE business_add(c.cal, r.s, r.secs) > r.e), 0::bigint,
	'business_add(s, business_seconds(s, e)) <= e');

-- additivity at random microseconds
SELECT is((SELECT count(*) FROM (
	SELECT c.cal, r.s, r.e, r.s + (r.e - r.s) * random() AS mid FROM reference r JOIN cals c USING (id)) x
	WHERE abs(business_seconds(cal, s, mid) + business_seconds(cal, mid, e) - business_seconds(cal, s, e)) > 1e-6), 0::bigint,
	'business_seconds(s, m) + business_seconds(m, e) = business_seconds(s, e)');

-- eleven years of New York night shifts (22 DST changes): each shift's real
-- length from AT TIME ZONE, summed day by day
SELECT is(business_seconds('America/New_York; Mon-Fri 22:00-06:00',
		'2019-12-29 00:00 America/New_York', '2031-01-04 12:00 America/New_York'),
	(SELECT sum(extract(epoch FROM ((d + interval '30 hours') AT TIME ZONE 'America/New_York') - ((d + interval '22 hours') AT TIME ZONE 'America/New_York')))::float8
	 FROM generate_series(timestamp '2019-12-29', '2031-01-03', '1 day') d WHERE extract(isodow FROM d) <= 5),
	'multi-year: eleven years of night shifts across every DST change');
SELECT is(business_seconds((SELECT cal FROM cals WHERE id = 5), '2020-01-01 00:00 Asia/Kolkata', '2030-01-01 00:00 Asia/Kolkata'),
	(SELECT sum(CASE WHEN d::date IN ('2026-12-31', '2027-01-01') THEN 4 * 3600 WHEN extract(isodow FROM d) IN (7, 1, 2, 3, 4) THEN 9 * 3600 ELSE 0 END)::float8
	 FROM generate_series(timestamp '2020-01-01', '2029-12-31', '1 day') d),
	'multi-year: ten years of a Sunday-Thursday week with dated hours over New Year');

-- business_add against business_seconds over many random starts and large
-- additions (up to about 30 years of working time: dozens of DST changes,
-- holidays and dated entries), in zones whose transitions fall outside and
-- inside working hours (night shifts; Lord Howe's half-hour change at 02:00;
-- Sao Paulo's at midnight), the calendar as a column (checked on every row)
-- and as a constant of the query (kept per call site, with its table of the
-- zone's segments), the starts in random, falling and far-jumping order
CREATE TABLE add_cals (id int PRIMARY KEY, cal business_calendar);
INSERT INTO add_cals VALUES
	(1, 'Europe/Berlin; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2024-12-24..2024-12-26, 2025-01-01, 2025-12-24..2025-12-26'),
	(2, 'America/New_York; Mon-Fri 22:00-06:00; Sat 23:00-01:30; Sun 02:00-04:00; 2026-11-01 01:45-03:00; holidays 2027-11-05'),
	(3, 'Australia/Lord_Howe; Mon-Sun 01:00-03:00, 09:00-17:00; 2025-10-05 00:00-04:00; holidays 2026-04-05'),
	(4, 'UTC; Mon-Fri 09:00-17:00; 2026-05-02..2026-05-03 10:00-12:00; holidays 2025-12-25, 2026-01-01'),
	(5, 'America/Sao_Paulo; Sun 00:00-24:00; Mon-Sat 00:00-02:00, 23:00-24:00; holidays 2017-10-15, 2018-02-18'),
	(6, 'Europe/London; Mon-Sun 00:00-24:00; holidays 2026-03-29'),
	(7, 'Asia/Kolkata; 2026-03-02..2026-03-06 09:00-12:00; 2026-06-01 08:00-20:00');
INSERT INTO add_cals SELECT 8, ('Europe/Berlin; Mon-Fri 09:00-18:00; Sun 01:00-04:00; holidays ' ||
	string_agg((date '2016-01-05' + 7 * i)::text, ', '))::business_calendar FROM generate_series(0, 999) i;
CREATE TABLE add_cases AS
SELECT row_number() OVER () AS n, id, s, x FROM (
	SELECT c.id, CASE WHEN c.id = 7 THEN timestamptz '2025-06-01' + random() * interval '270 days'
			ELSE timestamptz '2016-01-01' + random() * interval '20 years' END AS s,
		CASE WHEN c.id = 7 THEN round((random() * 90000)::numeric, 6)
		ELSE (ARRAY[1, 3600, 7200000, 72000000, round((random() * 36000000)::numeric, 6), round((random() * 1e8)::numeric, 3), 0.000001, 37])[1 + (random() * 7.999)::int] END::float8 AS x
	FROM add_cals c, generate_series(1, 250) i) r;
CREATE TABLE add_column AS
SELECT n, id, s, x, business_add(c.cal, s, x) AS due FROM add_cases JOIN add_cals c USING (id);
SELECT ok((SELECT count(*) = 2000 AND count(*) FILTER (WHERE x >= 7200000) > 600 AND count(*) FILTER (WHERE due - s > interval '10 years') > 20
	FROM add_column), '2 000 additions, hundreds over ten years');
SELECT is((SELECT count(*) FROM add_column a JOIN add_cals c USING (id) WHERE business_seconds(c.cal, a.s, a.due) <> a.x), 0::bigint,
	'calendar column: business_seconds(cal, s, business_add(cal, s, x)) = x');
SELECT is((SELECT count(*) FROM add_column a JOIN add_cals c USING (id) WHERE NOT is_business_time(c.cal, a.due - interval '1 microsecond')), 0::bigint,
	'calendar column: the first such instant (the microsecond before it is working time)');
-- the same with each calendar a constant of the query, rows in random, falling
-- and far-jumping order (alternately 1916 and 2036: the segment table is reset)
CREATE FUNCTION add_const(ord text) RETURNS TABLE (n bigint, due timestamptz) LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
	FOR r IN SELECT * FROM add_cals ORDER BY id LOOP
		RETURN QUERY EXECUTE format('SELECT n, business_add(%L::business_calendar, s, x) FROM (SELECT * FROM add_cases WHERE id = %s ORDER BY %s OFFSET 0) z',
			r.cal::text, r.id, ord);
	END LOOP;
END $$;
SELECT is((SELECT count(*) FROM add_const('random()') k JOIN add_column a USING (n) WHERE k.due IS DISTINCT FROM a.due), 0::bigint,
	'calendar constant, random order: the same instants');
SELECT is((SELECT count(*) FROM add_const('s DESC') k JOIN add_column a USING (n) WHERE k.due IS DISTINCT FROM a.due), 0::bigint,
	'calendar constant, falling starts: the same instants');
CREATE TABLE add_far AS
SELECT n, id, CASE WHEN n % 2 = 0 THEN s - interval '100 years' ELSE s + interval '20 years' END AS s, x FROM add_cases WHERE x <= 72000000 AND id <> 7;
SELECT is((SELECT count(*) FROM (SELECT a.n, a.s, a.x, c.cal, business_add(c.cal, a.s, a.x) AS due FROM add_far a JOIN add_cals c USING (id)) z
	WHERE business_seconds(cal, s, due) <> x OR NOT is_business_time(cal, due - interval '1 microsecond')), 0::bigint,
	'calendar column, starts from 1916 to 2056: inverse of business_seconds, first instant');
ALTER TABLE add_cases RENAME TO add_cases_near;
ALTER TABLE add_far RENAME TO add_cases;
SELECT is((SELECT count(*) FROM add_const('n') k JOIN (SELECT n, business_add(c.cal, s, x) AS due FROM add_cases JOIN add_cals c USING (id)) a USING (n)
	WHERE k.due IS DISTINCT FROM a.due), 0::bigint,
	'calendar constant, starts alternately a century apart: the same instants');
-- more working time than one call site's table of segments holds (2 048
-- segments: over a thousand years of DST changes), and out of range
SELECT is(business_seconds('Europe/London; Mon-Sun 00:00-24:00', '2020-06-01 00:00+00',
		business_add('Europe/London; Mon-Sun 00:00-24:00', '2020-06-01 00:00+00', (1200 * 365.25 * 86400)::float8)),
	(1200 * 365.25 * 86400)::float8, 'an addition past the table of segments walks on: still the inverse');
CREATE TABLE london (cal business_calendar);
INSERT INTO london VALUES ('Europe/London; Mon-Sun 00:00-24:00');
SELECT is((SELECT count(*) FROM london, (VALUES (timestamptz '2020-06-01 00:00+00'), ('2020-06-01 00:00+00'), ('1990-01-01 12:00+00'), ('2020-06-01 00:00+00')) v(s)
	WHERE business_add('Europe/London; Mon-Sun 00:00-24:00', s, (1200 * 365.25 * 86400)::float8) IS DISTINCT FROM business_add(london.cal, s, (1200 * 365.25 * 86400)::float8)), 0::bigint,
	'a constant call site past its table, four times: the same instants as the column');
SELECT throws_ok($$SELECT business_add('Asia/Kolkata; 2026-03-02..2026-03-06 09:00-12:00', s, 15 * 3600 + 1)
	FROM (VALUES (timestamptz '2026-03-01'), ('2026-03-03')) v(s)$$, '22008', 'business_add result is out of range',
	'a constant calendar without that much working time: out of range');

-- text round trip; binary COPY round trip
SELECT is((SELECT count(*) FROM cals WHERE cal::text::business_calendar::text <> cal::text), 0::bigint, 'text round trip of every calendar');
CREATE TABLE bin_a (id int, cal business_calendar);
CREATE TABLE bin_b (id int, cal business_calendar);
INSERT INTO bin_a SELECT id, cal FROM cals;
-- a calendar large enough to be compressed in the table (2 000 holidays)
INSERT INTO bin_a SELECT 7, ('UTC; Mon-Fri 09:00-17:00; holidays ' || string_agg((date '2000-01-03' + 7 * i)::text, ', '))::business_calendar
	FROM generate_series(0, 1999) i;
SELECT binary_copy('bin_a', 'bin_b') \g /dev/null
SELECT is(mismatches('(SELECT id, cal::text FROM bin_a) a', '(SELECT id, cal::text FROM bin_b) b'), 0::bigint,
	'binary COPY round trip of every calendar');
-- stored (compressed) calendars alternating row by row give the same as fresh values
CREATE TABLE bin_c AS SELECT 8 AS id, ('UTC; Mon-Fri 09:00-17:00; holidays ' || string_agg((date '2000-01-04' + 7 * i)::text, ', '))::business_calendar AS cal
	FROM generate_series(0, 1999) i;
INSERT INTO bin_c SELECT id, cal FROM bin_b WHERE id = 7;
SELECT ok((SELECT pg_column_size(cal) < pg_column_size(cal::text::business_calendar) FROM bin_c WHERE id = 7), 'the large calendar is stored compressed');
SELECT is((SELECT count(*) FROM (SELECT i, timestamptz '2000-01-01' + i * interval '9 days 7 hours' AS s FROM generate_series(1, 400) i) r
	JOIN bin_c b ON b.id = 7 + r.i % 2
	WHERE business_seconds(b.cal, r.s, r.s + interval '20 days') <> business_seconds(b.cal::text::business_calendar, r.s, r.s + interval '20 days')), 0::bigint,
	'calendars read from a table, alternating per row, = the same calendars as fresh values');

-- the SQLSTATE that binary input of the bytes gives
CREATE FUNCTION recv_state(hex text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
	PERFORM recv_as('business_calendar', hex);
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END $$;

-- forged binary input: 'UTC; Mon 09:00-17:00' is
-- 01 (version) 03 'UTC' 01 (Monday: 1 interval) 32400 61200, six empty days, 0 dates
SELECT is(recv_as('business_calendar', '01' || '03555443' || '01' || '00007e90' || '0000ef10' || repeat('00', 6) || '00000000'),
	'UTC; Mon 09:00-17:00', 'recv: a valid calendar');
SELECT throws_ok($$SELECT recv_as('business_calendar', '02' || '03555443' || '01' || '00007e90' || '0000ef10' || repeat('00', 6) || '00000000')$$,
	'22P03', NULL, 'recv: unknown version');
SELECT throws_ok($$SELECT recv_as('business_calendar', '01' || '03555443' || '01' || '00007e90' || '0000ef10' || repeat('00', 6))$$,
	'08P01', NULL, 'recv: truncated');
SELECT bag_eq($$SELECT sqlstate FROM (VALUES
		('01' || '03555443' || '01' || '00015180' || '00015a00' || repeat('00', 6) || '00000000'),  -- starts at 24:00
		('01' || '03555443' || '01' || '00007e90' || '00007e90' || repeat('00', 6) || '00000000'),  -- empty
		('01' || '03555443' || '01' || '00007e90' || '00022e00' || repeat('00', 6) || '00000000'),  -- longer than a day
		('01' || '03555443' || '19' || repeat('00007e90' || '0000ef10', 25) || repeat('00', 6) || '00000000'),  -- 25 intervals
		('01' || '03555420' || '01' || '00007e90' || '0000ef10' || repeat('00', 6) || '00000000'),  -- a space in the zone
		('01' || '00' || '01' || '00007e90' || '0000ef10' || repeat('00', 6) || '00000000'),  -- no zone
		('01' || '03555443' || '01' || '00007e90' || '0000ef10' || repeat('00', 6) || '00000000' || '00'),  -- trailing byte
		('01' || '03555443' || '00' || repeat('00', 6) || '00000001' || '0000251a' || '00002519' || '00'),  -- range ends before it starts
		('01' || '03555443' || '00' || repeat('00', 6) || '00000001' || 'fff00000' || 'fff00000' || '00'),  -- date before year 1
		('01' || '03555443' || '00' || repeat('00', 6) || 'ffffffff')  -- negative count
	) v(hex), LATERAL (SELECT recv_state(hex) AS sqlstate) s$$,
	$$VALUES ('22P03'), ('22P03'), ('22P03'), ('22P03'), ('22P03'), ('22P03'), ('22P03'), ('22P03'), ('22P03'), ('22P03')$$,
	'recv: every malformed field is 22P03');
SELECT bag_eq($$SELECT recv_state(hex) FROM (VALUES
		('01' || '03585858' || '01' || '00007e90' || '0000ef10' || repeat('00', 6) || '00000000'),  -- unknown zone XXX
		('01' || '03555443' || '02' || '00007e90' || '0000ef10' || '0000e100' || '0000f000' || repeat('00', 6) || '00000000'),  -- overlap
		('01' || '03555443' || '00' || repeat('00', 6) || '00000002' || '00002519' || '00002519' || '00' || '00002519' || '00002519' || '00')  -- a date twice
	) v(hex)$$,
	$$VALUES ('22023'), ('22000'), ('22000')$$,
	'recv: an unknown zone is 22023, overlapping hours and repeated dates 22000, as in text input');

SELECT * FROM finish();
DROP SCHEMA calendar_matrix CASCADE;
