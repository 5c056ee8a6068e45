--
-- Duration sketch: percentiles of durations within 0.5 % (relative).
--
SET extra_float_digits = 0;
-- Buckets (gamma = 201/199): bucket i holds the whole microseconds in
-- (gamma^(i-1), gamma^i], its representative is 2 gamma^i / (gamma + 1):
--   1 s  -> bucket 1382, 994 620 .. 1 004 615 us, representative  999 592.15 us
--   2 s  -> bucket 1451, 1 982 999 .. 2 002 928 us, representative 1 992 913.86 us
--   10 s -> bucket 1612 (9 920 703 .. 10 020 407 us)
-- Values 0, 1 s, 2 s, 10 s: count 4, mean 13 / 4 = 3.25 s, min 0 and max 10 s
-- exact; median = rank 1.5 = (est(1 s) + est(2 s)) / 2
--   = (999 592.15 + 1 992 913.86) / 2 us = 1.496253 s (percentile_cont: 1.5)
CREATE TABLE d4 (s float8);
INSERT INTO d4 VALUES (0), (1), (2), (10);
SELECT duration_count(st), duration_mean(st), duration_min(st), duration_max(st),
	duration_median(st), abs(duration_median(st) - 1.5) / 1.5 < 0.005 AS within_half_pct
FROM (SELECT duration_agg(s) AS st FROM d4) x;
SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY s) AS exact_median FROM d4;
-- the representative of bucket 1382, as the formula gives it
SELECT duration_median(duration_agg(s)) AS est_1s,
	round((2 * (201 / 199.0) ^ 1382 / (201 / 199.0 + 1))::numeric / 1e6, 9) AS formula
FROM (VALUES (0), (1), (10)) v(s);
-- p = 0.75: rank 2.25 = est(2 s) + 0.25 (10 s - est(2 s)) (10 s is the exact max)
SELECT duration_percentiles(duration_agg(s), '{0, 0.25, 0.5, 0.75, 1, NULL}') FROM d4;
SELECT duration_percentiles(duration_agg(s), '{{0, 0.5}, {1, NULL}}') AS two_dims,
	duration_percentiles(duration_agg(s), '{}') AS none FROM d4;
-- share within: 0 and 1 s are <= 1.5 s; 2 s and 10 s are not
SELECT duration_share_within(st, 1.5) AS within_1_5, duration_share_within(st, 0) AS within_0,
	duration_share_within(st, 10) AS within_10, duration_share_within(st, 2) AS within_2
FROM (SELECT duration_agg(s) AS st FROM d4) x;

-- the state: 0 in the zero counter, 1 s, 1.01 s, 1.02 s in buckets 1382, 1383, 1384
SELECT duration_agg(s) FROM (VALUES (0), (1), (1.01), (1.02)) v(s);
-- interval, seconds and timestamp forms give the same state
SELECT duration_agg(d)::text = duration_agg(extract(epoch FROM d)::float8)::text AS same_seconds,
	duration_agg(d)::text = duration_agg(t, t + d)::text AS same_timestamps,
	duration_agg(d)::text = resolution_time_agg(t, t + d)::text AS same_resolution
FROM (VALUES ('0 s'::interval, now()), ('1 s', now()), ('1 h 20 min', now())) v(d, t);

-- tiny and huge values: whole microseconds below 100 are exact; 2^63 - 1 us is the largest
SELECT duration_percentiles(duration_agg(make_interval(secs => n / 1e6)), '{0.25, 0.5, 0.75}')
FROM generate_series(1, 9) n;
SELECT duration_agg('9223372036854775807 microseconds'::interval);

-- NULLs, empty input, one row
SELECT duration_agg(s) IS NULL AS no_rows FROM d4 WHERE false;
SELECT duration_agg(s) IS NULL AS all_null FROM (VALUES (NULL::float8), (NULL)) v(s);
SELECT duration_agg(a, b) IS NULL AS unresolved_skipped
FROM (VALUES ('2026-01-01'::timestamptz, NULL::timestamptz), (NULL, '2026-01-02')) v(a, b);
SELECT st, duration_median(st), duration_min(st), duration_max(st), duration_percentile(st, 0.9)
FROM (SELECT duration_agg(s) AS st FROM (VALUES (NULL::float8), (86400.5)) v(s)) x;
SELECT duration_percentile(duration_agg(s), NULL) IS NULL AS null_p,
	duration_median(NULL) IS NULL AS null_state FROM d4;
