--
-- Resolution KPIs: fcr_rate, resolution_rate, reopen_rate, repeat contacts,
-- exact resolution_time percentiles.
--
-- FCR on a flag: 3 of the 4 non-NULL flags are true -> 75 %
SELECT fcr_rate(f), resolution_rate(f), reopen_rate(NOT f)
FROM (VALUES (true), (true), (false), (NULL), (true)) v(f);
-- no non-NULL flag: NULL
SELECT fcr_rate(f) FROM (VALUES (NULL::boolean)) v(f);
SELECT fcr_rate(f) FROM (SELECT true WHERE false) v(f);
-- a rolling FCR (inverse transitions)
SELECT i, fcr_rate(i % 3 <> 0) OVER (ORDER BY i ROWS 2 PRECEDING) FROM generate_series(1, 5) i;

-- Repeat contacts.  Customer a: 31 Jan then 2 Feb (a repeat across the month
-- boundary); b: once; c: 1 and 20 Jan (19 days apart: not a repeat); d: two
-- contacts at the same instant; e: a contact with no time.
CREATE TABLE repeat_contacts (customer text, contacted_at timestamptz);
INSERT INTO repeat_contacts VALUES
	('a', '2026-01-31 10:00+00'), ('a', '2026-02-02 09:00+00'),
	('b', '2026-01-15 12:00+00'),
	('c', '2026-01-01 08:00+00'), ('c', '2026-01-20 08:00+00'),
	('d', '2026-01-05 08:00+00'), ('d', '2026-01-05 08:00+00'),
	('e', '2026-01-06 08:00+00'), ('e', NULL);
SELECT customer, contacted_at AT TIME ZONE 'UTC' AS at,
	repeat_contact(contacted_at, '7 days') OVER w AS followed_by_repeat,
	is_repeat_contact(contacted_at, '7 days') OVER w AS is_repeat
FROM repeat_contacts WINDOW w AS (PARTITION BY customer ORDER BY contacted_at)
ORDER BY customer, contacted_at;
-- repeat-window FCR: contacts not followed by a repeat within 7 days:
-- a1 no; a2, b, c1, c2 yes; d1 no, d2 yes; e1 yes (NULL ignored) -> 6 of 8
SELECT fcr_rate(NOT followed) FROM (
	SELECT repeat_contact(contacted_at, '7 days') OVER (PARTITION BY customer ORDER BY contacted_at) AS followed
	FROM repeat_contacts) s;
-- the window may differ per row; NULL within gives NULL
SELECT customer, repeat_contact(contacted_at, CASE customer WHEN 'c' THEN '30 days'::interval WHEN 'b' THEN NULL ELSE '1 day' END)
	OVER (PARTITION BY customer ORDER BY contacted_at)
FROM repeat_contacts WHERE customer IN ('a', 'b', 'c') ORDER BY customer, contacted_at;
-- errors: wrong order, negative window, infinite time
SELECT repeat_contact(contacted_at, '7 days') OVER (PARTITION BY customer ORDER BY contacted_at DESC) FROM repeat_contacts;
SELECT is_repeat_contact(contacted_at, '7 days') OVER (ORDER BY customer) FROM repeat_contacts;
SELECT repeat_contact(contacted_at, '-1 day') OVER (ORDER BY contacted_at) FROM repeat_contacts;
SELECT repeat_contact(t, '1 day') OVER (ORDER BY t) FROM (VALUES ('2026-01-01'::timestamptz), ('infinity')) v(t);

-- Exact resolution time.  Four resolved contacts (1 min, 2 min, 5 min, 1 h)
-- and an unresolved one: median (120 + 300) / 2 = 210 s; p90 at rank
-- 0.9 x 3 = 2.7: 300 + 0.7 x 3300 = 2610 s.
CREATE TABLE resolved_tickets (opened_at timestamptz, resolved_at timestamptz);
INSERT INTO resolved_tickets VALUES
	('2026-03-01 10:00+00', '2026-03-01 10:01+00'), ('2026-03-01 11:00+00', '2026-03-01 11:02+00'),
	('2026-03-02 09:00+00', '2026-03-02 09:05+00'), ('2026-03-02 12:00+00', '2026-03-02 13:00+00'),
	('2026-03-03 08:00+00', NULL);
SELECT resolution_time(opened_at, resolved_at) AS median,
	resolution_time(opened_at, resolved_at, 0.9) AS p90,
	resolution_time(opened_at, resolved_at, ARRAY[0, 0.25, NULL, 1]) AS some,
	count(*) FILTER (WHERE resolved_at IS NULL) AS unresolved
FROM resolved_tickets;
-- the same as percentile_cont
SELECT percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - opened_at))
FROM resolved_tickets;
-- interval and seconds forms
SELECT resolution_time(resolved_at - opened_at) AS iv, resolution_time(extract(epoch FROM resolved_at - opened_at)::float8, 0.9) AS secs,
	resolution_time(resolved_at - opened_at, ARRAY[0.5]) AS iv_arr
