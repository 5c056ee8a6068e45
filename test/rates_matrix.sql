-- pgTAP: behaviour matrix of the share rates (share_pct, transfer_rate,
-- containment_rate): plain SQL = serial = parallel = window = rollup.
\set schema rates_matrix
\ir helpers.psql

SELECT plan(26);

-- 120 000 flags over 120 days and 17 groups, ~4 % NULL
CREATE TABLE flags AS
SELECT i, date '2026-01-01' + (i % 120) AS day, i % 17 AS grp,
	CASE WHEN abs(hashint4(i)) % 25 = 0 THEN NULL ELSE abs(hashint4(i)) % 100 < 23 + i % 17 END AS b
FROM generate_series(1, 120000) i;
ANALYZE flags;

CREATE TABLE plain_r AS
SELECT grp, count(*) FILTER (WHERE b) * 100.0 / count(b) AS pct, count(*) FILTER (WHERE b) AS hits, count(b) AS total
FROM flags GROUP BY grp;

-- serial
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_r AS
SELECT grp, share_pct(b) AS pct, share_hits(share_agg(b)) AS hits, share_total(share_agg(b)) AS total
FROM flags GROUP BY grp;
SELECT is((SELECT count(*) FROM serial_r), 17::bigint, 'serial: 17 groups');
SELECT is(mismatches('serial_r', 'plain_r'), 0::bigint, 'serial: share_pct and its counts equal the plain SQL in every group');
SELECT is((SELECT count(*) FROM (SELECT grp, transfer_rate(b) t, containment_rate(b) c, share_pct(b) s FROM flags GROUP BY grp) x
	WHERE t <> s OR c <> s), 0::bigint, 'transfer_rate and containment_rate compute the share');

-- parallel
SELECT force_parallel(true) \g /dev/null
SELECT ok(plan_of('SELECT grp, share_pct(b) FROM flags GROUP BY grp') ~ 'Partial', 'parallel: partial aggregation');
CREATE TABLE parallel_r AS
SELECT grp, share_pct(b) AS pct, share_hits(share_agg(b)) AS hits, share_total(share_agg(b)) AS total
FROM flags GROUP BY grp;
SELECT is(mismatches('parallel_r', 'serial_r'), 0::bigint, 'parallel = serial');
SELECT is((SELECT share_agg(b)::text FROM flags),
	(SELECT format('{"version":1,"kind":"share","hits":%s,"total":%s}', count(*) FILTER (WHERE b), count(b)) FROM flags),
	'parallel: the merged state holds the exact counts');
SELECT force_parallel(false) \g /dev/null

-- window frames
CREATE TABLE w_ext AS SELECT i, share_pct(b) OVER w AS pct FROM flags WHERE i <= 6000
	WINDOW w AS (ORDER BY i ROWS BETWEEN 29 PRECEDING AND CURRENT ROW);
CREATE TABLE w_plain AS SELECT i, count(*) FILTER (WHERE b) OVER w * 100.0 / NULLIF(count(b) OVER w, 0) AS pct FROM flags WHERE i <= 6000
	WINDOW w AS (ORDER BY i ROWS BETWEEN 29 PRECEDING AND CURRENT ROW);
SELECT is((SELECT count(*) FROM w_ext), 6000::bigint, 'window: one value per row');
SELECT is(mismatches('w_ext', 'w_plain'), 0::bigint, 'window ROWS 29 PRECEDING = plain SQL on every frame');
CREATE TABLE wr_ext AS SELECT i, share_pct(b) OVER w AS pct FROM flags WHERE i <= 20000
	WINDOW w AS (ORDER BY day RANGE BETWEEN '6 days' PRECEDING AND CURRENT ROW);
CREATE TABLE wr_plain AS SELECT i, count(*) FILTER (WHERE b) OVER w * 100.0 / NULLIF(count(b) OVER w, 0) AS pct FROM flags WHERE i <= 20000
	WINDOW w AS (ORDER BY day RANGE BETWEEN '6 days' PRECEDING AND CURRENT ROW);
SELECT is(mismatches('wr_ext', 'wr_plain'), 0::bigint, 'window RANGE 6 days = plain SQL on every frame');
SELECT is((SELECT array_agg(x ORDER BY i) FROM (SELECT i, share_pct(b) OVER (ORDER BY i ROWS 1 PRECEDING) x
		FROM (VALUES (1, true), (2, NULL), (3, NULL), (4, false), (5, true)) v(i, b)) z),
	'{100,100,NULL,0,50}'::numeric[], 'window: frames emptied by NULLs give NULL, then recover');
SELECT is((SELECT array_agg(x::text ORDER BY i) FROM (SELECT i, share_agg(b) OVER (ORDER BY i ROWS 1 PRECEDING) x
		FROM (VALUES (1, NULL::boolean), (2, true)) v(i, b)) z),
	ARRAY[NULL, '{"version":1,"kind":"share","hits":1,"total":1}'], 'window: share_agg of a NULL-only frame is NULL');

CREATE TABLE wx_ext AS SELECT i, share_pct(b) OVER w AS pct FROM flags WHERE i <= 3000
	WINDOW w AS (ORDER BY day, i ROWS BETWEEN 5 PRECEDING AND 5 FOLLOWING EXCLUDE CURRENT ROW);