-- resolution time of tickets: a NULL resolved_at (open ticket) is skipped
CREATE TABLE tickets (id int, opened_at timestamptz, resolved_at timestamptz);
INSERT INTO tickets VALUES
	(1, '2026-03-02 09:00', '2026-03-02 09:45'), (2, '2026-03-02 10:00', '2026-03-02 14:00'),
	(3, '2026-03-02 11:00', NULL), (4, '2026-03-03 08:00', '2026-03-04 08:00'),
	(5, '2026-03-03 09:00', '2026-03-03 09:30');
-- resolved: 45 min, 4 h, 24 h, 30 min; mean 1755 / 4 min = 7.3125 h; median (45 min + 4 h) / 2
-- = 2.375 h estimated within 0.5 %.  Within 4 h: 30 min and 45 min count; 4 h itself lies in
-- bucket 2340 (3.9988 h .. 4.0390 h), whose estimate 4.0188 h exceeds 4 h: the values in the
-- threshold's bucket count all or none (50 %, exactly 75 %); within 4.05 h: 75 %
SELECT duration_count(st), duration_median(st) / 3600 AS median_h, duration_mean(st) / 3600 AS mean_h,
	duration_share_within(st, 4 * 3600) AS within_4h, duration_share_within(st, 4.05 * 3600) AS within_4h03
FROM (SELECT resolution_time_agg(opened_at, resolved_at) AS st FROM tickets) x;

-- rolling median, min and max of the last 3 tickets (inverse transition; exact extremes)
SELECT id, duration_median(resolution_time_agg(opened_at, resolved_at) OVER w) / 60 AS median_min,
	duration_min(resolution_time_agg(opened_at, resolved_at) OVER w) / 60 AS min_min,
	duration_max(resolution_time_agg(opened_at, resolved_at) OVER w) / 60 AS max_min
FROM tickets WINDOW w AS (ORDER BY id ROWS 2 PRECEDING) ORDER BY id;

-- two-step: daily states, rolled up
CREATE TABLE daily AS SELECT opened_at::date AS day, resolution_time_agg(opened_at, resolved_at) AS st
FROM tickets GROUP BY 1;
SELECT rollup(st)::text = (SELECT resolution_time_agg(opened_at, resolved_at)::text FROM tickets) AS same_bytes
FROM daily;
-- removing a merged state outside an aggregate: the minimum (30 min) left, the
-- rest's minimum is unknown (min_count 0): min_us is the lower bound of the
-- lowest bucket (45 min's), duration_min that bucket's estimate (45 min within 0.5 %)
SELECT duration_sketch_uncombine(t.st, d.st), duration_min(duration_sketch_uncombine(t.st, d.st)) / 60 AS min_minutes,
	duration_max(duration_sketch_uncombine(t.st, d.st)) / 60 AS max_minutes
FROM (SELECT rollup(st) AS st FROM daily) t, daily d WHERE d.day = '2026-03-03';

-- text form: the output reads back as it is
SELECT duration_agg(s)::text::duration_sketch::text = duration_agg(s)::text AS round_trip FROM d4;
SELECT '{"version":1,"kind":"duration","count":0,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}'::duration_sketch AS empty;
SELECT duration_count(e), duration_median(e) IS NULL AS no_median
FROM (SELECT '{"version":1,"kind":"duration","count":0,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}'::duration_sketch AS e) x;
SELECT ' { "buckets" : [ 1 ] , "offset" : 1382, "zero":0, "max_count":1, "max_us":1000000, "min_count":1,
	"min_us":1000000, "sum_us":1000000, "count":1, "kind":"duration", "version":1 } '::duration_sketch AS any_order;
-- an unknown minimum (min_count 0) is the lower bound of its bucket
SELECT st, duration_min(st), duration_max(st)
FROM (SELECT '{"version":1,"kind":"duration","count":3,"sum_us":3000000,"min_us":994620,"min_count":0,"max_us":1004615,"max_count":1,"zero":0,"offset":1382,"buckets":[3]}'::duration_sketch AS st) x;

-- errors: durations
SELECT duration_agg('-1 s'::interval);
SELECT duration_agg('NaN'::float8);
SELECT duration_agg('Infinity'::float8);
SELECT duration_agg('2026-01-02'::timestamptz, '2026-01-01'::timestamptz);
SELECT resolution_time_agg('2026-01-02'::timestamptz, '2026-01-01'::timestamptz);
SELECT resolution_time_agg('-infinity'::timestamptz, '2026-01-01'::timestamptz);
SELECT duration_agg(d) FROM (VALUES ('150000 years'::interval), ('150000 years')) v(d);
-- errors: accessors
SELECT duration_percentile(duration_agg(s), 1.5) FROM d4;
SELECT duration_percentile(duration_agg(s), 'NaN') FROM d4;
SELECT duration_percentiles(duration_agg(s), '{0.5, -0.1}') FROM d4;
SELECT duration_share_within(duration_agg(s), -1) FROM d4;
SELECT duration_sketch_accum(NULL, '1 s'::interval);
SELECT duration_sketch_uncombine(x.st, y.st)
FROM (SELECT duration_agg(s) AS st FROM d4) x, (SELECT duration_agg(3::float8) AS st) y;

