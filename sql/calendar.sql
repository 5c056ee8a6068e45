--
-- Business hours: business_calendar, business_seconds, business_add, is_business_time.
--
SET extra_float_digits = 0;
SET TimeZone = 'UTC';

-- text form: canonical (zone name as in the tz database, weekdays grouped,
-- touching hours merged, dates sorted, adjacent equal dates merged)
SELECT 'Europe/Moscow; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2026-01-01..2026-01-08, 2026-03-09'::business_calendar;
SELECT ' europe/berlin ;mon-fri 9:00-12:00,12:00 - 17:00; sat,sun 22:00-06:00 '::business_calendar;
SELECT 'Asia/Dubai; Sun-Thu 09:00-18:00'::business_calendar AS wrapping_days,
	'UTC; Mon, Wed, Sun 09:00-10:00'::business_calendar AS runs,
	'UTC; Mon-Sun 00:00-24:00'::business_calendar AS always,
	'UTC'::business_calendar AS never;
SELECT 'UTC; Mon-Fri 09:00-17:00; 2026-12-31 09:00-13:00; 2026-12-24..2026-12-25 10:00-12:00; holidays 2026-12-27, 2026-12-26'::business_calendar;
SELECT 'UTC; Mon 09:00:30-10:00:15, 23:00-24:00; Tue 06:00-18:00, 18:00-06:00'::business_calendar AS seconds_and_a_24h_loop;
-- the output reads back identically
SELECT c::text = c::text::business_calendar::text AS round_trip
FROM (VALUES ('Europe/Moscow; Mon-Fri 09:00-18:00; Sat 10:00-14:00; holidays 2026-01-01..2026-01-08, 2026-03-09'::business_calendar),
	('europe/berlin; sat,sun 22:00-06:00; Mon 06:00-18:00, 18:00-06:00; 2026-03-28 21:00-05:00'),
	('UTC')) v(c);

-- the published case: Mon-Fri 09:00-17:00, Sunday 2022-03-20 00:00 to Saturday 23:59 = 5 x 8 h
SELECT business_seconds('Europe/Berlin; Mon-Fri 09:00-17:00',
	'2022-03-20 00:00 Europe/Berlin', '2022-03-26 23:59 Europe/Berlin') AS week;
-- a chat arriving Friday 18:55, answered Monday 09:05, open 09:00-19:00: 5 + 5 minutes
SELECT business_seconds('Europe/Berlin; Mon-Fri 09:00-19:00',
	'2026-03-13 18:55 Europe/Berlin', '2026-03-16 09:05 Europe/Berlin') AS first_response;
-- start and end in the same closed period, start = end, start after end (negative)
SELECT business_seconds('UTC; Mon-Fri 09:00-17:00', '2026-03-13 18:00+00', '2026-03-16 08:00+00') AS closed,
	business_seconds('UTC; Mon-Fri 09:00-17:00', '2026-03-13 12:00+00', '2026-03-13 12:00+00') AS same_instant,
	business_seconds('UTC; Mon-Fri 09:00-17:00', '2026-03-16 09:05+00', '2026-03-13 16:55+00') AS reversed;

-- DST: hours are local wall-clock hours.  Berlin moves 02:00 -> 03:00 on
-- 2026-03-29 and 03:00 -> 02:00 on 2026-10-25: a 22:00-06:00 night shift is
-- 7 and 9 real hours; day hours stay 8 hours a day
SELECT business_seconds('Europe/Berlin; Mon-Sun 22:00-06:00', '2026-03-28 12:00 Europe/Berlin', '2026-03-29 12:00 Europe/Berlin') / 3600 AS spring_night,
	business_seconds('Europe/Berlin; Mon-Sun 22:00-06:00', '2026-10-24 12:00 Europe/Berlin', '2026-10-25 12:00 Europe/Berlin') / 3600 AS autumn_night,
	business_seconds('Europe/Berlin; Mon-Sun 22:00-06:00', '2026-03-21 12:00 Europe/Berlin', '2026-03-22 12:00 Europe/Berlin') / 3600 AS normal_night,
	business_seconds('Europe/Berlin; Mon-Sun 09:00-17:00', '2026-03-23 00:00 Europe/Berlin', '2026-04-06 00:00 Europe/Berlin') / 3600 AS two_weeks_of_days;
