-- pgTAP: behaviour matrix of duration_sketch: accuracy against
-- percentile_cont, bucket bounds against numeric arithmetic, serial =
-- parallel = rollup (same bytes), window frames = recomputation, binary I/O.
\set schema sketch_matrix
\ir helpers.psql

SELECT plan(46);

-- a uniform number in (0, 1) from row i and stream k (deterministic)
CREATE FUNCTION u(i int, k int) RETURNS float8 IMMUTABLE LANGUAGE sql AS
$$ SELECT (abs(hashint4(i * 7919 + k)) % 1000000 + 0.5) / 1000000.0 $$;
-- seconds rounded to the microsecond, as the sketch stores them
CREATE FUNCTION whole_us(s float8) RETURNS float8 IMMUTABLE LANGUAGE sql AS
$$ SELECT round(s * 1e6) / 1e6 $$;

-- datasets: name, group (one dataset each), seconds
CREATE TABLE ds (name text, grp int, s float8);
-- uniform 0..3600 s, 51 .. 3001 rows
INSERT INTO ds SELECT 'uniform', g, whole_us(u(i, g) * 3600)
FROM generate_series(1, 8) g, generate_series(1, 1 + 50 * g * g) i;
-- lognormal-like: exp(4 + 1.5 z), z standard normal (Box-Muller)
INSERT INTO ds SELECT 'lognormal', g,
	whole_us(exp(4 + 1.5 * sqrt(-2 * ln(u(i, g + 100))) * cos(2 * pi() * u(i, g + 200))))
FROM generate_series(1, 8) g, generate_series(1, 1 + 40 * g * g) i;
-- heavy ties: 0, 1 min, 5 min (half of the rows), 1 h
INSERT INTO ds SELECT 'ties', g, (ARRAY[0, 60, 300, 300, 300, 3600])[1 + abs(hashint4(i + 1000 * g)) % 6]
FROM generate_series(1, 6) g, generate_series(1, 7 * g * g) i;
-- tiny: whole microseconds 0 .. 60
INSERT INTO ds SELECT 'tiny', g, (abs(hashint4(i + 2000 * g)) % 61) / 1e6
FROM generate_series(1, 6) g, generate_series(1, 5 + 20 * g) i;
-- huge: 1e6 .. 1e10 s (11 days .. 300 years), log-uniform
INSERT INTO ds SELECT 'huge', g, whole_us(exp(ln(1e6) + u(i, g + 300) * ln(1e4)))
FROM generate_series(1, 6) g, generate_series(1, 10 * g) i;
-- single rows and pairs
INSERT INTO ds VALUES ('single', 1, 0), ('single', 2, 0.000001), ('single', 3, 1.5),
	('single', 4, 86400.123456), ('single', 5, 1e9),
	('two', 1, 0), ('two', 1, 10), ('two', 2, 1.5), ('two', 2, 1.500001),
	('two', 3, 0.000001), ('two', 3, 0.000002), ('two', 4, 60), ('two', 4, 3600),
	('two', 5, 7), ('two', 5, 7);
ANALYZE ds;

CREATE TABLE states AS SELECT name, grp, count(*) AS n, duration_agg(s) AS st FROM ds GROUP BY name, grp;
CREATE TABLE acc AS
SELECT name, grp, p, duration_percentile(st, p) AS est, exact
FROM states JOIN (
	SELECT name, grp, p, percentile_cont(p) WITHIN GROUP (ORDER BY s) AS exact
	FROM ds, unnest(ARRAY[0, 0.01, 0.25, 0.5, 0.9, 0.99, 1]::float8[]) p GROUP BY name, grp, p) e
USING (name, grp);

SELECT is((SELECT count(*) FROM acc), 7 * 44::bigint, 'accuracy: 44 datasets x 7 percentiles');
SELECT is((SELECT count(*) FROM acc WHERE abs(est - exact) > 0.005 * exact + 1e-12), 0::bigint,
	'every percentile within 0.5 % (relative) of percentile_cont');