FROM resolved_tickets;
-- one value; no value; sub-microsecond seconds kept as given
SELECT resolution_time(x), resolution_time(x, 0.3) FROM (VALUES (42.0000001::float8)) v(x);
SELECT resolution_time(x) FROM (VALUES (NULL::float8)) v(x);
SELECT resolution_time(x, ARRAY[0.5]) FROM (SELECT 1.0::float8 WHERE false) v(x);
SELECT resolution_time(x, '{}'::float8[]) FROM (VALUES (1.0::float8)) v(x);
-- a rolling exact median (the window form: O(log w) per row)
SELECT d, resolution_time(x) OVER (ORDER BY d ROWS 2 PRECEDING) AS rolling_median,
	resolution_time(x, 1) OVER (ORDER BY d) AS running_max
FROM (VALUES (1, 10.0::float8), (2, 50), (3, 20), (4, NULL), (5, 40), (6, 30)) v(d, x);
-- errors
SELECT resolution_time(resolved_at, opened_at) FROM resolved_tickets;
SELECT resolution_time(x, 1.5) FROM (VALUES (1.0::float8)) v(x);
SELECT resolution_time(x, NULL::float8) FROM (VALUES (1.0::float8)) v(x);
SELECT resolution_time(x, 'NaN') FROM (VALUES (1.0::float8)) v(x);
SELECT resolution_time(x, p) FROM (VALUES (1.0::float8, 0.5::float8), (2, 0.9)) v(x, p);
SELECT resolution_time(x, ARRAY[[0.5], [0.9]]) FROM (VALUES (1.0::float8)) v(x);
SELECT resolution_time(x, array_fill(0.5::float8, ARRAY[33])) FROM (VALUES (1.0::float8)) v(x);
SELECT resolution_time(x) FROM (VALUES (-1.0::float8)) v(x);
SELECT resolution_time(x) FROM (VALUES ('NaN'::float8)) v(x);
SELECT resolution_time(x) FROM (VALUES ('-5 min'::interval)) v(x);
SELECT resolution_time(o, r) FROM (VALUES ('-infinity'::timestamptz, now())) v(o, r);
-- a group larger than support_kpi.exact_max_values fails cleanly
SET support_kpi.exact_max_values = 100;
SELECT resolution_time(i::float8) FROM generate_series(1, 100) i;
SELECT resolution_time(i::float8) FROM generate_series(1, 101) i;
RESET support_kpi.exact_max_values;

-- the state type: text form round trip, strict input
SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[3,1.5,2]}'::duration_values;
SELECT '{"version":1,"percentiles":[0.5,null],"array":true,"values":[]}'::duration_values;
SELECT '{"version":2,"percentiles":[0.5],"array":false,"values":[1]}'::duration_values;
SELECT '{"version":1,"percentiles":[1.5],"array":false,"values":[1]}'::duration_values;
SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[-1]}'::duration_values;
SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[1e400]}'::duration_values;
SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[NaN]}'::duration_values;
SELECT '{"version":1,"percentiles":[0.5,0.9],"array":false,"values":[1]}'::duration_values;
SELECT '{"version":1,"percentiles":[0.5],"array":false}'::duration_values;
SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[1]} x'::duration_values;
SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[1],"values":[2]}'::duration_values;
-- the support functions are not callable outside an aggregate
SELECT duration_values_accum(NULL, 1.0::float8);
SELECT duration_values_combine('{"version":1,"percentiles":[0.5],"array":false,"values":[1]}',
	'{"version":1,"percentiles":[0.5],"array":false,"values":[2]}');
