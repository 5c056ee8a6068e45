--
-- Queue KPIs: service level (sl_pct), abandon rate, ASA.
--
SET extra_float_digits = 0;
-- The published example: 1000 answered (860 within 20 s), 60 abandoned
-- (20 within 20 s, 10 of them within 5 s).
CREATE TABLE calls AS
SELECT i AS id, make_interval(secs => w) AS wait, i <= 1000 AS answered, w::float8 AS wait_s,
	timestamptz '2026-02-02 09:00:00+00' + i * interval '1 min' AS offered_at,
	CASE WHEN i % 2 = 0 THEN 'phone' ELSE 'chat' END AS channel,
	date '2026-02-02' + (i - 1) / 300 AS day
FROM (SELECT i, CASE WHEN i <= 860 THEN 10 WHEN i <= 1000 THEN 30
	WHEN i <= 1010 THEN 3 WHEN i <= 1020 THEN 15 ELSE 40 END AS w
	FROM generate_series(1, 1060) i) x;

-- against 860/1060 = 81.13, ignore_early 860/1040 = 82.69, favour 880/1060 = 83.02,
-- answered_only 860/1000 = 86, against without 5 s short abandons 860/1050 = 81.90
SELECT round(sl_pct(wait, answered, '20 s'), 2) AS against,
	round(sl_pct(wait, answered, '20 s', '0 s', 'ignore_early'), 2) AS ignore_early,
	round(sl_pct(wait, answered, '20 s', '0 s', 'favour'), 2) AS favour,
	round(sl_pct(wait, answered, '20 s', '0 s', 'answered_only'), 2) AS answered_only,
	round(sl_pct(wait, answered, '20 s', '5 s'), 2) AS against_short_5s
FROM calls;
-- the same in seconds, and from timestamps (answered_at NULL = abandoned)
SELECT round(sl_pct(wait_s, answered, 20), 2) AS seconds_form,
	round(sl_pct(wait_s, answered, 20, 5, 'ignore_early'), 2) AS seconds_ignore_early,
	round(sl_pct(offered_at, CASE WHEN answered THEN offered_at + wait END, '20 s'), 2) AS timestamp_form
FROM calls;

-- abandon rate 60/1060 = 5.66 %, without short abandons 50/1050 = 4.76 %;
-- ASA (860 x 10 + 140 x 30) / 1000 = 12.8 s
SELECT round(abandon_rate(wait, answered), 2) AS abandon_rate,
	round(abandon_rate(wait, answered, '5 s'), 2) AS without_short,
	round(abandon_rate(wait_s, answered, 5), 2) AS seconds_form,
	asa(wait, answered), asa(wait_s, answered) AS asa_s,
	asa(offered_at, CASE WHEN answered THEN offered_at + wait END) AS asa_ts
FROM calls;

-- per-row thresholds: 20 s for phone, 60 s for chat
SELECT channel, round(sl_pct(wait, answered, CASE channel WHEN 'phone' THEN interval '20 s' ELSE interval '60 s' END), 2) AS sl
FROM calls GROUP BY ROLLUP (channel) ORDER BY channel;

-- two-step: daily states, rolled up; the sum of counters, never the mean of percentages
-- (days: 300, 300, 300 and 160 contacts, 150 offered after 10 short abandons;
-- daily SL 100, 100, 86.67 and 0 %)
CREATE TABLE queue_daily AS
SELECT day, queue_agg(wait, answered, '20 s', '5 s') AS st
FROM calls GROUP BY 1;
SELECT day, st FROM queue_daily ORDER BY day;
SELECT round(sl_pct(rollup(st)), 2) AS sl_from_counters,
	round(avg(sl_pct(st)), 2) AS mean_of_daily_sl_wrong,
	offered(rollup(st)), answered(rollup(st)), answered_within(rollup(st)),
	abandoned(rollup(st)), short_abandoned(rollup(st)),
	round(sl_pct(rollup(st), 'favour'), 2) AS favour,
	round(sl_ci_lower(rollup(st)), 2) AS sl_ci_low, round(sl_ci_upper(rollup(st)), 2) AS sl_ci_high,
	round(abandon_rate(rollup(st)), 2) AS abandon, round(abandon_rate_ci_lower(rollup(st)), 2) AS ab_ci_low,
	round(abandon_rate_ci_upper(rollup(st)), 2) AS ab_ci_high, asa(rollup(st))