SELECT ok((SELECT max(abs(est - exact) / exact) FROM acc WHERE exact > 0) > 0.001,
	'the estimates are estimates: some differ by more than 0.1 %');
SELECT diag('max relative error by dataset: ' || string_agg(name || ' ' || to_char(e, 'FM0.000000'), ', ' ORDER BY name))
FROM (SELECT name, max(CASE WHEN exact = 0 THEN abs(est) ELSE abs(est - exact) / exact END) e FROM acc GROUP BY name) m;
-- "exact": equal but for the rounding of the last binary digits
CREATE FUNCTION inexact(est float8, exact float8) RETURNS boolean IMMUTABLE LANGUAGE sql AS
$$ SELECT abs(est - exact) > 1e-14 * exact $$;
SELECT is((SELECT count(*) FROM acc WHERE p IN (0, 1) AND inexact(est, exact)), 0::bigint,
	'p = 0 and p = 1 give the exact minimum and maximum');
SELECT is((SELECT count(*) FROM acc WHERE name IN ('single', 'two') AND inexact(est, exact)), 0::bigint,
	'one or two values: every percentile exact (interpolating the exact extremes)');
SELECT is((SELECT count(*) FROM acc WHERE name = 'tiny' AND inexact(est, exact)), 0::bigint,
	'whole microseconds below 100: exact (each bucket holds one of them)');
SELECT is((SELECT count(*) FROM acc JOIN states USING (name, grp) WHERE name = 'ties' AND n > 50 AND p >= 0.99 AND inexact(est, exact)),
	0::bigint, 'ties at the maximum (1 h): p99 exact, the copies of the maximum are counted');
SELECT is((SELECT count(*) FROM (
	SELECT name, grp, duration_percentiles(st, ARRAY[0, 0.01, 0.25, 0.5, 0.9, 0.99, 1]) AS a FROM states) x
	JOIN (SELECT name, grp, array_agg(est ORDER BY p) AS b FROM acc GROUP BY name, grp) y USING (name, grp)
	WHERE a IS DISTINCT FROM b), 0::bigint, 'duration_percentiles = duration_percentile element by element');
SELECT is((SELECT count(*) FROM states s JOIN (SELECT name, grp, avg(round(s * 1e6)) / 1e6 AS m FROM ds GROUP BY 1, 2) a
	USING (name, grp) WHERE abs(duration_mean(st) - m) > 1e-12 * m), 0::bigint, 'mean exact: avg() of the microseconds');
SELECT is((SELECT count(*) FROM states s JOIN (SELECT name, grp, count(*) c, min(s) mi, max(s) ma FROM ds GROUP BY 1, 2) a
	USING (name, grp) WHERE duration_count(st) <> c OR duration_min(st) <> mi OR duration_max(st) <> ma),
	0::bigint, 'count, min and max exact');

-- share within a threshold: exact but for the values in the threshold's bucket
CREATE TABLE shares AS
SELECT name, grp, t, duration_share_within(st, t) AS est, exact, near
FROM states JOIN (
	SELECT name, grp, t, count(*) FILTER (WHERE s <= t) * 100.0 / count(*) AS exact,
		count(*) FILTER (WHERE s > t / 1.0101 AND s <= t * 1.0101) * 100.0 / count(*) AS near
	FROM ds, unnest(ARRAY[0, 0.00003, 30, 60, 299.9, 300, 600, 3600, 5e7]::float8[]) t GROUP BY 1, 2, 3) e
USING (name, grp);
SELECT is((SELECT count(*) FROM shares WHERE abs(est - exact) > near + 1e-12), 0::bigint,
	'share within: off by at most the share of values within 1 % of the threshold');
SELECT is((SELECT count(*) FROM shares WHERE near = 0 AND est <> exact), 0::bigint,
	'share within: exact where no value lies near the threshold');
SELECT ok((SELECT count(*) FROM shares WHERE near > 0 AND est <> exact) > 0,
	'share within: values near the threshold are estimated (the bound above is used)');