-- errors: forged text input, one per check
SELECT '{"version":1,"kind":"duration","count":1}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":1,"count":1}'::duration_sketch;
SELECT '{"version":1,"kind":"nps","count":1}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":1.5}'::duration_sketch;
SELECT '{"version":2,"kind":"duration","count":0,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":0,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]} x'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":99999999999999999999,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":1,"sum_us":1,"min_us":1,"min_count":1,"max_us":1,"max_count":1,"zero":-1,"offset":0,"buckets":[2]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":1,"sum_us":1000000,"min_us":1000000,"min_count":1,"max_us":1000000,"max_count":1,"zero":0,"offset":1382,"buckets":[-1,2]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":2,"sum_us":1000000,"min_us":1000000,"min_count":1,"max_us":1000000,"max_count":1,"zero":0,"offset":1382,"buckets":[1]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":1,"sum_us":1000000,"min_us":1000000,"min_count":1,"max_us":1000000,"max_count":1,"zero":0,"offset":1381,"buckets":[0,1]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":1,"sum_us":1,"min_us":1,"min_count":1,"max_us":1,"max_count":1,"zero":0,"offset":4367,"buckets":[1,1]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":0,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":5,"buckets":[]}'::duration_sketch;
SELECT ('{"version":1,"kind":"duration","count":1,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":['
	|| repeat('1,', 4368) || '1]}')::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":1,"sum_us":1,"min_us":1,"min_count":1,"max_us":1,"max_count":1,"zero":0,"offset":1,"buckets":[1]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":0,"sum_us":5,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":1,"sum_us":1000000,"min_us":1000000,"min_count":1,"max_us":1000001,"max_count":1,"zero":0,"offset":1382,"buckets":[1]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":2,"sum_us":2000000,"min_us":1000000,"min_count":1,"max_us":1000000,"max_count":1,"zero":0,"offset":1382,"buckets":[2]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":2,"sum_us":3000000,"min_us":2000000,"min_count":1,"max_us":2000000,"max_count":1,"zero":0,"offset":1382,"buckets":[1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":2,"sum_us":3000000,"min_us":1000000,"min_count":1,"max_us":1000000,"max_count":1,"zero":0,"offset":1382,"buckets":[1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":3,"sum_us":4000000,"min_us":1000000,"min_count":2,"max_us":2000000,"max_count":1,"zero":0,"offset":1382,"buckets":[1,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,2]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":2,"sum_us":2000000,"min_us":0,"min_count":1,"max_us":2000000,"max_count":1,"zero":0,"offset":1451,"buckets":[2]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":2,"sum_us":1000000,"min_us":0,"min_count":0,"max_us":1000000,"max_count":1,"zero":1,"offset":1382,"buckets":[1]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":3,"sum_us":3000000,"min_us":994621,"min_count":0,"max_us":1004615,"max_count":1,"zero":0,"offset":1382,"buckets":[3]}'::duration_sketch;
SELECT '{"version":1,"kind":"duration","count":2,"sum_us":9000000,"min_us":1000000,"min_count":1,"max_us":1004615,"max_count":1,"zero":0,"offset":1382,"buckets":[2]}'::duration_sketch;
-- review fixes: a direct uncombine whose result would not be a valid sketch
-- is refused; huge counts never index past the last value; a threshold
-- beyond any duration counts every value
SELECT duration_sketch_uncombine(
  (SELECT duration_agg(x) FROM (VALUES (0.000991::float8), (0.001)) v(x)),
  (SELECT duration_agg(0.000995::float8)));
SELECT duration_percentile(duration_sketch_combine(
 '{"version":1,"kind":"duration","count":4611686018427387904,"sum_us":4611686018427387904,"min_us":1,"min_count":4611686018427387904,"max_us":1,"max_count":4611686018427387904,"zero":0,"offset":0,"buckets":[4611686018427387904]}',
 '{"version":1,"kind":"duration","count":4611686018427387903,"sum_us":0,"min_us":0,"min_count":4611686018427387903,"max_us":0,"max_count":4611686018427387903,"zero":4611686018427387903,"offset":0,"buckets":[]}'), 1) * 1e6 AS p100_us;
SELECT duration_share_within(duration_agg(x), 'Infinity'), duration_share_within(duration_agg(x), 1e13)
FROM (VALUES (1.0::float8), (2)) v(x);