-- New York: 2026-03-08 02:00 -> 03:00 and 2026-11-01 02:00 -> 01:00
SELECT business_seconds('America/New_York; Sat-Sun 22:00-06:00', '2026-03-07 00:00 America/New_York', '2026-03-09 00:00 America/New_York') / 3600 AS spring_weekend,
	business_seconds('America/New_York; Sat-Sun 22:00-06:00', '2026-10-31 00:00 America/New_York', '2026-11-02 00:00 America/New_York') / 3600 AS autumn_weekend;
-- hours inside the skipped hour count only what exists: 02:30-04:00 on 2026-03-29 is one hour;
-- inside the repeated hour they count twice: 02:30-04:00 on 2026-10-25 is 30 min + 90 min
SELECT business_seconds('Europe/Berlin; Sun 02:30-04:00', '2026-03-29 00:00 Europe/Berlin', '2026-03-30 00:00 Europe/Berlin') / 60 AS spring_minutes,
	business_seconds('Europe/Berlin; Sun 02:30-04:00', '2026-10-25 00:00 Europe/Berlin', '2026-10-26 00:00 Europe/Berlin') / 60 AS autumn_minutes;

-- holidays and half-days: week of 2026-12-21, Mon-Fri 09:00-17:00 (40 h);
-- Thursday 24th 09:00-13:00 (-4 h), Friday 25th closed (-8 h) -> 28 h
SELECT business_seconds('UTC; Mon-Fri 09:00-17:00; 2026-12-24 09:00-13:00; holidays 2026-12-25',
	'2026-12-21 00:00+00', '2026-12-28 00:00+00') / 3600 AS christmas_week,
	business_seconds('UTC; Mon-Fri 09:00-17:00; 2026-12-24 09:00-13:00; holidays 2026-12-25',
	'2026-12-24 12:00+00', '2026-12-24 15:00+00') / 3600 AS half_day_afternoon;
-- a range of holidays, across New Year: 2026-12-28 .. 2027-01-08 closed except 2026-12-31 10:00-14:00
SELECT business_seconds('Europe/Moscow; Mon-Fri 09:00-18:00; 2026-12-31 10:00-14:00; holidays 2026-12-28..2026-12-30, 2027-01-01..2027-01-08',
	'2026-12-25 17:00 Europe/Moscow', '2027-01-11 10:00 Europe/Moscow') / 3600 AS new_year;
-- a night shift belongs to the day it starts: a holiday on Tuesday cancels Tuesday 22:00 - Wednesday 06:00,
-- not Monday 22:00 - Tuesday 06:00
SELECT business_seconds('UTC; Mon-Fri 22:00-06:00; holidays 2026-03-10', '2026-03-09 00:00+00', '2026-03-12 00:00+00') / 3600 AS mon_and_wed_nights;
-- multi-year: every weekday of 2000 .. 2099 in Berlin is 8 working hours, DST or not
SELECT business_seconds('Europe/Berlin; Mon-Fri 09:00-17:00', '2000-01-01 00:00 Europe/Berlin', '2100-01-01 00:00 Europe/Berlin') / 3600 / 8 AS weekdays,
	(SELECT count(*) FROM generate_series(date '2000-01-01', date '2099-12-31', '1 day') d WHERE extract(isodow FROM d) < 6) AS counted;

-- is_business_time: intervals are half-open [start, end)
SELECT t, is_business_time('Europe/Berlin; Mon-Fri 09:00-17:00; Sat 22:00-02:00', t AT TIME ZONE 'Europe/Berlin')
FROM (VALUES (timestamp '2026-03-13 08:59:59.999999'), ('2026-03-13 09:00'), ('2026-03-13 16:59:59.999999'),
	('2026-03-13 17:00'), ('2026-03-14 23:30'), ('2026-03-15 01:59:59'), ('2026-03-15 02:00')) v(t);

-- business_add: the first instant at which that much working time has passed
SELECT business_add('Europe/Berlin; Mon-Fri 09:00-17:00', '2026-03-13 16:00 Europe/Berlin', 7200) AT TIME ZONE 'Europe/Berlin' AS sla_due,
	business_add('Europe/Berlin; Mon-Fri 09:00-17:00', '2026-03-13 16:00 Europe/Berlin', 3600) AT TIME ZONE 'Europe/Berlin' AS at_closing,
	business_add('Europe/Berlin; Mon-Fri 09:00-17:00', '2026-03-14 10:00 Europe/Berlin', 0) AT TIME ZONE 'Europe/Berlin' AS zero_outside_hours,
	business_add('Europe/Berlin; Mon-Fri 09:00-17:00', '2026-03-14 10:00 Europe/Berlin', 0.5) AT TIME ZONE 'Europe/Berlin' AS half_a_second;