-- bucket bounds: the bucket of v and v + 1 at every floor(gamma^i), against
-- ceil(ln(v) / ln(201/199)) in numeric arithmetic (30 decimal places)
CREATE TABLE bounds AS
SELECT i, floor(exp(i * ln(201::numeric(60, 40) / 199))) AS v FROM generate_series(0, 4366) i;
CREATE TABLE bucket_check AS
SELECT v, ceil(ln(v::numeric(60, 30)) / ln(201::numeric(60, 30) / 199)) AS expected,
	(regexp_match(duration_agg(format('%s days %s microseconds', div(v, 86400000000), mod(v, 86400000000))::interval)::text,
		'"offset":(\d+)'))[1]::numeric AS got
FROM (SELECT DISTINCT v FROM bounds UNION SELECT v + 1 FROM bounds) b GROUP BY v;
SELECT ok((SELECT count(*) FROM bucket_check) > 7800, 'bucket bounds: over 7800 values checked');
SELECT is((SELECT count(*) FROM bucket_check WHERE got <> expected), 0::bigint,
	'bucket of every boundary value = ceil(ln(us) / ln(gamma)), as numeric computes it');
SELECT is((SELECT duration_agg('9223372036854775807 microseconds'::interval)::text),
	'{"version":1,"kind":"duration","count":1,"sum_us":9223372036854775807,"min_us":9223372036854775807,"min_count":1,"max_us":9223372036854775807,"max_count":1,"zero":0,"offset":4367,"buckets":[1]}',
	'the largest duration: bucket 4367, the last');

-- serial = parallel = rollup: same bytes, same results
CREATE TABLE big AS
SELECT i, i % 23 AS grp, date '2026-01-01' + i % 60 AS day,
	whole_us(exp(3 + 2 * sqrt(-2 * ln(u(i, 1))) * cos(2 * pi() * u(i, 2)))) AS s,
	CASE WHEN i % 97 = 0 THEN NULL ELSE timestamptz '2026-01-01' + i * interval '1 min' END AS opened_at
FROM generate_series(1, 200000) i;
UPDATE big SET s = NULL WHERE i % 101 = 0;
ANALYZE big;
CREATE VIEW ext AS
SELECT grp, duration_agg(s)::text AS st, duration_median(duration_agg(s)) AS med,
	duration_percentile(duration_agg(s), 0.9) AS p90, duration_share_within(duration_agg(s), 60) AS w60
FROM big GROUP BY grp;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_r AS SELECT * FROM ext;
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT duration_agg(s) FROM big') ~ 'Partial Aggregate', 'parallel: Partial Aggregate');
SELECT ok(plan_of('SELECT grp, duration_agg(s) FROM big GROUP BY grp') ~ 'Partial', 'parallel: grouped partial aggregation');
CREATE TABLE parallel_r AS SELECT * FROM ext;
CREATE TABLE parallel_all AS SELECT duration_agg(s)::text AS st FROM big;
SELECT force_parallel(false) \g /dev/null
SET max_parallel_workers_per_gather = 0;
SELECT is((SELECT count(*) FROM serial_r), 23::bigint, 'serial: 23 groups');
SELECT is(mismatches('serial_r', 'parallel_r'), 0::bigint, 'parallel = serial: same text forms, same accessors');
SELECT is((SELECT st FROM parallel_all), (SELECT duration_agg(s)::text FROM big), 'parallel = serial over all rows');
CREATE TABLE day_states AS SELECT grp, day, duration_agg(s) AS st FROM big GROUP BY grp, day;
CREATE TABLE rollup_r AS
SELECT grp, rollup(st)::text AS st, duration_median(rollup(st)) AS med, duration_percentile(rollup(st), 0.9) AS p90,
	duration_share_within(rollup(st), 60) AS w60