-- the final function on a stored value does not change it
CREATE TABLE stored_values (v duration_values);
INSERT INTO stored_values VALUES ('{"version":1,"percentiles":[0.5],"array":false,"values":[5,4,3,2,1]}');
SELECT duration_values_percentile(v), v FROM stored_values;
DROP TABLE stored_values, repeat_contacts, resolved_tickets;
-- review fixes: a computed percentile array is read for every row, not
-- reused by address (per group, and a mix of rows is an error)
SELECT g, resolution_time(x, ARRAY[p]) AS ours, percentile_cont(ARRAY[p]) WITHIN GROUP (ORDER BY x) AS cont
FROM (SELECT i % 3 AS g, i::float8 AS x, (i % 3) * 0.25 AS p FROM generate_series(1, 30) i) s
GROUP BY g, p ORDER BY g;
SELECT resolution_time(x, ARRAY[p]) FROM (VALUES (1.0::float8, 0.5::float8), (2, 0.9), (3, 0.1)) v(x, p);
-- a subnormal value prints and reads back
SELECT '{"version":1,"percentiles":[0.5],"array":false,"values":[5e-324]}'::duration_values::text::duration_values;
-- ordered input (the worst case of a naive tree) stays fast and exact
SELECT count(*) FILTER (WHERE m IS DISTINCT FROM i::float8) AS wrong
FROM (SELECT i, resolution_time(i::float8, 1) OVER (ORDER BY i) AS m FROM generate_series(1, 100000) i) s;
-- grouped states of few values use the small layout (no unused percentile
-- slots) up to 1024 values, then grow in place: every group size up to
-- 2 100, with NULLs, one, three and 32 percentiles, hashed and sorted, is
-- equal to percentile_cont
CREATE TABLE small_groups AS
SELECT n AS g, CASE WHEN i % 11 = 0 THEN NULL ELSE ((i * 7919) % 1000) / 8.0::float8 END AS x
FROM generate_series(1, 2100, 7) n, generate_series(1, n) i;
ANALYZE small_groups;
SELECT plan, count(*) AS groups,
	count(*) FILTER (WHERE m IS DISTINCT FROM mc) AS median_wrong,
	count(*) FILTER (WHERE p IS DISTINCT FROM pc) AS p90_wrong,
	count(*) FILTER (WHERE a IS DISTINCT FROM ac) AS array_wrong,
	count(*) FILTER (WHERE a32 IS DISTINCT FROM a32c) AS array32_wrong
FROM (SELECT 'hash' AS plan, g, resolution_time(x) m, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) mc,
		resolution_time(x, 0.9) p, percentile_cont(0.9) WITHIN GROUP (ORDER BY x) pc,
		resolution_time(x, ARRAY[0.1, NULL, 0.75]) a, percentile_cont(ARRAY[0.1, NULL, 0.75]) WITHIN GROUP (ORDER BY x) ac,
		resolution_time(x, (SELECT array_agg(k / 31.0::float8) FROM generate_series(0, 31) k)) a32,
		percentile_cont((SELECT array_agg(k / 31.0::float8) FROM generate_series(0, 31) k)) WITHIN GROUP (ORDER BY x) a32c
	FROM small_groups GROUP BY g) h
GROUP BY plan;
SET enable_hashagg = off;
SELECT count(*) AS groups, count(*) FILTER (WHERE m IS DISTINCT FROM mc) AS wrong
FROM (SELECT g, resolution_time(x) m, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) mc FROM small_groups GROUP BY g) s;
RESET enable_hashagg;
-- parallel workers' small states are combined (small + small, then past
-- 1024 values into a grown state)
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SELECT count(*) AS groups, count(*) FILTER (WHERE m IS DISTINCT FROM mc) AS wrong
FROM (SELECT g % 5 AS g, resolution_time(x) m, percentile_cont(0.5) WITHIN GROUP (ORDER BY x) mc
	FROM small_groups WHERE g < 200 GROUP BY g % 5
	UNION ALL
	SELECT NULL, resolution_time(x), percentile_cont(0.5) WITHIN GROUP (ORDER BY x) FROM small_groups) s;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
-- a small state leaving an aggregate (no final function) has the flat
-- layout's text and binary forms, reads back, and is read where stored
CREATE AGGREGATE raw_values(float8) (SFUNC = duration_values_accum, STYPE = duration_values);
CREATE AGGREGATE raw_values(float8, float8[]) (SFUNC = duration_values_accum, STYPE = duration_values);
CREATE TABLE stored_small AS
SELECT 1 AS k, raw_values(x) AS v FROM (VALUES (3.0::float8), (1.5), (NULL), (2)) t(x)
UNION ALL
SELECT 2, raw_values(x, ARRAY[0.25, NULL]) FROM (VALUES (3.0::float8), (1.5), (2), (8)) t(x)
UNION ALL
SELECT 3, raw_values(x) FROM generate_series(1, 1500) x;
SELECT k, left(v::text, 90) AS v, duration_values_percentile(v) AS p, duration_values_percentiles(v) AS ps,
	v::text::duration_values::text = v::text AS text_round_trip,
	duration_values_send(v) = duration_values_send(v::text::duration_values) AS binary_equal
FROM stored_small ORDER BY k;
SELECT resolution_time(x, 0.5) OVER (ORDER BY x ROWS 1 PRECEDING) FROM (VALUES (4.0::float8), (2)) v(x);
-- a small state holds at most 1024 values, in at most 8 kB of values: 1024
-- values stored take 8 kB and a header, 1025 the flat layout of 1025
SELECT n, pg_column_size(raw_values(x)) AS bytes, duration_values_percentile(raw_values(x)) AS median
FROM (VALUES (1020), (1024), (1025), (2042)) c(n), generate_series(1, c.n) x GROUP BY n ORDER BY n;
DROP TABLE stored_small, small_groups;
DROP AGGREGATE raw_values(float8);
DROP AGGREGATE raw_values(float8, float8[]);