CREATE TABLE wx_plain AS SELECT i, count(*) FILTER (WHERE b) OVER w * 100.0 / NULLIF(count(b) OVER w, 0) AS pct FROM flags WHERE i <= 3000
	WINDOW w AS (ORDER BY day, i ROWS BETWEEN 5 PRECEDING AND 5 FOLLOWING EXCLUDE CURRENT ROW);
SELECT is(mismatches('wx_ext', 'wx_plain'), 0::bigint, 'window with EXCLUDE CURRENT ROW = plain SQL on every frame');

-- rollup
CREATE TABLE day_states AS SELECT grp, day, share_agg(b) AS st FROM flags GROUP BY grp, day;
CREATE TABLE rollup_r AS SELECT grp, share_pct(rollup(st)) AS pct, share_hits(rollup(st)) AS hits, share_total(rollup(st)) AS total
	FROM day_states GROUP BY grp;
SELECT is(mismatches('rollup_r', 'serial_r'), 0::bigint, 'rollup of daily states = one-shot aggregate');
CREATE TABLE roll7 AS SELECT day, share_pct(rollup(st) OVER (ORDER BY day ROWS 6 PRECEDING)) AS pct
	FROM (SELECT day, rollup(st) AS st FROM day_states GROUP BY day) d;
CREATE TABLE roll7_plain AS SELECT d.day, (SELECT share_pct(b) FROM flags f WHERE f.day BETWEEN d.day - 6 AND d.day) AS pct
	FROM (SELECT DISTINCT day FROM flags) d;
SELECT is(mismatches('roll7', 'roll7_plain'), 0::bigint, 'rollup() OVER 7 days = share over the raw rows');
SELECT is((SELECT rollup(st)::text FROM (VALUES (NULL::share_state)) v(st)), NULL, 'rollup of NULL states is NULL');

-- text and binary forms
SELECT is((SELECT count(*) FROM day_states WHERE st::text::share_state::text <> st::text), 0::bigint, 'text round trip of every state');
CREATE TABLE bin_a (st share_state);
CREATE TABLE bin_b (st share_state);
INSERT INTO bin_a SELECT st FROM day_states;
SELECT binary_copy('bin_a', 'bin_b') \g /dev/null
SELECT is(mismatches('(SELECT st::text FROM bin_a) a', '(SELECT st::text FROM bin_b) b'), 0::bigint, 'binary COPY round trip of every state');
SELECT is(recv_as('share_state', '01010002' || '0000000000000003' || '0000000000000005'),
	'{"version":1,"kind":"share","hits":3,"total":5}', 'recv: well-formed bytes');
SELECT throws_ok($$SELECT recv_as('share_state', '02010002' || '0000000000000003' || '0000000000000005')$$, '22P03', NULL, 'recv: unknown version');
SELECT throws_ok($$SELECT recv_as('share_state', '01020002' || '0000000000000003' || '0000000000000005')$$, '22P03', NULL, 'recv: another kind');
SELECT throws_ok($$SELECT recv_as('share_state', '01010003' || '0000000000000003' || '0000000000000005' || '0000000000000005')$$, '22P03', NULL, 'recv: wrong number of counters');
SELECT throws_ok($$SELECT recv_as('share_state', '01010002' || '0000000000000003')$$, '08P01', NULL, 'recv: truncated');
SELECT throws_ok($$SELECT recv_as('share_state', '01010002' || '0000000000000006' || '0000000000000005')$$, '22003', NULL, 'recv: hits above total');

-- edge cases and errors
SELECT is((SELECT share_pct(b) FROM flags WHERE false), NULL, 'empty input: NULL');
SELECT throws_ok($$SELECT rollup(st) FROM (VALUES ('{"version":1,"kind":"share","hits":9223372036854775807,"total":9223372036854775807}'::share_state),
	('{"version":1,"kind":"share","hits":1,"total":1}'::share_state)) v(st)$$, '22003', NULL, 'a merge that overflows bigint is an error');

-- public dataset: share of answered and of resolved calls per agent (PwC call-centre set)
\ir datasets.psql
\if :have_datasets
\ir pwc.psql
SELECT is(
	(SELECT string_agg(agent || '=' || a || '/' || r, ',' ORDER BY agent) FROM (
		SELECT agent, share_pct(answered = 'Y') a, share_pct(resolved = 'Y') FILTER (WHERE answered = 'Y') r FROM pwc GROUP BY agent) e),
	(SELECT string_agg(agent || '=' || a || '/' || r, ',' ORDER BY agent) FROM (
		SELECT agent, count(*) FILTER (WHERE answered = 'Y') * 100.0 / count(*) a,
			count(*) FILTER (WHERE answered = 'Y' AND resolved = 'Y') * 100.0 / count(*) FILTER (WHERE answered = 'Y') r
		FROM pwc GROUP BY agent) p),
	'PwC dataset: answered and resolved shares per agent equal the plain SQL');
\else
SELECT skip(:'skip_reason', 1);
\endif

SELECT * FROM finish();
DROP SCHEMA rates_matrix CASCADE;