FROM day_states GROUP BY grp;
SELECT is(mismatches('rollup_r', 'serial_r'), 0::bigint, 'rollup of daily states = one-shot aggregate: same bytes');
SELECT is((SELECT rollup(st)::text FROM (SELECT st FROM day_states ORDER BY day DESC, grp) x),
	(SELECT duration_agg(s)::text FROM big), 'rollup in another order: same bytes');
SELECT is((SELECT count(*) FROM (SELECT grp, duration_agg(make_interval(secs => s)) AS a, duration_agg(s) AS b,
	duration_agg(opened_at, opened_at + make_interval(secs => s)) AS c,
	resolution_time_agg(opened_at, opened_at + make_interval(secs => s)) AS d,
	duration_agg(s) FILTER (WHERE opened_at IS NOT NULL) AS e FROM big GROUP BY grp) x
	WHERE a::text <> b::text OR c::text <> d::text OR c::text <> e::text), 0::bigint,
	'interval, seconds and timestamp forms build the same states (NULL timestamps skipped)');
SELECT is((SELECT count(*) FROM day_states WHERE st::text::duration_sketch::text <> st::text), 0::bigint,
	'text round trip of every daily state');

-- merging NULL and empty states
SELECT is((SELECT rollup(st)::text FROM (SELECT st FROM day_states UNION ALL SELECT NULL) x),
	(SELECT duration_agg(s)::text FROM big), 'rollup skips NULL states');
SELECT is((SELECT duration_sketch_combine(st, '{"version":1,"kind":"duration","count":0,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}')::text
	FROM (SELECT duration_agg(s) st FROM big) x), (SELECT duration_agg(s)::text FROM big), 'merging an empty sketch changes nothing');
SELECT is((SELECT rollup(st) IS NULL FROM (VALUES ('{"version":1,"kind":"duration","count":0,"sum_us":0,"min_us":0,"min_count":0,"max_us":0,"max_count":0,"zero":0,"offset":0,"buckets":[]}'::duration_sketch), (NULL)) v(st)),
	true, 'rollup of empty and NULL sketches only: NULL, as no rows');

-- window frames = recomputation of every frame (ties, NULLs, sorted order)
CREATE TABLE w AS
SELECT i, CASE WHEN i % 13 = 0 THEN NULL ELSE (ARRAY[0, 60, 300, 300, 301.5, 3600, 7.25])[1 + abs(hashint4(i)) % 7] END AS s,
	whole_us(u(i, 9) * 100) AS r
FROM generate_series(1, 3000) i;
CREATE INDEX ON w (i);
CREATE TABLE w_win AS
SELECT i, (duration_agg(s) OVER f)::text AS a, duration_median(duration_agg(s) OVER f) AS med,
	duration_percentile(duration_agg(s) OVER f, 0.99) AS p99, duration_min(duration_agg(s) OVER f) AS mi,
	duration_max(duration_agg(s) OVER f) AS ma, (duration_agg(r) OVER f)::text AS b
FROM w WINDOW f AS (ORDER BY i ROWS 29 PRECEDING);
CREATE TABLE w_re AS
SELECT w1.i, x.a::text, duration_median(x.a), duration_percentile(x.a, 0.99), duration_min(x.a), duration_max(x.a), x.b::text
FROM w w1 CROSS JOIN LATERAL (SELECT duration_agg(s) a, duration_agg(r) b FROM w w2 WHERE w2.i BETWEEN w1.i - 29 AND w1.i) x;
SELECT is(mismatches('w_win', 'w_re'), 0::bigint,
	'window ROWS 29 PRECEDING = duration_agg over the same frame: same bytes, median, p99, min, max');
SELECT is((SELECT count(*) FROM w_win JOIN (SELECT i, min(s) OVER f mi, max(s) OVER f ma FROM w WINDOW f AS (ORDER BY i ROWS 29 PRECEDING)) m
	USING (i) WHERE w_win.mi IS DISTINCT FROM m.mi OR w_win.ma IS DISTINCT FROM m.ma), 0::bigint,
	'window min / max = min() / max() OVER the same frame: exact after rows leave');