FROM queue_daily;

-- rolling service level over the last 100 contacts
SELECT id, sl_last100 FROM (
	SELECT id, round(sl_pct(wait, answered, '20 s') OVER (ORDER BY id ROWS 99 PRECEDING), 2) AS sl_last100
	FROM calls) w
WHERE id IN (100, 855, 900, 950, 1000, 1060) ORDER BY id;

-- NULLs: a NULL outcome, or an answered row without its wait, is skipped (no row
-- left gives NULL); an abandoned row without its wait counts as abandoned after T
SELECT sl_pct(w, a, '20 s') IS NULL AS all_skipped
FROM (VALUES (NULL::interval, true), ('5 s', NULL)) v(w, a);
SELECT round(sl_pct(w, a, '20 s'), 2), round(sl_pct(w, a, '20 s', '5 s', 'favour'), 2) AS favour,
	round(abandon_rate(w, a), 2) AS abandon_rate, asa(w, a)
FROM (VALUES (NULL::interval, true), ('5 s', true), ('30 s', false), (NULL, false)) v(w, a);
SELECT asa(w, a) IS NULL AS no_answered FROM (VALUES ('5 s'::interval, false)) v(w, a);

-- text form
SELECT '{"version":1,"kind":"queue","policy":"favour","answered":10,"answered_within":8,"abandoned":2,"abandoned_within":1,"short_abandoned":0,"answered_wait_us":1000000}'::queue_state;
SELECT sl_pct('{"version":1,"kind":"queue","policy":"favour","answered":10,"answered_within":8,"abandoned":2,"abandoned_within":1,"short_abandoned":0,"answered_wait_us":1000000}'::queue_state);

-- seconds round to the microsecond half to even, as make_interval() does: the forms agree
SELECT sl_pct(w, true, 20) AS seconds_form, sl_pct(make_interval(secs => w), true, '20 s') AS interval_form
FROM (VALUES (20.0000005::float8), (20.0000015)) v(w);

-- errors
SELECT sl_pct(st) FROM (VALUES ('{"version":1,"kind":"queue","policy":"against","answered":9223372036854775807,"answered_within":0,"abandoned":1,"abandoned_within":0,"short_abandoned":0,"answered_wait_us":0}'::queue_state)) v(st);
SELECT '{"version":1,"kind":"queue","policy":"against","answered":0,"answered_within":0,"abandoned":0,"abandoned_within":0,"short_abandoned":0,"answered_wait_us":5}'::queue_state;
SELECT sl_pct(1e13::float8, true, 20);
SELECT sl_pct('-5 s'::interval, true, '20 s');
SELECT sl_pct(-1::float8, true, 20);
SELECT sl_pct('NaN'::float8, true, 20);
SELECT sl_pct(timestamptz '2026-01-01 10:00+00', timestamptz '2026-01-01 09:59+00', '20 s');
SELECT sl_pct('infinity'::timestamptz, now(), '20 s');
SELECT sl_pct('5 s'::interval, true, NULL);
SELECT sl_pct('5 s'::interval, true, '-20 s');
SELECT sl_pct('5 s'::interval, true, '20 s', '5 s', 'nope');
SELECT sl_pct('5 s'::interval, true, '20 s', '5 s', NULL);
SELECT sl_pct(w, true, '20 s', '0 s', p) FROM (VALUES ('5 s'::interval, 'against'), ('6 s', 'favour')) v(w, p);
SELECT rollup(st) FROM (SELECT queue_agg('5 s'::interval, true, '20 s') UNION ALL SELECT queue_agg('5 s'::interval, true, '20 s', '0 s', 'favour')) v(st);
SELECT sl_pct(st, 'nope') FROM queue_daily;
SELECT '{"version":1,"kind":"queue","policy":"against","answered":1,"answered_within":2,"abandoned":0,"abandoned_within":0,"short_abandoned":0,"answered_wait_us":0}'::queue_state;
SELECT '{"version":1,"kind":"queue","policy":"sometimes","answered":1,"answered_within":1,"abandoned":0,"abandoned_within":0,"short_abandoned":0,"answered_wait_us":0}'::queue_state;