SELECT business_add('America/New_York; Sat-Sun 22:00-06:00', '2026-11-01 00:00 America/New_York', 3 * 3600) AS after_the_repeated_hour,
	business_seconds('America/New_York; Sat-Sun 22:00-06:00', '2026-11-01 00:00 America/New_York', '2026-11-01 06:00 UTC') / 3600 AS check_hours;

-- NULL in, NULL out
SELECT business_seconds(NULL, now(), now()) IS NULL AS a, business_seconds('UTC', NULL, now()) IS NULL AS b,
	business_add('UTC', now(), NULL) IS NULL AS c, is_business_time('UTC', NULL) IS NULL AS d;
-- a calendar per queue, stored in a table
CREATE TABLE queues (queue text PRIMARY KEY, cal business_calendar);
INSERT INTO queues VALUES ('moscow', 'Europe/Moscow; Mon-Fri 09:00-18:00'), ('night', 'UTC; Mon-Sun 22:00-06:00');
SELECT queue, business_seconds(cal, '2026-03-13 12:00+00', '2026-03-14 12:00+00') / 3600 AS hours FROM queues ORDER BY queue;

-- errors
SELECT 'Europe/Mosow; Mon 09:00-10:00'::business_calendar;
SELECT 'right/UTC; Mon 09:00-10:00'::business_calendar;
SELECT 'UTC; Mon 09:00-09:00'::business_calendar;
SELECT 'UTC; Mon 09:00-12:00, 11:00-13:00'::business_calendar;
SELECT 'UTC; Mon 22:00-06:00; Tue 05:00-10:00'::business_calendar;
SELECT 'UTC; Sun 22:00-06:00; Mon 05:00-10:00'::business_calendar;
SELECT 'UTC; Mon-Fri 22:00-06:00; 2026-03-10 05:00-07:00'::business_calendar;
SELECT 'UTC; Mon-Fri 09:00-13:00; Mon 14:00-18:00'::business_calendar;
SELECT 'UTC; Mon-Fri, Wed 09:00-13:00'::business_calendar;
SELECT 'UTC; Mon 25:00-26:00'::business_calendar;
SELECT 'UTC; Mon 09:60-10:00'::business_calendar;
SELECT 'UTC; Mon 24:00-06:00'::business_calendar;
SELECT 'UTC; holidays 2026-02-30'::business_calendar;
SELECT 'UTC; holidays 2026-02-10..2026-02-01'::business_calendar;
SELECT 'UTC; holidays 2026-02-10, 2026-02-01..2026-02-12'::business_calendar;
SELECT 'UTC; 2026-02-10 09:00-12:00; holidays 2026-02-10'::business_calendar;
SELECT 'UTC; Mon 9h-18h'::business_calendar;
SELECT 'UTC; Mnday 09:00-18:00'::business_calendar;
SELECT 'UTC; Mon-Fri 09:00-18:00;'::business_calendar;
SELECT 'UTC Mon-Fri 09:00-18:00'::business_calendar;
SELECT '; Mon-Fri 09:00-18:00'::business_calendar;
SELECT 'UTC; Mon-Fri09:00-18:00'::business_calendar;
SELECT 'UTC; 2026-01-0109:00-18:00'::business_calendar;
SELECT 'UTC; holidays 26-01-01'::business_calendar;
SELECT 'UTC; Mon 09:00-10:00 Tue 10:00-11:00'::business_calendar;
-- at most 24 intervals a day
SELECT 'UTC; Mon ' || string_agg(format('%s-%s', time '00:00' + i * interval '10 min', time '00:05' + i * interval '10 min'), ', ') AS cal
	FROM generate_series(0, 24) i \gset
SELECT :'cal'::business_calendar;
SELECT business_seconds('UTC', '-infinity', now());
SELECT business_add('UTC; Mon 09:00-10:00', now(), -1);
SELECT business_add('UTC; Mon 09:00-10:00', now(), 'NaN');
SELECT business_add('UTC; 2026-01-05 09:00-10:00', '2026-01-01', 3601);
SELECT business_add('UTC', '2026-01-01', 1);
-- review fixes: DST transitions repeated every 400 years are not lost; no
-- overflow near the ends of the timestamp range; no negative zero
SELECT business_seconds('Europe/Berlin; Mon-Fri 09:00-17:00', '2769-10-01 00:00 Europe/Berlin', '2770-07-15 12:00 Europe/Berlin') AS whole,
	business_seconds('Europe/Berlin; Mon-Fri 09:00-17:00', '2769-10-01 00:00 Europe/Berlin', '2770-01-01 00:00 Europe/Berlin')
	+ business_seconds('Europe/Berlin; Mon-Fri 09:00-17:00', '2770-01-01 00:00 Europe/Berlin', '2770-07-15 12:00 Europe/Berlin') AS split;