CREATE TABLE ws AS SELECT row_number() OVER (ORDER BY r, i) AS rn, r FROM w;
CREATE INDEX ON ws (rn);
CREATE TABLE s_win AS
SELECT rn, (duration_agg(r) OVER (ORDER BY rn ROWS BETWEEN 5 PRECEDING AND 3 FOLLOWING))::text AS b FROM ws;
SELECT is((SELECT count(*) FROM s_win CROSS JOIN LATERAL (SELECT duration_agg(r)::text AS b FROM ws w2
	WHERE w2.rn BETWEEN s_win.rn - 5 AND s_win.rn + 3) re WHERE s_win.b <> re.b), 0::bigint,
	'window over values in sorted order (every frame loses its minimum) = recomputation');
SELECT is((SELECT count(*) FROM (SELECT duration_agg(s) OVER (ORDER BY i ROWS BETWEEN CURRENT ROW AND CURRENT ROW) a FROM w WHERE s IS NULL) x
	WHERE a IS NOT NULL), 0::bigint, 'a frame of NULL durations only: NULL');

-- rollup over window frames (uncombine as the inverse) = recomputed rollups
CREATE TABLE days AS SELECT row_number() OVER (ORDER BY day) AS n, day, rollup(st) AS st FROM day_states GROUP BY day;
SELECT is((SELECT count(*) FROM (
	SELECT n, (rollup(st) OVER (ORDER BY n ROWS 6 PRECEDING))::text AS a,
		(SELECT rollup(st) FROM days d2 WHERE d2.n BETWEEN d1.n - 6 AND d1.n)::text AS b FROM days d1) x
	WHERE a <> b), 0::bigint, 'rollup(state) OVER ROWS 6 PRECEDING = rollup of the same days: same bytes');

-- removing a day outside an aggregate: the cells of the rest; an extreme that
-- left becomes inexact (min_count / max_count 0), reported within 0.5 %
CREATE TABLE unc AS
SELECT duration_sketch_uncombine((SELECT rollup(st) FROM days), d1.st) AS a,
	(SELECT rollup(st) FROM days d2 WHERE d2.n <> d1.n) AS b FROM days d1;
SELECT is((SELECT count(*) FROM unc WHERE duration_count(a) <> duration_count(b) OR duration_mean(a) <> duration_mean(b)
	OR regexp_replace(a::text, '"min_us.*"zero"', '') <> regexp_replace(b::text, '"min_us.*"zero"', '')), 0::bigint,
	'uncombine outside an aggregate: count, sum and cells of the rest');
SELECT is((SELECT count(*) FROM unc WHERE abs(duration_min(a) - duration_min(b)) > 0.005 * duration_min(b)
	OR abs(duration_max(a) - duration_max(b)) > 0.005 * duration_max(b)
	OR (a::text ~ '"min_count":[1-9]' AND duration_min(a) <> duration_min(b))
	OR (a::text ~ '"max_count":[1-9]' AND duration_max(a) <> duration_max(b))), 0::bigint,
	'after uncombine: min / max exact where their count is kept, else within 0.5 %');
SELECT ok((SELECT count(*) FROM unc WHERE a::text ~ '"(min|max)_count":0,') > 0, 'some removed days held an extreme');

-- binary: COPY round trip and forged input
CREATE TABLE bin_a (st duration_sketch);
CREATE TABLE bin_b (st duration_sketch);
INSERT INTO bin_a SELECT st FROM day_states UNION ALL SELECT NULL UNION ALL SELECT duration_agg(s) FROM big;
SELECT binary_copy('bin_a', 'bin_b') \g /dev/null
SELECT is(mismatches('(SELECT st::text FROM bin_a) a', '(SELECT st::text FROM bin_b) b'), 0::bigint,
	'binary COPY round trip of every state');