-- parameters that are constants of the query are checked and converted once per
-- call site, others on every row: the figures agree with each other and with
-- counts written out by hand (5000 contacts, waits 0-99.9 s, 1 in 10 abandoned,
-- 1 in 50 with an unknown wait)
CREATE TEMP TABLE queue_params AS
SELECT i, CASE WHEN i % 50 = 0 THEN NULL ELSE (i * 37 % 1000) / 10.0::float8 END AS w,
	i % 10 <> 3 AS a, 20.0::float8 AS t, 5.0::float8 AS sh, 'ignore_early'::text AS p,
	CASE WHEN i % 2 = 0 THEN 20.0 ELSE 60.0 END::float8 AS t2
FROM generate_series(1, 5000) i;
SELECT sl_pct(w, a, 20) = sl_pct(w, a, t) AS same3,
	sl_pct(w, a, 20, 5, 'ignore_early') = sl_pct(w, a, t, sh, p) AS same5,
	sl_pct(make_interval(secs => w), a, '20 s', '5 s', 'ignore_early') = sl_pct(w, a, t, sh, p) AS same_interval,
	sl_pct(timestamptz '2026-01-01', CASE WHEN a THEN timestamptz '2026-01-01' + make_interval(secs => coalesce(w, 0)) END, '20 s')
		= sl_pct(timestamptz '2026-01-01', CASE WHEN a THEN timestamptz '2026-01-01' + make_interval(secs => coalesce(w, 0)) END,
				 make_interval(secs => t)) AS same_timestamps,
	round(sl_pct(w, a, 20), 12) = round(100.0 * count(*) FILTER (WHERE a AND w <= 20) / count(*) FILTER (WHERE w IS NOT NULL OR NOT a), 12) AS hand3,
	round(sl_pct(w, a, 20, 5, 'ignore_early'), 12) = round(100.0 * count(*) FILTER (WHERE a AND w <= 20) /
		count(*) FILTER (WHERE (a AND w IS NOT NULL) OR (NOT a AND (w IS NULL OR w > 20))), 12) AS hand5,
	round(sl_pct(w, a, t2), 12) = round(100.0 * count(*) FILTER (WHERE a AND w <= t2) / count(*) FILTER (WHERE w IS NOT NULL OR NOT a), 12) AS hand_per_row,
	round(abandon_rate(w, a), 12) = round(100.0 * count(*) FILTER (WHERE NOT a) / count(*) FILTER (WHERE w IS NOT NULL OR NOT a), 12) AS hand_abandon,
	round(asa(w, a)::numeric, 9) = round(avg(w::numeric) FILTER (WHERE a), 9) AS hand_asa
FROM queue_params;
-- grouped, the same through a window frame (the moving transition checks every row)
SELECT count(*) FILTER (WHERE x IS DISTINCT FROM y) AS groups_differing, count(*) AS groups
FROM (SELECT i % 7 AS g, sl_pct(w, a, 20, 5, 'ignore_early') AS x, sl_pct(w, a, t, sh, p) AS y
	FROM queue_params GROUP BY 1) z;
SELECT count(*) FILTER (WHERE x IS DISTINCT FROM y) AS rows_differing, count(*) AS rows
FROM (SELECT sl_pct(w, a, 20, 5, 'ignore_early') OVER f AS x, sl_pct(w, a, t, sh, p) OVER f AS y
	FROM queue_params WINDOW f AS (ORDER BY i ROWS 29 PRECEDING)) z;
-- a parameter from a column is still checked on every row; a constant one on the first row
SELECT sl_pct(w, a, CASE WHEN i = 4001 THEN NULL ELSE t END) FROM queue_params;
SELECT sl_pct(w, a, t, CASE WHEN i = 4001 THEN -1 ELSE sh END) FROM queue_params;
SELECT sl_pct(w, a, t, sh, CASE WHEN i = 4001 THEN 'favour' ELSE p END) FROM queue_params;
SELECT sl_pct(w, NULL::boolean, NULL::float8) FROM queue_params;
SELECT sl_pct(w, a, 20, 5, 'nope') FROM queue_params WHERE false;