SELECT business_add('Europe/Berlin; Mon-Fri 09:00-17:00', '2769-10-01 00:00 Europe/Berlin', 8 * 3600 * 200) AT TIME ZONE 'Europe/Berlin' AS due;
SELECT business_add('UTC; Mon-Sun 00:00-24:00', '3100-01-01+00', 9.19e12);
SELECT business_seconds('UTC; Mon-Sun 00:00-24:00', '4714-11-24 00:00+00 BC', '294276-12-31 23:59:59.999999+00');
SELECT business_seconds('UTC; Mon-Sun 00:00-24:00', '2000-01-01+00', '250000-01-01+00');
SELECT business_seconds('AAA-167; Mon-Sun 09:00-10:00', '2026-01-01+00', '2026-01-02+00');
SELECT business_seconds('UTC', '2026-01-02+00', '2026-01-01+00') AS reversed_empty;
-- a calendar that is a constant of the query is checked once per call site;
-- a PL/pgSQL variable is not one (the same call site sees each call's value)
CREATE FUNCTION pl_business_add(c business_calendar, s timestamptz, x float8) RETURNS timestamptz
	LANGUAGE plpgsql AS $$ BEGIN RETURN business_add(c, s, x); END $$;
SELECT c, pl_business_add(c::business_calendar, '2026-01-05 10:00+00', 3600) AS due,
	business_add(c::business_calendar, '2026-01-05 10:00+00', 3600) AS due_sql
FROM (VALUES ('UTC; Mon-Fri 09:00-17:00'), ('UTC; Mon-Fri 13:00-17:00'), ('Europe/Berlin; Mon-Fri 13:00-17:00')) v(c);
DROP FUNCTION pl_business_add;
-- short additions walk the intervals, longer ones invert the sums: the same
-- instants on both sides of the switch (a week's hours) and across a DST change
SELECT x, business_add('Europe/Berlin; Mon-Fri 09:00-17:00; holidays 2026-03-30', '2026-03-27 16:00 Europe/Berlin', x) AT TIME ZONE 'Europe/Berlin' AS due,
	business_seconds('Europe/Berlin; Mon-Fri 09:00-17:00; holidays 2026-03-30', '2026-03-27 16:00 Europe/Berlin',
		business_add('Europe/Berlin; Mon-Fri 09:00-17:00; holidays 2026-03-30', '2026-03-27 16:00 Europe/Berlin', x)) AS back
FROM (VALUES (3600::float8), (7200), (40 * 3600 - 1), (40 * 3600), (40 * 3600 + 1), (41 * 3600)) v(x);
-- a constant calendar's table of DST segments over starts in three clusters
-- far apart (1890, 1970, 2024: placeholder dates beside current data) is
-- built to hold them all, and gives what the same calendar read from a
-- column gives (no table)
CREATE TABLE clusters AS SELECT CASE i % 3 WHEN 0 THEN timestamptz '1970-01-01' WHEN 1 THEN '1890-06-01' ELSE '2024-03-01' END
	+ (abs(hashint4(i)) % 100000) * interval '7 min' AS s, (abs(hashint4(i + 1)) % 5000000)::float8 AS secs
FROM generate_series(1, 3000) i;
CREATE TABLE cluster_cals (cal business_calendar);
INSERT INTO cluster_cals VALUES ('America/New_York; Mon-Fri 09:00-17:00'), ('Europe/Berlin; Sun 02:00-03:30; Mon-Fri 22:00-06:00; holidays 2024-12-24');
SELECT c.cal::text, count(*) AS additions, count(*) FILTER (WHERE business_add(c.cal, s, secs) IS DISTINCT FROM
	CASE WHEN c.cal::text LIKE 'America%' THEN business_add('America/New_York; Mon-Fri 09:00-17:00', s, secs)
		ELSE business_add('Europe/Berlin; Sun 02:00-03:30; Mon-Fri 22:00-06:00; holidays 2024-12-24', s, secs) END) AS differ
FROM clusters, cluster_cals c GROUP BY 1 ORDER BY 1;
DROP TABLE clusters, cluster_cals;