-- hex of a binary sketch from its fields
CREATE FUNCTION sk_hex(count bigint, zero bigint, sum bigint, mi bigint, mic bigint, ma bigint, mac bigint,
	off int, nb int, counts bigint[], head text DEFAULT '01010000') RETURNS text LANGUAGE sql AS $$
	SELECT head || encode(int8send(count), 'hex') || encode(int8send(zero), 'hex') || encode(int8send(sum), 'hex')
		|| encode(int8send(mi), 'hex') || encode(int8send(mic), 'hex') || encode(int8send(ma), 'hex')
		|| encode(int8send(mac), 'hex') || encode(int4send(off), 'hex') || encode(int4send(nb), 'hex')
		|| coalesce((SELECT string_agg(encode(int8send(c), 'hex'), '' ORDER BY o) FROM unnest(counts) WITH ORDINALITY x(c, o)), '') $$;
-- 1 s and 2 s: buckets 1382 and 1451
SELECT is(recv_as('duration_sketch', sk_hex(2, 0, 3000000, 1000000, 1, 2000000, 1, 1382, 70,
	ARRAY[1] || array_fill(0::bigint, ARRAY[68]) || ARRAY[1]::bigint[])),
	duration_agg(s)::text, 'recv: a valid value reads back as sent') FROM (VALUES (1::float8), (2)) v(s);
SELECT throws_ok($$SELECT recv_as('duration_sketch', left(sk_hex(1, 0, 1000000, 1000000, 1, 1000000, 1, 1382, 1, ARRAY[1]::bigint[]), -16))$$,
	'08P01', NULL, 'recv: truncated');
SELECT is(run_error_detail($$SELECT recv_as('duration_sketch', sk_hex(1, 0, 1000000, 1000000, 1, 1000000, 1, 1382, 1, ARRAY[1]::bigint[]) || '00')$$),
	'22P03 invalid binary duration_sketch value / 1 unexpected bytes at the end.', 'recv: trailing bytes');
SELECT throws_ok($$SELECT recv_as('duration_sketch', sk_hex(1, 0, 1000000, 1000000, 1, 1000000, 1, 1382, 1, ARRAY[1]::bigint[], '02010000'))$$,
	'22P03', 'unsupported duration_sketch format version 2', 'recv: bad version');
SELECT is(run_error_detail($$SELECT recv_as('duration_sketch', sk_hex(1, 0, 1000000, 1000000, 1, 1000000, 1, 0, 2147483647, ARRAY[1]::bigint[]))$$),
	'22P03 invalid binary duration_sketch value / 2147483647 buckets from index 0: indices run from 0 to 4367 (no buckets: offset 0).',
	'recv: a huge bucket count is refused before any allocation');
SELECT throws_ok($$SELECT recv_as('duration_sketch', sk_hex(2, 0, 1000000, 1000000, 1, 1000000, 1, 1382, 1, ARRAY[1]::bigint[]))$$,
	'22P03', 'invalid duration_sketch: count 2 is not zero + the bucket counts (1)', 'recv: count mismatch');
SELECT throws_ok($$SELECT recv_as('duration_sketch', sk_hex(1, 0, 1000000, 1000000, 1, 1000000, 1, 1382, 2, ARRAY[1, 0]::bigint[]))$$,
	'22P03', 'invalid duration_sketch: the buckets must start and end with a non-zero count', 'recv: not canonical (zero edge bucket)');
SELECT throws_ok($$SELECT recv_as('duration_sketch', sk_hex(1, 0, 2000000, 2000000, 1, 2000000, 1, 1382, 1, ARRAY[1]::bigint[]))$$,
	'22P03', 'invalid duration_sketch: min_us is not in the lowest non-empty cell', 'recv: minimum outside its bucket');

-- errors
SELECT throws_ok($$SELECT duration_agg(d) FROM (VALUES ('150000 years'::interval), ('150000 years')) v(d)$$,
	'22003', 'duration_sketch total duration is out of range for type bigint', 'a sum beyond 2^63 - 1 microseconds is an error');

SELECT * FROM finish();
DROP SCHEMA sketch_matrix CASCADE;
